/* test_rules.c: the one parser of fault rules: strace's -e inject= specs and
 * revel's --rule specs into struct revel_inject_rule, and their errors. */
#include "revel/inject.h"
#include "revel/systable.h"

#include <stdio.h>
#include <string.h>
#include "check.h"

static long nr(const char *name)
{
	return revel_syscall_by_name(name)->nr;
}

static void test_inject_unchanged(void)
{
	struct revel_inject_rule r;
	char err[256];
	CHECK(revel_inject_parse("getppid:retval=3:when=2+2", &r, err, sizeof err) == 0, "%s", err);
	CHECK(r.set[nr("getppid")] && !r.set[nr("getpid")], "set");
	CHECK(r.fault == 1 && r.value == 3, "retval");
	CHECK(r.first == 2 && r.step == 2 && r.last == UINT32_MAX, "when");
	CHECK(r.action == 0 && r.match == 0, "no --rule fields");
	CHECK(revel_inject_parse("read:fd=0:error=EIO", &r, err, sizeof err) < 0,
	      "fd= is not strace's");
	CHECK(strstr(err, "unknown key \"fd\""), "%s", err);
}

static void test_rule_fields(void)
{
	struct revel_inject_rule r;
	char err[256];
	CHECK(revel_rule_parse("read,pread64:fd=0:size=10:flags=0x80:nth=2..5:short=2", &r, err,
	                       sizeof err) == 0,
	      "%s", err);
	CHECK(r.set[nr("read")] && r.set[nr("pread64")] && !r.set[nr("write")], "set");
	CHECK(r.action == REVEL_RULE_SHORT && r.short_max == 2 && !r.fault, "short");
	CHECK(r.match == (REVEL_MATCH_FD | REVEL_MATCH_SIZE | REVEL_MATCH_FLAGS | REVEL_MATCH_NTH),
	      "match %x", r.match);
	CHECK(r.fd == 0 && r.size == 10 && r.flags == 0x80, "values");
	CHECK(r.first == 2 && r.last == 5 && r.step == 1, "nth");

	CHECK(revel_rule_parse("openat:path=/etc/*.conf:place=1.*:p=0.5:error=EACCES", &r, err,
	                       sizeof err) == 0,
	      "%s", err);
	CHECK(r.action == REVEL_RULE_ERROR && r.fault && r.value == -13, "error");
	CHECK(!strcmp(r.path, "/etc/*.conf") && !strcmp(r.place, "1.*") && r.p == 0.5,
	      "lua fields");
	CHECK(!strcmp(r.arg, "EACCES"), "arg %s", r.arg);
	CHECK(r.match == (REVEL_MATCH_PATH | REVEL_MATCH_PLACE | REVEL_MATCH_P), "match %x",
	      r.match);

	CHECK(revel_rule_parse("%file:delay=10ms", &r, err, sizeof err) == 0, "%s", err);
	CHECK(r.set[nr("openat")] && r.action == REVEL_RULE_DELAY && r.delay_enter_us == 10000,
	      "delay");
	CHECK(revel_rule_parse("getppid:eintr", &r, err, sizeof err) == 0, "%s", err);
	CHECK(r.action == REVEL_RULE_EINTR && r.fault && r.value == -512, "eintr");
	CHECK(revel_rule_parse("getppid:signal=USR1", &r, err, sizeof err) == 0, "%s", err);
	CHECK(r.action == REVEL_RULE_SIGNAL && r.signal == 10 && !r.fault, "signal");
	CHECK(revel_rule_parse("getppid:retval=-3", &r, err, sizeof err) == 0, "%s", err);
	CHECK(r.action == REVEL_RULE_RETVAL && r.fault && r.value == -3, "retval");
	CHECK(revel_rule_parse("read:fd=0:short=1", &r, err, sizeof err) == 0, "%s", err);
	CHECK(r.action == REVEL_RULE_SHORT && r.match == REVEL_MATCH_FD, "short with fd");
	/* strace's parser does not take revel's keys */
	CHECK(revel_inject_parse("read:fd=0:short=1", &r, err, sizeof err) != 0, "inject refuses");
}

static void test_rule_errors(void)
{
	static const struct {
		const char *spec, *msg;
	} bad[] = {
	    {"read", "fault rule \"read\" names no action (SET:KEY=VALUE...)"},
	    {"read:p=1.5:error=EIO",
	     "fault rule \"read:p=1.5:error=EIO\": p=1.5 is not a probability in [0, 1]"},
	    {"read:p=-0.1:error=EIO", "not a probability"},
	    {"read:error=EBLAH", "unknown errno \"EBLAH\""},
	    {"read:signal=SIGBLAH", "unknown signal \"SIGBLAH\""},
	    {"read:nth=0:error=EIO", "nth=0 is not FIRST[..LAST][+[STEP]]"},
	    {"read:path=/x",
	     "needs exactly one action of error, retval, short, delay, signal, eintr"},
	    {"read:error=EIO:retval=1", "exactly one action"},
	    {"rread:error=EIO", "unknown syscall \"rread\""},
	    {"%nope:error=EIO", "unknown syscall class \"%nope\""},
	    {"read:fd=x:error=EIO", "fd=x is not a number"},
	    {"read:bogus=1:error=EIO", "unknown key \"bogus\""},
	    {"read:a-b=1", "\"a-b=1\" is not KEY=VALUE"},
	    {"read:delay=soon", "delay=soon is not a time"},
	    {"read:short=-1", "short=-1 is not a byte count"},
	    {"read:when=2:error=EIO", "unknown key \"when\""},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct revel_inject_rule r;
		char err[512] = "";
		CHECK(revel_rule_parse(bad[i].spec, &r, err, sizeof err) < 0, "%s accepted",
		      bad[i].spec);
		CHECK(strstr(err, bad[i].msg) != NULL, "%s: %s", bad[i].spec, err);
	}
}

int main(void)
{
	test_inject_unchanged();
	test_rule_fields();
	test_rule_errors();
	return check_done();
}
