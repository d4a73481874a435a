/* test_engine.c: the engine driven from C alone, with no Lua: spawn real
 * guests, suppress, rewrite and inject syscalls, follow forks. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <revel/engine.h>
#include <revel/inject.h>
#include "../src/faults.h"
#include "../src/regs_x86_64.h"
#include "check.h"

/* What a test does with each syscall event. */
typedef void (*policy_fn)(revel_engine *e, const revel_event *ev, void *ctx);

struct run {
	int status;
	int syscalls, injected, new_tasks, new_procs, exits, execs;
	char out[4096];
};

/* Runs argv under the engine with stdout captured, answering events. */
static void run_guest(char *const argv[], const unsigned char *handled, policy_fn policy, void *ctx,
                      struct run *r)
{
	memset(r, 0, sizeof *r);
	struct revel_options opt;
	memset(&opt, 0, sizeof opt);
	for (int i = 0; i < REVEL_NR_MAX; i++)
		opt.handled[i] = handled ? handled[i] : 0;
	opt.want_tasks = 1;
	const char *err = NULL;
	revel_engine *e = revel_engine_new(&opt, &err);
	if (!e) {
		fprintf(stderr, "engine: %s\n", err);
		exit(1);
	}
	int p[2];
	if (pipe(p) < 0)
		exit(1);
	int saved = dup(1);
	dup2(p[1], 1);
	pid_t pid = revel_spawn(e, argv);
	dup2(saved, 1);
	close(saved);
	close(p[1]);
	CHECK(pid > 0, "spawn %s: %d", argv[0], pid);
	revel_event ev;
	while (pid > 0 && revel_next(e, &ev) == 0 && ev.kind != REVEL_EV_DONE) {
		revel_action a;
		memset(&a, 0, sizeof a);
		switch (ev.kind) {
		case REVEL_EV_SYSCALL:
		case REVEL_EV_INJECTED:
			if (ev.kind == REVEL_EV_SYSCALL)
				r->syscalls++;
			else
				r->injected++;
			policy(e, &ev, ctx);
			break;
		case REVEL_EV_TASK_NEW:
			r->new_tasks++;
			r->new_procs += (ev.flags & REVEL_NEW_PROCESS) != 0;
			revel_resume(e, ev.tid, &a);
			break;
		case REVEL_EV_EXEC:
			r->execs++;
			revel_resume(e, ev.tid, &a);
			break;
		case REVEL_EV_TASK_EXIT:
			r->exits++;
			break;
		default:
			break;
		}
	}
	r->status = ev.status;
	size_t n = 0;
	ssize_t k;
	while (n < sizeof r->out - 1 && (k = read(p[0], r->out + n, sizeof r->out - 1 - n)) > 0)
		n += (size_t)k;
	r->out[n] = 0;
	close(p[0]);
	revel_engine_free(e);
}

static void let_run(revel_engine *e, const revel_event *ev, void *ctx)
{
	revel_action a = {.kind = REVEL_ACT_CONTINUE, .nr = ev->nr};
	memcpy(a.args, ev->args, sizeof a.args);
	revel_resume(e, ev->tid, &a);
}

static void suppress_getppid(revel_engine *e, const revel_event *ev, void *ctx)
{
	revel_action a = {.kind = REVEL_ACT_RETURN, .value = 4242};
	revel_resume(e, ev->tid, &a);
}

/* Inject getpid before each getppid, then let the original run. */
static void inject_before(revel_engine *e, const revel_event *ev, void *ctx)
{
	static revel_event orig;
	revel_action a;
	memset(&a, 0, sizeof a);
	if (ev->kind == REVEL_EV_SYSCALL) {
		orig = *ev;
		a.kind = REVEL_ACT_INJECT;
		a.nr = SYS_getpid;
	} else {
		CHECK(ev->result == ev->pid, "injected getpid gave %lld, pid %d",
		      (long long)ev->result, ev->pid);
		a.kind = REVEL_ACT_CONTINUE;
		a.nr = orig.nr;
		memcpy(a.args, orig.args, sizeof a.args);
	}
	revel_resume(e, ev->tid, &a);
}

struct obs_count {
	int enter, exit;
};

static int obs_enter(void *ctx, revel_engine *e, pid_t tid, long nr, const int64_t args[6],
                     uint64_t sp)
{
	struct obs_count *n = ctx;
	n->enter++;
	return nr == SYS_exit_group ? REVEL_OBSERVE_DONE : REVEL_OBSERVE_EXIT;
}

static void obs_exit(void *ctx, revel_engine *e, pid_t tid, int64_t result)
{
	((struct obs_count *)ctx)->exit++;
}

static const char *guest(const char *name)
{
	static char buf[8][512];
	static int k;
	const char *dir = getenv("REVEL_GUESTS");
	snprintf(buf[k & 7], sizeof buf[0], "%s/%s", dir ? dir : "guests", name);
	return buf[k++ & 7];
}

/* The pieces with no guest: inject rules as a pure verdict, how a verdict
 * and a tool's answer combine, and the register accessors. */
static void test_pure_parts(void)
{
	struct revel_inject_rule rule;
	char err[256];
	CHECK(revel_inject_parse("getppid:error=ENOENT:when=2", &rule, err, sizeof err) == 0,
	      "parse: %s", err);
	static struct fault_rules rs;
	unsigned char sub[REVEL_NR_MAX] = {0};
	CHECK(fault_rules_add(&rs, &rule, sub) == 0 && sub[SYS_getppid] && rs.any, "rules add");
	static struct fault_counts counts;
	const int64_t none[6] = {0};
	struct fault_verdict v = fault_decide(&rs, &counts, SYS_getppid, none, false);
	CHECK(!v.fired && counts.by_nr[SYS_getppid] == 1, "first call: no verdict");
	v = fault_decide(&rs, &counts, SYS_getppid, none, true);
	CHECK(v.fired && v.fault && v.value == -ENOENT && v.standin == -1 && v.to_tool &&
	          !fault_needs_exit(&v) && fault_call_nr(&v) == -1,
	      "second call: fault ENOENT for the tool");
	CHECK(!fault_decide(&rs, &counts, SYS_getpid, none, false).fired, "other call: no verdict");
	CHECK(fault_combine(&v, REVEL_ACT_INJECT, 0, true, false) == FAULT_WAITS, "inject waits");
	CHECK(fault_combine(&v, REVEL_ACT_CONTINUE, 0, true, false) == FAULT_APPLIES,
	      "continue unchanged: the rule applies");
	CHECK(fault_combine(&v, REVEL_ACT_RETURN, -ENOENT, false, false) == FAULT_APPLIES,
	      "the rule's own result: the rule applies");
	CHECK(fault_combine(&v, REVEL_ACT_RETURN, 5, true, false) == FAULT_DROPPED,
	      "another result: dropped");
	CHECK(fault_combine(&v, REVEL_ACT_CONTINUE, 0, true, true) == FAULT_AS_RESULT,
	      "continue after an injection: the rule's value as the result");
	fault_rules_free(&rs);

	regs_t r;
	memset(&r, 0, sizeof r);
	const int64_t a[6] = {1, 2, 3, 4, 5, 6};
	reg_set_nr(&r, SYS_write);
	reg_set_args(&r, a);
	reg_set_ip(&r, 0x1000);
	CHECK(reg_holds_call(&r, SYS_write, a) && reg_arg(&r, 3) == 4, "regs hold the call");
	reg_rewind_to_call(&r, SYS_read);
	CHECK(reg_ip(&r) == 0x1000 - SYSCALL_INSN_LEN && reg_result(&r) == SYS_read &&
	          reg_nr(&r) == REG_NO_CALL,
	      "rewound onto the syscall instruction");
}

/* The number of the syscall task pid is blocked in (/proc/PID/syscall), or -1. */
static long blocked_in(pid_t pid)
{
	char path[64], buf[256];
	snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	char *end;
	long nr = strtol(buf, &end, 10);
	return end == buf ? -1 : nr;
}

/* A signal stop in a blocking call (read: -ERESTARTSYS; clock_nanosleep:
 * -ERESTART_RESTARTBLOCK), answered with an injection: the signal is
 * suppressed and the call restarts after the chain, as the kernel restarts
 * it after a signal that runs no handler. The guest sees neither. */
static void test_inject_at_signal_stop(char *const argv[], long nr, const char *input,
                                       const char *want)
{
	struct revel_options opt;
	memset(&opt, 0, sizeof opt);
	opt.want_tasks = 1;
	opt.want_signals = 1;
	const char *err = NULL;
	revel_engine *e = revel_engine_new(&opt, &err);
	int in[2], out[2];
	if (!e || pipe(in) < 0 || pipe(out) < 0)
		exit(1);
	int saved0 = dup(0), saved1 = dup(1);
	dup2(in[0], 0);
	dup2(out[1], 1);
	pid_t pid = revel_spawn(e, argv);
	dup2(saved0, 0);
	dup2(saved1, 1);
	close(saved0);
	close(saved1);
	close(in[0]);
	close(out[1]);
	CHECK(pid > 0, "spawn %s", argv[0]);
	revel_event ev;
	int signals = 0, injected = 0, waits = 0;
	while (pid > 0 && revel_next(e, &ev) == 0 && ev.kind != REVEL_EV_DONE) {
		revel_action a;
		memset(&a, 0, sizeof a);
		if (ev.kind == REVEL_EV_SIGNAL && ev.sig == SIGUSR1) {
			signals++;
			a.kind = REVEL_ACT_INJECT;
			a.nr = SYS_getpid;
		} else if (ev.kind == REVEL_EV_INJECTED) {
			injected += ev.result == pid;
			a.kind = REVEL_ACT_CONTINUE;
		}
		if (ev.kind == REVEL_EV_EXEC || ev.kind == REVEL_EV_SIGNAL ||
		    ev.kind == REVEL_EV_INJECTED)
			revel_resume(e, ev.tid, &a);
		if (ev.kind == REVEL_EV_EXEC) {
			/* Wait (bounded) until it blocks in the call, then interrupt it. */
			while (blocked_in(pid) != nr && waits++ < 2000)
				usleep(1000);
			syscall(SYS_tgkill, pid, pid, SIGUSR1);
		}
		if (ev.kind == REVEL_EV_INJECTED && input) {
			if (write(in[1], input, strlen(input)) < 0)
				exit(1);
		}
	}
	close(in[1]);
	char buf[256];
	ssize_t n = read(out[0], buf, sizeof buf - 1);
	buf[n > 0 ? n : 0] = 0;
	close(out[0]);
	CHECK(ev.status == 0 && signals == 1 && injected == 1 && strcmp(buf, want) == 0,
	      "inject at a signal stop in %s: status %#x signals %d injected %d out '%s'", argv[0],
	      ev.status, signals, injected, buf);
	revel_engine_free(e);
}

int main(void)
{
	unsigned char none[REVEL_NR_MAX] = {0}, getppid_only[REVEL_NR_MAX] = {0}, all[REVEL_NR_MAX];
	memset(all, 1, sizeof all);
	getppid_only[SYS_getppid] = 1;
	struct run r;

	test_pure_parts();

	char *echo[] = {"echo", "hello", NULL};
	run_guest(echo, none, let_run, NULL, &r);
	CHECK(r.status == 0 && strcmp(r.out, "hello\n") == 0, "echo: status %d out '%s'", r.status,
	      r.out);

	run_guest(echo, all, let_run, NULL, &r);
	CHECK(r.status == 0 && strcmp(r.out, "hello\n") == 0 && r.syscalls > 10,
	      "echo under all: status %d out '%s' syscalls %d", r.status, r.out, r.syscalls);

	char *sh[] = {"sh", "-c", "exit 7", NULL};
	run_guest(sh, all, let_run, NULL, &r);
	CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 7, "exit 7: status %#x", r.status);

	char *shk[] = {"sh", "-c", "kill -9 $$", NULL};
	run_guest(shk, none, let_run, NULL, &r);
	CHECK(WIFSIGNALED(r.status) && WTERMSIG(r.status) == 9, "kill: status %#x", r.status);

	char *pp[] = {(char *)guest("getppid_print"), NULL};
	run_guest(pp, getppid_only, suppress_getppid, NULL, &r);
	CHECK(strcmp(r.out, "4242\n") == 0 && r.syscalls == 1, "suppress: out '%s' n %d", r.out,
	      r.syscalls);

	run_guest(pp, getppid_only, inject_before, NULL, &r);
	char expect[32];
	snprintf(expect, sizeof expect, "%d\n", getpid());
	CHECK(strcmp(r.out, expect) == 0 && r.injected == 1, "inject before: out '%s' inj %d",
	      r.out, r.injected);

	char *rc[] = {(char *)guest("regs_check"), NULL};
	run_guest(rc, getppid_only, inject_before, NULL, &r);
	CHECK(r.status == 0 && strstr(r.out, "registers preserved"), "regs: status %#x out '%s'",
	      r.status, r.out);

	char *forks[] = {"sh", "-c", "/bin/true; /bin/true; echo done", NULL};
	run_guest(forks, all, let_run, NULL, &r);
	CHECK(r.status == 0 && strcmp(r.out, "done\n") == 0 && r.new_procs == 2 && r.execs == 3,
	      "forks: status %#x out '%s' procs %d execs %d", r.status, r.out, r.new_procs,
	      r.execs);

	char *head[] = {"head", "-c", "5", NULL};
	test_inject_at_signal_stop(head, SYS_read, "hello", "hello");
	char *sleeper[] = {"sleep", "0.3", NULL};
	test_inject_at_signal_stop(sleeper, SYS_clock_nanosleep, NULL, "");

	/* An observer sees every call, entry and exit, without events. */
	{
		struct obs_count n = {0, 0};
		struct revel_observer o = {&n, obs_enter, obs_exit, NULL, NULL};
		struct revel_options opt;
		memset(&opt, 0, sizeof opt);
		memset(opt.handled, 1, sizeof opt.handled);
		const char *err2;
		revel_engine *e2 = revel_engine_new(&opt, &err2);
		revel_set_observer(e2, &o);
		char *t[] = {"true", NULL};
		int saw_syscall_event = 0;
		CHECK(revel_spawn(e2, t) > 0, "spawn true");
		revel_event ev;
		while (revel_next(e2, &ev) == 0 && ev.kind != REVEL_EV_DONE)
			saw_syscall_event |= ev.kind == REVEL_EV_SYSCALL;
		CHECK(ev.status == 0 && !saw_syscall_event && n.enter > 10 && n.exit == n.enter - 1,
		      "observer: status %d events %d enter %d exit %d", ev.status,
		      saw_syscall_event, n.enter, n.exit);
		revel_engine_free(e2);
	}

	char *missing[] = {"revel-no-such-command", NULL};
	struct revel_options opt;
	memset(&opt, 0, sizeof opt);
	const char *err;
	revel_engine *e = revel_engine_new(&opt, &err);
	CHECK(revel_spawn(e, missing) == -ENOENT, "missing command");
	char plain[] = "/tmp/revel-test-plain-XXXXXX";
	int fd = mkstemp(plain);
	char *notexec[] = {plain, NULL};
	CHECK(fd >= 0 && revel_spawn(e, notexec) == -EACCES, "not executable");
	close(fd);
	unlink(plain);
	revel_engine_free(e);

	/* The spin budget: off, auto and 1..REVEL_SPIN_MAX µs; nothing else. */
	const int spins[] = {REVEL_SPIN_OFF,    REVEL_SPIN_AUTO, 1, REVEL_SPIN_MAX, -2,
	                     REVEL_SPIN_MAX + 1};
	for (size_t i = 0; i < sizeof spins / sizeof *spins; i++) {
		opt.spin_us = spins[i];
		err = NULL;
		e = revel_engine_new(&opt, &err);
		CHECK((e != NULL) == (i < 4) && (e || err), "spin_us %d: engine %p", spins[i],
		      (void *)e);
		revel_engine_free(e);
	}
	opt.spin_us = REVEL_SPIN_AUTO;

	/* The placements; nothing else. A run under each leaves revel's own
	 * affinity as it was. */
	const int places[] = {
	    REVEL_PLACE_NONE,        REVEL_PLACE_CPU, REVEL_PLACE_FOLLOW, REVEL_PLACE_TOGETHER, -1,
	    REVEL_PLACE_TOGETHER + 1};
	cpu_set_t before, after;
	CHECK(sched_getaffinity(0, sizeof before, &before) == 0, "sched_getaffinity");
	for (size_t i = 0; i < sizeof places / sizeof *places; i++) {
		opt.placement = places[i];
		err = NULL;
		e = revel_engine_new(&opt, &err);
		CHECK((e != NULL) == (i < 4) && (e || err), "placement %d: engine %p", places[i],
		      (void *)e);
		if (!e)
			continue;
		char *truecmd[] = {"true", NULL};
		CHECK(revel_spawn(e, truecmd) > 0, "placement %d: spawn", places[i]);
		revel_event ev;
		while (revel_next(e, &ev) == 0 && ev.kind != REVEL_EV_DONE)
			;
		CHECK(ev.kind == REVEL_EV_DONE && ev.status == 0, "placement %d: true ran",
		      places[i]);
		revel_engine_free(e);
		CHECK(sched_getaffinity(0, sizeof after, &after) == 0 && CPU_EQUAL(&before, &after),
		      "placement %d: revel's affinity put back", places[i]);
	}

	return check_done();
}
