/* test_faults.c: --rule rules run by the engine: fault_decide's conditions
 * (fd=, size=, flags=, nth= per rule), first-fires-wins, short= and eintr as
 * verdicts, and a guest under such rules with an observer taking the calls
 * no rule faults. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <revel/engine.h>
#include <revel/inject.h>
#include "../src/faults.h"
#include "check.h"

static struct fault_rules rs;
static struct fault_counts counts;
static unsigned char sub[REVEL_NR_MAX];

/* A fresh rule set of --rule specs (NULL-terminated). */
static void rules(const char *const specs[])
{
	fault_rules_free(&rs);
	memset(&rs, 0, sizeof rs);
	memset(&counts, 0, sizeof counts);
	for (int i = 0; specs[i]; i++) {
		struct revel_inject_rule r;
		char err[256];
		bool ok = specs[i][0] == '!'
		              ? revel_inject_parse(specs[i] + 1, &r, err, sizeof err) == 0
		              : revel_rule_parse(specs[i], &r, err, sizeof err) == 0;
		CHECK(ok && fault_rules_add(&rs, &r, sub) == 0, "add %s: %s", specs[i], err);
	}
}

static struct fault_verdict call(long nr, int64_t a0, int64_t a1, int64_t a2)
{
	const int64_t args[6] = {a0, a1, a2, 0, 0, 0};
	return fault_decide(&rs, &counts, nr, args, false);
}

static void test_conditions(void)
{
	rules((const char *const[]){"read:fd=-100:error=EIO", NULL});
	CHECK(sub[SYS_read] && rs.ruled[SYS_read] && rs.args[SYS_read].fd == 0,
	      "read's fd is arg 0");
	CHECK(call(SYS_read, -100, 0, 0).fired, "fd= matches");
	CHECK(call(SYS_read, 0xffffff9cLL, 0, 0).fired, "fd= compares the guest's int");
	CHECK(!call(SYS_read, 3, 0, 0).fired, "another fd");

	rules((const char *const[]){"sendto:fd=4:error=EPIPE", "openat:fd=5:error=EIO", NULL});
	CHECK(call(SYS_sendto, 4, 0, 0).value == -EPIPE, "sockfd is the fd");
	CHECK(call(SYS_openat, 5, 0, 0).fired && !call(SYS_openat, 6, 0, 0).fired,
	      "dirfd is the fd");

	rules((const char *const[]){"read,write:size=100:retval=1", NULL});
	CHECK(call(SYS_read, 0, 0, 100).fired && call(SYS_write, 0, 0, 4096).fired,
	      "size at least");
	CHECK(!call(SYS_read, 0, 0, 99).fired, "smaller size");

	rules((const char *const[]){"openat:flags=0x41:error=EACCES", "getppid:fd=0:error=EIO",
	                            NULL});
	CHECK(call(SYS_openat, -100, 0, 0x241).fired, "flags: all bits set");
	CHECK(!call(SYS_openat, -100, 0, 0x40).fired, "flags: one bit missing");
	CHECK(!call(SYS_getppid, 0, 0, 0).fired, "a call without the argument never matches");
}

static void test_order_and_nth(void)
{
	/* nth counts each rule's matching calls; the first rule that fires wins,
	 * and the rules after it do not count the call. */
	rules((const char *const[]){"getppid:nth=2..3:error=EPERM", "getppid:nth=1:retval=77",
	                            "write:fd=1:nth=2:error=EIO", NULL});
	int64_t got[5];
	for (int i = 0; i < 5; i++) {
		struct fault_verdict v = call(SYS_getppid, 0, 0, 0);
		got[i] = v.fired ? v.value : 0;
	}
	CHECK(got[0] == 77 && got[1] == -EPERM && got[2] == -EPERM && got[3] == 0 && got[4] == 0,
	      "getppid: %lld %lld %lld %lld %lld", (long long)got[0], (long long)got[1],
	      (long long)got[2], (long long)got[3], (long long)got[4]);
	CHECK(!call(SYS_write, 2, 0, 1).fired && !call(SYS_write, 1, 0, 1).fired &&
	          call(SYS_write, 1, 0, 1).fired,
	      "nth counts matching calls only");

	/* With an -e inject= rule on the same call: it counts every call; a
	 * --rule that fires wins. */
	rules((const char *const[]){"!getppid:retval=5:when=2", "getppid:nth=1:retval=6", NULL});
	CHECK(call(SYS_getppid, 0, 0, 0).value == 6 && call(SYS_getppid, 0, 0, 0).value == 5 &&
	          !call(SYS_getppid, 0, 0, 0).fired,
	      "inject and --rule");
}

static void test_actions(void)
{
	rules((const char *const[]){"read:short=7", NULL});
	struct fault_verdict v = call(SYS_read, 0, 0, 4096);
	CHECK(v.fired && !v.fault && v.cut_arg == 2 && v.cut_to == 7, "short cuts count");
	v = call(SYS_read, 0, 0, 5);
	CHECK(v.fired && v.cut_arg == -1, "short leaves a smaller count");

	rules((const char *const[]){"chdir,getppid:eintr", NULL});
	v = call(SYS_chdir, 0, 0, 0);
	CHECK(v.fired && v.restart && v.fault && v.value == -512 && !v.to_tool, "eintr restarts");
	/* One restart slot per thread, as fault.lua keeps it. */
	CHECK(call(SYS_getppid, 0, 0, 0).restart, "another call is not the restart");
	CHECK(call(SYS_chdir, 0, 0, 0).fired, "the slot is getppid's now");
	CHECK(!call(SYS_chdir, 0, 0, 0).fired, "the restarted call runs");
	CHECK(call(SYS_chdir, 0, 0, 0).restart, "and the next is interrupted again");

	rules((const char *const[]){"getppid:signal=USR1", "chdir:delay=10ms", NULL});
	CHECK(call(SYS_getppid, 0, 0, 0).signal == 10, "signal");
	CHECK(call(SYS_chdir, 0, 0, 0).delay_enter_us == 10000, "delay");
	fault_rules_free(&rs);
}

struct seen {
	int observed_getppid, events, fault_events;
};

static int obs_enter(void *ctx, revel_engine *e, pid_t tid, long nr, const int64_t args[6],
                     uint64_t sp)
{
	(void)e, (void)tid, (void)args, (void)sp;
	((struct seen *)ctx)->observed_getppid += nr == SYS_getppid;
	return REVEL_OBSERVE_DONE;
}

static void obs_exit(void *ctx, revel_engine *e, pid_t tid, int64_t result)
{
	(void)ctx, (void)e, (void)tid, (void)result;
}

/* inject_probe under --rule rules run by the engine, every call handled by a
 * tool with an observer: the faulted calls come as events, the rest stay with
 * the observer. Returns the guest's output in out. */
static int run_probe(const char *const specs[], struct seen *s, char *out, size_t len)
{
	struct revel_options opt;
	memset(&opt, 0, sizeof opt);
	memset(opt.handled, 1, sizeof opt.handled);
	memset(opt.subscribed, 1, sizeof opt.subscribed);
	const char *err = NULL;
	revel_engine *e = revel_engine_new(&opt, &err);
	struct revel_observer o = {s, obs_enter, obs_exit, NULL, NULL};
	revel_set_observer(e, &o);
	for (int i = 0; specs[i]; i++) {
		struct revel_inject_rule r;
		char perr[256];
		CHECK(revel_rule_parse(specs[i], &r, perr, sizeof perr) == 0 &&
		          revel_add_inject(e, &r) == 0,
		      "%s: %s", specs[i], perr);
	}
	const char *dir = getenv("REVEL_GUESTS");
	char path[512];
	snprintf(path, sizeof path, "%s/inject_probe", dir ? dir : "guests");
	char *argv[] = {path, NULL};
	int p[2];
	if (pipe2(p, O_CLOEXEC) < 0)
		exit(1);
	int saved = fcntl(1, F_DUPFD_CLOEXEC, 0);
	dup2(p[1], 1);
	pid_t pid = revel_spawn(e, argv);
	dup2(saved, 1);
	close(saved);
	close(p[1]);
	revel_event ev = {0};
	while (pid > 0 && revel_next(e, &ev) == 0 && ev.kind != REVEL_EV_DONE) {
		if (ev.kind != REVEL_EV_SYSCALL)
			continue;
		s->events++;
		s->fault_events += (ev.flags & REVEL_EVF_FAULT) != 0;
		revel_action a = {.kind = REVEL_ACT_CONTINUE, .nr = ev.nr};
		memcpy(a.args, ev.args, sizeof a.args);
		revel_resume(e, ev.tid, &a);
	}
	ssize_t n = 0, k;
	while ((size_t)n < len - 1 && (k = read(p[0], out + n, len - 1 - (size_t)n)) > 0)
		n += k;
	out[n] = 0;
	close(p[0]);
	revel_engine_free(e);
	return ev.status;
}

static void test_guest(void)
{
	struct seen s = {0};
	char out[1024];
	/* The probe's stdout lines are 8 bytes or more: the first short= rule
	 * takes them (and cuts nothing), the second the 6-byte write alone. */
	int status = run_probe((const char *const[]){"write:fd=1:size=100000:error=EIO",
	                                             "getppid:nth=2..3:error=EPERM",
	                                             "getppid:nth=1:retval=77", "chdir:nth=1:eintr",
	                                             "write:size=7:short=100000",
	                                             "write:size=6:short=2", NULL},
	                       &s, out, sizeof out);
	const char *want = "getppid: 77\ngetppid: -1 EPERM\ngetppid: -1 EPERM\n"
	                   "getppid: ppid\ngetppid: ppid\ngetppid: ppid\n"
	                   "chdir: 0\nchdir: 0\nchdir: 0\nopen: 3\nwrite: 2\n";
	CHECK(status == 0 && !strcmp(out, want), "probe: status %d out\n%s", status, out);
	/* Only the three faulted calls leave the observer; they carry the fault. */
	CHECK(s.events == 3 && s.fault_events == 3 && s.observed_getppid == 3,
	      "events %d (faulted %d), observed getppid %d", s.events, s.fault_events,
	      s.observed_getppid);
}

int main(void)
{
	test_conditions();
	test_order_and_nth();
	test_actions();
	test_guest();
	return check_done();
}
