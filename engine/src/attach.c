/* attach.c: taking on running processes (revel -p, and revel_adopt: a guest
 * of the in-guest backend at an exec the library cannot follow) and letting
 * go of every guest at the end: attached ones are detached and run on, the
 * ones revel started or adopted are killed.
 *
 * An attached process has no seccomp filter of revel's (one loaded into it
 * would outlive the detach and fail its calls with ENOSYS), so its tasks are
 * traced with syscall stops (task->syscall_mode): slower, the same events. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "resume.h"
#include "stop.h"
#include "tracer_states.h"

/* ---- attaching ---- */

/* The thread group of a task, from /proc; 0 when it is gone. */
static pid_t tgid_of(pid_t tid)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%d/status", (int)tid);
	FILE *f = fopen(path, "re");
	if (!f)
		return 0;
	pid_t tgid = 0;
	while (fgets(buf, sizeof buf, f))
		if (sscanf(buf, "Tgid: %d", &tgid) == 1)
			break;
	fclose(f);
	return tgid;
}

struct seized {
	pid_t *tids;
	size_t n, cap;
};

static bool seized_has(const struct seized *s, pid_t tid)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->tids[i] == tid)
			return true;
	return false;
}

static int seized_add(struct seized *s, pid_t tid)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		pid_t *t = realloc(s->tids, cap * sizeof *t);
		if (!t)
			return -ENOMEM;
		s->tids = t;
		s->cap = cap;
	}
	s->tids[s->n++] = tid;
	return 0;
}

/* Wait for a seized task's first stop (the interrupt's PTRACE_EVENT_STOP).
 * A signal that comes first is delivered; a thread that was in clone or
 * fork makes a child, traced already: it is added to those to wait for. */
static int first_stop(struct seized *s, pid_t tid)
{
	for (;;) {
		int status;
		pid_t w = waitpid(tid, &status, __WALL);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		struct stop st = stop_decode(status);
		switch (st.kind) {
		case STOP_GONE:
			return -ESRCH;
		case STOP_GROUP:
			return 0;
		case STOP_CLONE: {
			pid_t child = (pid_t)task_eventmsg(tid, 0);
			if (child > 0 && !seized_has(s, child) && seized_add(s, child) < 0)
				return -ENOMEM;
			task_cont_tid_sig(tid, 0);
			break;
		}
		case STOP_SIGNAL:
			task_cont_tid_sig(tid, st.sig);
			break;
		default:
			task_cont_tid_sig(tid, 0);
			break;
		}
	}
}

/* Seize the threads of /proc/PID/task not seized yet; how many were new. */
static int scan_threads(struct seized *s, pid_t pid, bool own)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
	DIR *d = opendir(path);
	if (!d)
		return 0;
	int added = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		pid_t tid = (pid_t)atoi(de->d_name);
		if (tid <= 0 || seized_has(s, tid))
			continue;
		/* A thread that ended meanwhile is no error. */
		if (task_seize_running(tid, own) < 0)
			continue;
		if (seized_add(s, tid) < 0)
			break;
		added++;
	}
	closedir(d);
	return added;
}

void tracer_syscall_stops(struct task *t)
{
	/* Seized, it runs with no syscall stops until its first stop: make one
	 * now, so that the next call it makes stops. */
	struct seized s = {0};
	if (task_interrupt(t->tid) == 0 && first_stop(&s, t->tid) == 0)
		task_cont(t, 0);
	free(s.tids);
}

/* A seized, stopped task into the table, reported as a new task. own: one
 * of revel_adopt's, revel's until its exec and killed at the end. */
static void adopt(revel_engine *e, pid_t tid, pid_t tgid, struct proc **procs, size_t *nprocs,
                  bool own)
{
	struct proc *p = NULL;
	for (size_t i = 0; i < *nprocs; i++)
		if (procs[i]->pid == tgid)
			p = procs[i];
	bool new_process = !p;
	if (!p) {
		p = proc_new(tgid);
		procs[(*nprocs)++] = p;
	}
	struct task *t = tasks_add(&e->tasks, tid);
	if (!t)
		abort();
	t->proc = p;
	p->nthreads++;
	t->attached = !own;
	t->syscall_mode = true;
	t->before_exec = t->exec_shown = own;
	t->parent_tid = new_process ? 0 : p->pid;
	t->new_flags = new_process ? REVEL_NEW_PROCESS : 0;
	tracer_task_started(e, t);
}

static int seize_process(revel_engine *e, pid_t pid, bool own)
{
	if (pid <= 0)
		return -ESRCH;
	if (e->sched)
		return -EINVAL; /* a running process cannot be held to one thread at a time */
	if (tasks_find(&e->tasks, pid))
		return -EPERM; /* traced already, by this very run */
	/* --placement: follow moves the tracer to attached threads too;
	 * together pins only what revel starts (an attached process has no
	 * filter of revel's to answer its affinity calls). */
	int rc = place_prepare(e);
	if (rc < 0)
		return rc;
	rc = task_seize_running(pid, own);
	if (rc < 0)
		return rc;
	struct seized s = {0};
	rc = seized_add(&s, pid);
	/* Threads made while we seize the others are found by scanning again,
	 * once every one found so far is stopped. */
	size_t waited = 0;
	do {
		for (; rc == 0 && waited < s.n; waited++) {
			int w = first_stop(&s, s.tids[waited]);
			if (w == -ESRCH) {
				s.tids[waited] = 0; /* ended meanwhile */
				continue;
			}
			rc = w;
		}
	} while (rc == 0 && scan_threads(&s, pid, own) > 0);
	if (rc == 0 && s.tids[0] == 0)
		rc = -ESRCH; /* the process itself ended */
	if (rc < 0) {
		for (size_t i = 0; i < s.n; i++)
			if (s.tids[i])
				task_detach_tid(s.tids[i]);
		free(s.tids);
		return rc;
	}
	struct proc **procs = calloc(s.n, sizeof *procs);
	if (!procs)
		abort();
	/* pid may name a thread other than the leader (strace -p TID): each
	 * task goes with its own thread group. */
	pid_t group = tgid_of(pid);
	size_t nprocs = 0, nthreads = 0;
	for (size_t i = 0; i < s.n; i++) {
		if (!s.tids[i])
			continue;
		pid_t tgid = tgid_of(s.tids[i]);
		if (tgid <= 0)
			tgid = s.tids[i] == pid && group > 0 ? group : pid;
		adopt(e, s.tids[i], tgid, procs, &nprocs, own);
		nthreads += tgid == group;
	}
	free(procs);
	free(s.tids);
	e->any_attached |= !own;
	return nthreads > 0 ? (int)nthreads : 1;
}

int revel_attach(revel_engine *e, pid_t pid)
{
	return seize_process(e, pid, false);
}

int revel_adopt(revel_engine *e, pid_t pid)
{
	return seize_process(e, pid, true);
}

int revel_filtered(revel_engine *e, pid_t tid)
{
	struct task *t = tasks_find(&e->tasks, tid);
	if (!t || t->attached)
		return -ESRCH;
	t->syscall_mode = false;
	return 0;
}

int revel_adopt_prelude(revel_engine *e, pid_t pid, int show_exec, const char *lib)
{
	char *copy = strdup(lib);
	if (!copy)
		return -ENOMEM;
	int n = seize_process(e, pid, true);
	if (n < 0) {
		free(copy);
		return n;
	}
	free(e->prelude_lib);
	e->prelude_lib = copy;
	size_t i = 0;
	for (struct task *t; (t = tasks_next(&e->tasks, &i));)
		if (t->proc && t->proc->pid == pid) {
			t->prelude = true; /* every thread: any of them may exec */
			t->exec_shown = !show_exec;
		}
	return n;
}

/* Does the call at a prelude task's syscall-entry stop end its prelude or
 * belong to the loading of the library? Then it is dealt with here (the
 * task detached, or run unreported) and true is returned. */
bool tracer_prelude_stop(revel_engine *e, struct task *t)
{
	if (t->before_exec)
		return false;
	const struct user_regs_struct *r = task_regs(t);
	if (!r)
		return true; /* gone; its exit report follows */
	long nr = reg_nr(r);
	int64_t a[6];
	reg_args(r, a);
	if (nr == SYS_close && (int)a[0] == REVEL_PRELUDE_MARK) {
		/* The library's first call: from here on it has the tool. */
		tracer_detach(e, t);
		return true;
	}
	if (t->prelude_window) {
		if (nr == SYS_close)
			t->prelude_window = false; /* the loader is done with the library's file */
		resume_running(t, 0);
		return true;
	}
	if (nr == SYS_openat && e->prelude_lib) {
		char buf[4096];
		size_t want = strlen(e->prelude_lib);
		ssize_t n = revel_mem_string(e, t->tid, (uint64_t)a[1], buf,
		                             want + 2 < sizeof buf ? want + 2 : sizeof buf, NULL);
		if (n == (ssize_t)want && !memcmp(buf, e->prelude_lib, want)) {
			t->prelude_window = true;
			resume_running(t, 0);
			return true;
		}
	}
	return false;
}

/* ---- letting go ---- */

/* An injection chain is cut short: the original call's registers come
 * back, set to run that call again from its syscall instruction (or, for a
 * chain begun outside a call, whole). */
static void restore_call(struct task *t)
{
	if (t->chain == CHAIN_FREE) {
		t->regs = t->saved;
	} else {
		reg_restore_general(&t->regs, &t->saved);
		reg_restart(&t->regs, &t->saved);
	}
	task_regs_dirty(t);
	t->chain = CHAIN_AT_SYSCALL;
}

/* At the exit of an injected call: if it was the original call and it is
 * done, its result stands; else the original runs again after the detach. */
static void settle_injected(struct task *t)
{
	if (!task_regs(t) || t->saved_stale)
		return;
	if (t->chain == CHAIN_AT_SYSCALL) {
		int64_t a[6];
		reg_args(&t->saved, a);
		int64_t res = reg_result(&t->regs);
		if (reg_holds_call(&t->regs, reg_nr(&t->saved), a) && !is_restart_code(res)) {
			reg_restore_general(&t->regs, &t->saved);
			reg_set_result(&t->regs, res);
			task_regs_dirty(t);
			return;
		}
	}
	restore_call(t);
}

/* Does the task sit in a stop of revel's (waiting for an answer or a
 * timer), or is it running towards its next stop? */
static bool sits_stopped(enum task_state s)
{
	switch (s) {
	case TS_HELD:
	case TS_SECCOMP:
	case TS_INJ_EXIT:
	case TS_EXEC_STOP:
	case TS_SIGNAL_STOP:
	case TS_NEW_STOPPED:
	case TS_DELAY_ENTER:
	case TS_DELAY_REPORT:
	case TS_DELAY_EXIT:
		return true;
	default:
		return false;
	}
}

/* Detach a stopped task (st: the stop it is at, NULL for a stop it sat in
 * already), leaving it as it would be without revel: what revel changed of
 * a call is undone, a call cut short runs again, a signal goes on. */
static void detach_task(revel_engine *e, struct task *t, const struct stop *st)
{
	int sig = 0;
	switch (t->state) {
	case TS_INJ_ENTRY:
		restore_call(t);
		break;
	case TS_INJ_RUN:
		if (t->saved_stale)
			break; /* an injected execve replaced the image */
		if (st && st->kind == STOP_SYSCALL)
			settle_injected(t);
		else if (task_regs(t))
			restore_call(t);
		break;
	case TS_INJ_EXIT:
		if (t->chain == CHAIN_FREE) {
			if (task_regs(t))
				restore_call(t);
		} else {
			settle_injected(t);
		}
		break;
	case TS_RESTART_FIX:
		if (st && st->kind == STOP_SYSCALL && task_regs(t))
			set_restart(t, t->restart_code);
		break;
	case TS_FAULT_EXIT:
		if (st && st->kind == STOP_SYSCALL && t->fired.fired && t->fired.fault &&
		    task_regs(t)) {
			reg_set_result(&t->regs, t->fired.value);
			task_regs_dirty(t);
		}
		break;
	case TS_SECCOMP:
	case TS_DELAY_ENTER:
	case TS_DELAY_REPORT:
		t->regs_dirty = false; /* an answer never given changes nothing */
		break;
	case TS_SIGNAL_STOP:
		sig = t->stop_sig;
		break;
	default:
		break;
	}
	if (st && st->kind == STOP_SIGNAL)
		sig = st->sig;
	task_detach(t, sig);
	for (int s = 1; t->held_sigs && s < 64; s++)
		if (t->held_sigs & (1ull << s))
			syscall(SYS_tgkill, t->proc ? t->proc->pid : t->tid, t->tid, s);
	tracer_forget(e, t);
}

void tracer_detach(revel_engine *e, struct task *t)
{
	/* Still revel's child: the run ends when it does, as strace waits for
	 * its command (the exit status is then 0, as strace's). */
	if (t->tid == e->root_pid && e->spawned)
		e->detached_root = t->tid;
	tracer_event(e, REVEL_EV_DETACHED, t);
	detach_task(e, t, NULL);
}

static void note(pid_t *out, int max, int *n, pid_t tid)
{
	if (*n < max)
		out[*n] = tid;
	(*n)++;
}

/* A stop during the end: detach it, or kill it. */
static void end_stop(revel_engine *e, pid_t tid, int status, pid_t *out, int max, int *n)
{
	struct stop st = stop_decode(status);
	struct task *t = tasks_find(&e->tasks, tid);
	if (st.kind == STOP_GONE) {
		if (t)
			tracer_forget(e, t);
		return;
	}
	if (st.kind == STOP_NONE)
		return;
	if (st.kind == STOP_EXEC) {
		pid_t former = (pid_t)task_eventmsg(tid, (unsigned long)tid);
		if (former != tid) { /* the leader is gone; the caller has its tid */
			if (t)
				tracer_forget(e, t);
			tasks_rekey(&e->tasks, former, tid);
			t = tasks_find(&e->tasks, tid);
		}
	}
	if (!t) {
		/* A new task whose parent's clone event was not seen: with
		 * processes attached it may be one of theirs, never killed. */
		if (e->any_attached) {
			task_detach_tid(tid);
		} else {
			kill(tid, SIGKILL);
			task_cont_tid(tid);
		}
		return;
	}
	if (st.kind == STOP_CLONE) {
		/* The child is traced already: it must be let go of too. */
		pid_t child = (pid_t)task_eventmsg(tid, 0);
		if (child > 0 && !tasks_find(&e->tasks, child)) {
			struct task *c = tasks_add(&e->tasks, child);
			if (c) {
				c->state = TS_NEW;
				c->attached = t->attached;
				c->proc = proc_new(child);
				c->proc->nthreads = 1;
			}
		}
	}
	if (t->attached) {
		note(out, max, n, t->tid);
		detach_task(e, t, &st);
	} else {
		kill(tid, SIGKILL);
		task_cont_tid(tid);
	}
}

int revel_detach_all(revel_engine *e, pid_t *out, int max)
{
	int n = 0;
	size_t i = 0;
	struct task *t;
	while ((t = tasks_next(&e->tasks, &i))) {
		if (!t->attached) {
			kill(t->tid, SIGKILL);
		} else if (sits_stopped(t->state)) {
			note(out, max, &n, t->tid);
			detach_task(e, t, NULL);
		} else if (t->state != TS_NEW) {
			task_interrupt(t->tid);
		}
	}
	/* Each task reports once more: a stop (detached, or killed and let
	 * run to its death) or its end. */
	while (e->tasks.count > 0) {
		int status;
		/* The stops of the round at hand first: taken, they come no more. */
		pid_t tid = wait_held_next(&e->spin, &status);
		if (!tid)
			tid = waitpid(-1, &status, __WALL);
		if (tid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		end_stop(e, tid, status, out, max, &n);
	}
	i = 0;
	while ((t = tasks_next(&e->tasks, &i)))
		tracer_forget(e, t);
	e->queue.len = 0;
	return n;
}

void revel_wake(pid_t tid)
{
	task_interrupt(tid);
}

void revel_kill_all(revel_engine *e)
{
	revel_detach_all(e, NULL, 0);
}
