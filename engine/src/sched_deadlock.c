/* sched_deadlock.c: under --sched, is every guest thread blocked in a wait
 * that only another guest thread could end? The kernel tells where each
 * one sleeps (/proc/TID/syscall: the call and its arguments). A futex wait
 * without a timeout, a read of a pipe whose write end only guest processes
 * hold (or a write to one whose readers are all guest processes), a wait
 * for a child (every child is a guest thread, blocked too): such a thread
 * waits on the others. A sleep, a timed wait, a read of a terminal or a
 * socket may end by itself or from outside: then it is no deadlock.
 *
 * With -k (sched_stacks) each thread's stack follows its call. A blocked
 * thread is not at a ptrace stop (it sleeps in the kernel, resumed to its
 * exit stop), so its registers cannot be read: PTRACE_INTERRUPT wakes it
 * into a stop (the call's exit stop, the sleep cut short), and the engine's
 * unwinder walks it there, as -k walks a stop. The guest is killed next,
 * so the cut call is never resumed. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <revel/format.h>
#include <revel/unwind.h>
#include "sched.h"

#define FUTEX_CMD(op) ((op) & ~(128 | 256)) /* without PRIVATE, CLOCK_REALTIME */

/* The call a blocked thread sleeps in: its number and arguments. */
bool sched_blocked_call(pid_t tid, long *nr, int64_t args[6])
{
	char path[64], buf[512];
	snprintf(path, sizeof path, "/proc/%d/syscall", (int)tid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = 0;
	char *p = buf, *end;
	*nr = strtol(p, &end, 10);
	if (end == p || *nr < 0)
		return false; /* "running", or -1: not in a call */
	for (int i = 0; i < 6; i++) {
		p = end;
		args[i] = (int64_t)strtoull(p, &end, 16);
		if (end == p)
			return false;
	}
	return true;
}

/* Does a guest process hold pipe `name` ("pipe:[N]") open for reading
 * (want 0) or for writing (want 1)? */
static bool guest_holds(revel_engine *e, const char *name, int want)
{
	size_t i = 0;
	struct task *t;
	while ((t = tasks_next(&e->tasks, &i))) {
		if (!t->proc || t->proc->pid != t->tid)
			continue; /* one look per process, through its leader */
		char dir[64];
		snprintf(dir, sizeof dir, "/proc/%d/fd", (int)t->tid);
		DIR *d = opendir(dir);
		if (!d)
			continue;
		struct dirent *de;
		bool found = false;
		while (!found && (de = readdir(d))) {
			char link[320], target[64];
			snprintf(link, sizeof link, "%s/%s", dir, de->d_name);
			ssize_t n = readlink(link, target, sizeof target - 1);
			if (n <= 0)
				continue;
			target[n] = 0;
			if (strcmp(target, name) != 0)
				continue;
			char info[320], buf[256];
			snprintf(info, sizeof info, "/proc/%d/fdinfo/%s", (int)t->tid, de->d_name);
			int fd = open(info, O_RDONLY | O_CLOEXEC);
			ssize_t m = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
			if (fd >= 0)
				close(fd);
			if (m <= 0)
				continue;
			buf[m] = 0;
			char *f = strstr(buf, "flags:");
			int mode = f ? (int)(strtoul(f + 6, NULL, 8) & 3) : -1;
			found = mode == 2 || mode == (want ? 1 : 0);
		}
		closedir(d);
		if (found)
			return true;
	}
	return false;
}

static bool pipe_of_guests(revel_engine *e, struct task *t, int64_t fd, int want)
{
	char link[64], target[64];
	snprintf(link, sizeof link, "/proc/%d/fd/%d", (int)t->tid, (int)fd);
	ssize_t n = readlink(link, target, sizeof target - 1);
	if (n <= 0)
		return false;
	target[n] = 0;
	return strncmp(target, "pipe:[", 6) == 0 && guest_holds(e, target, want);
}

bool sched_waits_on_guest(revel_engine *e, struct task *t, long nr, const int64_t a[6])
{
	switch (nr) {
	case SYS_futex: {
		int cmd = FUTEX_CMD((int)a[1]);
		bool wait = cmd == 0 || cmd == 9 || cmd == 6 || cmd == 11 || cmd == 13;
		return wait && a[3] == 0; /* no timeout */
	}
	case SYS_read:
	case SYS_readv:
		return pipe_of_guests(e, t, a[0], 1);
	case SYS_write:
	case SYS_writev:
		return pipe_of_guests(e, t, a[0], 0);
	case SYS_wait4:
	case SYS_waitid:
		return true;
	default:
		return false;
	}
}

static ssize_t reader(void *ctx, pid_t tid, uint64_t addr, void *buf, size_t n)
{
	return revel_mem_read_checked(ctx, tid, addr, buf, n);
}

static void report(revel_engine *e, struct task *t, long nr, const int64_t args[6])
{
	struct revel_fmt f = {
	    .read = reader, .ctx = e, .string_limit = 32, .pid = t->tid, .tid = t->tid};
	struct revel_fmt_state st;
	char line[512];
	int n = revel_format_enter(&f, nr, args, &st, line, sizeof line);
	if (n >= 0 && (size_t)n < sizeof line)
		revel_format_exit(&f, nr, args, &st, -14, line + n, sizeof line - (size_t)n);
	fprintf(e->log, "revel:   thread %d [pid %d] %s\n", t->sched_ord, (int)t->tid,
	        n >= 0 ? line : "?");
}

/* Stop t (blocked in a call) and print its frames as -k does. */
static void report_stack(revel_engine *e, struct task *t)
{
	if (task_interrupt(t->tid) < 0)
		return;
	int status;
	pid_t r;
	do
		r = waitpid(t->tid, &status, __WALL);
	while (r < 0 && errno == EINTR);
	if (r != t->tid || !WIFSTOPPED(status))
		return;
	t->regs_valid = false; /* the registers of this stop */
	static struct revel_frame frames[REVEL_FRAMES_MAX];
	int n = revel_backtrace(e, t->tid, frames, REVEL_FRAMES_MAX, 0);
	for (int i = 0; i < n; i++) {
		const struct revel_frame *fr = &frames[i];
		if (fr->lib && fr->func)
			fprintf(e->log, "revel:    > %s(%s+0x%" PRIx64 ") [0x%" PRIx64 "]\n",
			        fr->lib, fr->func, fr->offset, fr->rel);
		else if (fr->lib)
			fprintf(e->log, "revel:    > %s() [0x%" PRIx64 "]\n", fr->lib, fr->rel);
		else
			fprintf(e->log, "revel:    > backtracing_error [0x%" PRIx64 "]\n", fr->ip);
	}
	if (n < 0)
		fprintf(e->log, "revel:    > no stack: %s\n", strerror(-n));
}

bool sched_deadlock_check(revel_engine *e)
{
	struct sched *S = e->sched;
	if (S->holder || S->nparked > 0 || e->tasks.count == 0)
		return false;
	size_t i = 0;
	struct task *t;
	while ((t = tasks_next(&e->tasks, &i))) {
		if (!t->sched_blocked)
			return false;
		char st = sched_proc_state(t->tid);
		if (st == 'Z' || st == 'X')
			continue; /* a leader gone before its threads */
		long nr;
		int64_t args[6];
		if ((st != 'S' && st != 'D') || !sched_blocked_call(t->tid, &nr, args) ||
		    !sched_waits_on_guest(e, t, nr, args))
			return false;
	}
	fprintf(e->log, "revel: deadlock: every thread waits for another one; the guest is killed "
	                "(--on-deadlock=wait waits on). Their calls:\n");
	/* In start order, as the schedule log numbers them. */
	for (int ord = 0; ord < S->next_ord; ord++) {
		i = 0;
		while ((t = tasks_next(&e->tasks, &i))) {
			long nr;
			int64_t args[6];
			if (t->sched_ord != ord || !sched_blocked_call(t->tid, &nr, args))
				continue;
			report(e, t, nr, args);
			if (e->opt.sched_stacks)
				report_stack(e, t);
		}
	}
	fflush(e->log);
	return true;
}
