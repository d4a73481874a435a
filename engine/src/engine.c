/* engine.c: the engine's life: creation, inject rules, spawning the root
 * guest, killing and freeing: the public API above the tracer. The ptrace
 * stops are handled in tracer.c and tracer_states.c. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <revel/inject.h>
#include "filter.h"
#include "gdb_server.h"
#include "sched.h"
#include "engine_state.h"
#include "tracer_states.h"

revel_engine *revel_engine_new(const struct revel_options *opt, const char **err)
{
	if (opt->spin_us < REVEL_SPIN_OFF || opt->spin_us > REVEL_SPIN_MAX) {
		*err = "spin_us out of range";
		return NULL;
	}
	if (opt->placement < REVEL_PLACE_NONE || opt->placement > REVEL_PLACE_TOGETHER) {
		*err = "placement out of range";
		return NULL;
	}
	revel_engine *e = calloc(1, sizeof *e);
	if (!e) {
		*err = "out of memory";
		return NULL;
	}
	e->opt = *opt;
	e->log = opt->log ? opt->log : stderr;
	if (opt->gdbserver) {
		static char gerr[256];
		if (gdb_server_open(e, opt->gdbserver, opt->gdb_disconnect_kill, gerr,
		                    sizeof gerr) < 0) {
			free(e);
			*err = gerr;
			return NULL;
		}
		e->opt.gdbserver = NULL; /* the caller's string need not outlive this */
	}
	wait_spin_init(&e->spin, opt->spin_us);
	place_init(&e->place, opt->placement);
	sched_new(e, err);
	if (*err) {
		free(e);
		return NULL;
	}
	for (int nr = 0; nr < REVEL_NR_MAX; nr++) {
		/* Only a subscribed call can stop; a handled one must be subscribed. */
		if (e->opt.handled[nr])
			e->opt.subscribed[nr] = 1;
		e->any_handled |= e->opt.handled[nr] != 0;
		/* gdb's catch syscall may ask for any call: the filter cannot
		 * grow later. Calls nobody handles still run on at once. */
		if (e->gdb)
			e->opt.subscribed[nr] = 1;
	}
	return e;
}

void revel_engine_free(revel_engine *e)
{
	if (!e)
		return;
	revel_kill_all(e);
	gdb_server_free(e);
	sched_free(e);
	place_end(e);
	if (e->mask_changed)
		sigprocmask(SIG_SETMASK, &e->old_mask, NULL);
	fault_rules_free(&e->rules);
	free(e->prelude_lib);
	tasks_free(&e->tasks);
	queue_free(&e->queue);
	free(e);
}

/* ---- spawning ---- */

/* Resolve a command as execvp would, so that "not found" (127) and "not
 * executable" (126) are known before anything runs. */
static int resolve(const char *cmd, char *out, size_t outlen)
{
	struct stat st;
	if (strchr(cmd, '/')) {
		if ((size_t)snprintf(out, outlen, "%s", cmd) >= outlen)
			return -ENAMETOOLONG;
		if (stat(out, &st) < 0)
			return -errno;
		if (S_ISDIR(st.st_mode) || access(out, X_OK) < 0)
			return -EACCES;
		return 0;
	}
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	int found_noexec = 0;
	for (const char *p = path; *p;) {
		const char *end = strchrnul(p, ':');
		int n = (int)(end - p);
		if ((size_t)snprintf(out, outlen, "%.*s%s%s", n, p, n ? "/" : "", cmd) < outlen &&
		    stat(out, &st) == 0 && !S_ISDIR(st.st_mode)) {
			if (access(out, X_OK) == 0)
				return 0;
			found_noexec = 1;
		}
		p = *end ? end + 1 : end;
	}
	return found_noexec ? -EACCES : -ENOENT;
}

_Noreturn static void child_fail(const char *what, const char *path, int err, int code)
{
	if (path)
		dprintf(2, "revel: %s %s: %s\n", what, path, strerror(err));
	else
		dprintf(2, "revel: %s: %s\n", what, strerror(err));
	_exit(code);
}

/* strace -u: the user's groups, looked up before the fork so that the
 * traced child does no file reading of its own. */
struct creds {
	gid_t *groups;
	int ngroups;
};

static int creds_get(const struct revel_options *o, struct creds *c)
{
	c->groups = NULL;
	c->ngroups = 0;
	if (!o->run_user)
		return 0;
	int n = 32;
	for (;;) {
		gid_t *g = realloc(c->groups, (size_t)n * sizeof *g);
		if (!g) {
			free(c->groups);
			return -ENOMEM;
		}
		c->groups = g;
		int want = n;
		if (getgrouplist(o->run_user, o->run_gid, g, &want) >= 0) {
			c->ngroups = want;
			return 0;
		}
		n = want > n ? want : n * 2;
	}
}

/* As strace's -u: groups, then gid and uid; the effective ids stay the
 * file's for a set-user-ID or set-group-ID command. */
static void child_become(const struct revel_options *o, const struct creds *c, const char *path)
{
	if (!o->run_user)
		return;
	uid_t euid = o->run_uid;
	gid_t egid = o->run_gid;
	struct stat st;
	if (stat(path, &st) == 0) {
		if (st.st_mode & S_ISUID)
			euid = st.st_uid;
		if (st.st_mode & S_ISGID)
			egid = st.st_gid;
	}
	if (setgroups((size_t)c->ngroups, c->groups) < 0)
		child_fail("initgroups", NULL, errno, 125);
	if (setregid(o->run_gid, egid) < 0)
		child_fail("setregid", NULL, errno, 125);
	if (setreuid(o->run_uid, euid) < 0)
		child_fail("setreuid", NULL, errno, 125);
}

/* Become the guest, once the tracer has seized us (go: a pipe the parent
 * closes then, or -1 when that is already known). */
_Noreturn static void child_run(revel_engine *e, int go, const char *path, char *const argv[],
                                const struct creds *c)
{
	/* The guest inherits revel's signal state as it would a shell's, but for
	 * what revel changed for itself. */
	for (int s = 1; s < 64; s++)
		if (e->opt.sig_default & (1ull << s))
			signal(s, SIG_DFL);
	char ch;
	/* Wait until the parent has seized us: a TRACE filter with no tracer
	 * would fail every subscribed call with ENOSYS. */
	while (go >= 0 && read(go, &ch, 1) < 0 && errno == EINTR)
		;
	if (go >= 0)
		close(go);
	place_child(e);
	/* Loaded while still root (if revel is), so that -u keeps set-user-ID
	 * commands working: no no_new_privs. The calls up to execve are
	 * revel's, not the guest's: the tracer lets them pass unseen. */
	/* -b execve: no filter, it would outlive the detach (syscall stops). */
	int rc = e->opt.detach_on_exec
	             ? 0
	             : filter_load(e->opt.subscribed, geteuid() != 0, e->opt.placement);
	if (rc < 0)
		child_fail("seccomp filter for", path, -rc, 125);
	child_become(&e->opt, c, path);
	extern char **environ;
	execve(path, argv, e->opt.envp ? e->opt.envp : environ);
	/* As the shell: not found 127, any other exec failure (ELOOP of a
	 * script that is its own interpreter, ENOEXEC, E2BIG...) 126. */
	child_fail("exec", path, errno, errno == ENOENT ? 127 : 126);
}

/* The root guest is seized: the tracer takes it on. */
static void adopt_root(revel_engine *e, pid_t pid)
{
	struct task *t = tasks_add(&e->tasks, pid);
	if (!t)
		abort();
	t->proc = proc_new(pid);
	t->proc->nthreads = 1;
	t->state = TS_RUNNING;
	t->before_exec = true;
	t->syscall_mode = e->opt.detach_on_exec != 0;
	if (t->syscall_mode)
		tracer_syscall_stops(t);
	e->root_pid = pid;
	e->spawned = true;
	if (e->rules.any) {
		/* Delays wait for SIGCHLD with a timeout (sigtimedwait), which needs
		 * it blocked; the guest was forked with revel's mask as it was. */
		sigset_t chld;
		sigemptyset(&chld);
		sigaddset(&chld, SIGCHLD);
		sigprocmask(SIG_BLOCK, &chld, &e->old_mask);
		e->mask_changed = true;
	}
	if (e->sched)
		sched_root(e, t);
	place_spawned(e);
}

static void close_pair(int p[2])
{
	close(p[0]);
	close(p[1]);
}

/* strace -D: this process becomes the guest; a child forks the tracer and
 * exits, so that the tracer is nobody's child and the guest keeps its
 * parent. The tracer seizes the guest, says so (an errno, 0 for done) and
 * lets the middle process exit; the guest reaps it (a SIGCHLD the tracer
 * sees, as strace's) and goes on to exec. Returns in the tracer. */
static pid_t spawn_daemonized(revel_engine *e, const char *path, char *const argv[],
                              const struct creds *c)
{
	pid_t guest = getpid();
	int word[2], hold[2];
	if (pipe2(word, O_CLOEXEC) < 0)
		return -errno;
	if (pipe2(hold, O_CLOEXEC) < 0) {
		int rc = -errno;
		close_pair(word);
		return rc;
	}
	pid_t mid = fork();
	if (mid < 0) {
		int rc = -errno;
		close_pair(word);
		close_pair(hold);
		return rc;
	}
	if (mid == 0) {
		pid_t tracer = fork();
		if (tracer != 0) { /* the middle one */
			int err = errno;
			if (tracer < 0 && write(word[1], &err, sizeof err) < 0)
				_exit(1);
			close(hold[1]);
			while (read(hold[0], &err, 1) < 0 && errno == EINTR)
				;
			_exit(0);
		}
		close(word[0]);
		close(hold[0]);
		if (e->opt.daemonize == REVEL_DAEMON_PGROUP)
			setpgid(0, 0);
		else if (e->opt.daemonize == REVEL_DAEMON_SESSION)
			setsid();
		int rc = task_seize(guest, e->gdb != NULL);
		int err = -rc;
		if (write(word[1], &err, sizeof err) < 0 || rc < 0)
			_exit(125); /* the guest, still revel, says why */
		close(word[1]);
		adopt_root(e, guest);
		close(hold[1]);
		return guest;
	}
	close(word[1]);
	close_pair(hold);
	int err = ECHILD;
	ssize_t n;
	while ((n = read(word[0], &err, sizeof err)) < 0 && errno == EINTR)
		;
	close(word[0]);
	while (waitpid(mid, NULL, 0) < 0 && errno == EINTR)
		;
	if (n != (ssize_t)sizeof err)
		err = ECHILD;
	if (err)
		return -err;
	child_run(e, -1, path, argv, c);
}

pid_t revel_spawn(revel_engine *e, char *const argv[])
{
	char path[4096];
	int rc = resolve(argv[0], path, sizeof path);
	if (rc == 0)
		rc = place_prepare(e);
	if (rc < 0)
		return rc;
	struct creds c;
	rc = creds_get(&e->opt, &c);
	if (rc < 0)
		return rc;
	if (e->opt.daemonize) {
		pid_t pid = spawn_daemonized(e, path, argv, &c);
		free(c.groups);
		return pid;
	}
	int go[2];
	if (pipe2(go, O_CLOEXEC) < 0) {
		free(c.groups);
		return -errno;
	}
	pid_t pid = fork();
	if (pid < 0) {
		rc = -errno;
		close_pair(go);
		free(c.groups);
		return rc;
	}
	if (pid == 0) {
		close(go[1]);
		child_run(e, go[0], path, argv, &c);
	}
	free(c.groups);
	close(go[0]);
	rc = task_seize(pid, e->gdb != NULL);
	if (rc < 0) {
		kill(pid, SIGKILL);
		close(go[1]);
		waitpid(pid, NULL, 0);
		return rc;
	}
	adopt_root(e, pid);
	close(go[1]);
	return pid;
}

pid_t revel_ppid(revel_engine *e, pid_t tid)
{
	(void)e;
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%d/status", (int)tid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -EIO;
	buf[n] = 0;
	char *p = strstr(buf, "\nPPid:");
	return p ? (pid_t)atoi(p + 6) : -EIO;
}

int revel_task_count(revel_engine *e)
{
	return (int)e->tasks.count;
}

int revel_subscribed(revel_engine *e, long nr)
{
	return nr >= 0 && nr < REVEL_NR_MAX && e->opt.subscribed[nr];
}

int revel_set_handled(revel_engine *e, long nr, int on)
{
	if (nr < 0 || nr >= REVEL_NR_MAX || !e->opt.subscribed[nr])
		return -EINVAL;
	e->opt.handled[nr] = on != 0;
	e->any_handled = false;
	for (int i = 0; i < REVEL_NR_MAX && !e->any_handled; i++)
		e->any_handled = e->opt.handled[i] != 0;
	return 0;
}

void revel_set_observer(revel_engine *e, const struct revel_observer *o)
{
	e->observer = o;
}

int revel_set_observed(revel_engine *e, long nr, int on)
{
	if (nr < 0 || nr >= REVEL_NR_MAX)
		return -EINVAL;
	e->unobserved[nr] = !on;
	return 0;
}

int revel_add_inject(revel_engine *e, const struct revel_inject_rule *rule)
{
	/* The filter cannot grow once the guest runs; under --gdbserver it
	 * stops every call, so gdb's `monitor inject` may add rules later. */
	if (e->spawned && !e->gdb)
		return -EBUSY;
	return fault_rules_add(&e->rules, rule, e->opt.subscribed);
}
