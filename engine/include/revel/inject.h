/* revel/inject.h: fault rules. One representation for both spellings:
 *
 * strace's -e inject= (revel_inject_parse), run by the engine without Lua:
 *   SET:error=ERRNO|retval=N[:signal=SIG][:syscall=NAME][:delay_enter=D]
 *       [:delay_exit=D][:when=FIRST[..LAST][+[STEP]]]
 *   Invocations are counted per syscall and per thread, as strace counts them.
 *   A later rule replaces an earlier one for the syscalls both name.
 *
 * revel's --rule (revel_rule_parse), run by the engine too, unless it needs Lua:
 *   SET[:path=GLOB][:fd=N][:size=N][:flags=N][:place=GLOB][:nth=WHEN][:p=P]:ACTION
 *   with exactly one ACTION of error=ERRNO, retval=N, short=N, delay=D,
 *   signal=SIG, eintr. SET is names and %classes. The conditions a C check
 *   decides (set, nth, fd, size, flags) and the action are fields the engine
 *   evaluates; the ones that need Lua (path and place globs, p) are kept for
 *   scripts/revel/fault.lua, which runs a rule that names any of them. Rules
 *   given to one engine are tried in order; the first that fires wins. */
#ifndef REVEL_INJECT_H
#define REVEL_INJECT_H

#include <stdint.h>
#include <revel/engine.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ffi.cdef begin */
struct revel_inject_rule {
	unsigned char set[REVEL_NR_MAX]; /* the syscalls it applies to */
	int fault;                       /* 1: the call is skipped and returns .value */
	int64_t value;                   /* -errno (error=) or the result (retval=) */
	int signal;                      /* delivered on entry; 0 for none */
	long syscall;                    /* run instead of the call (error/retval only); -1 none */
	int64_t delay_enter_us, delay_exit_us; /* 0 for none */
	uint32_t first, last, step;            /* when=; step 0: every call from first to last */
	/* revel_rule_parse fills these too; revel_inject_parse leaves them 0.
	 * A rule with action 0 is an -e inject= rule; the engine ignores path,
	 * place and p (a rule with them is Lua's to run). */
	int action;         /* enum revel_rule_action; 0 for an -e inject= rule */
	unsigned int match; /* REVEL_MATCH_* bits: the conditions the rule names */
	int64_t fd;         /* fd=: the fd, sockfd or dirfd argument is this */
	int64_t size;       /* size=: the count/len/length/size/nbytes argument is at least this */
	uint64_t flags;     /* flags=: the flags argument has all these bits */
	int64_t short_max;  /* short=: the size argument is cut to at most this */
	double p;           /* p=: the chance the rule fires (a seeded draw, Lua) */
	char path[512];     /* path=: a glob the call's path matches (Lua) */
	char place[128];    /* place=: a glob the thread's place matches (Lua) */
	char arg[64];       /* the action's value as written ("EIO", "10ms"), for fault logs */
};

/* The action of a --rule. The engine's own fields say what it does too:
 * error/retval/eintr set fault and value (eintr: -ERESTARTSYS, given the
 * kernel's restart semantics; the restarted call is exempt), signal sets
 * signal, delay sets delay_enter_us; short has short_max alone. */
enum revel_rule_action {
	REVEL_RULE_ERROR = 1,
	REVEL_RULE_RETVAL,
	REVEL_RULE_SHORT,
	REVEL_RULE_DELAY,
	REVEL_RULE_SIGNAL,
	REVEL_RULE_EINTR,
};

enum {
	REVEL_MATCH_FD = 1 << 0,
	REVEL_MATCH_SIZE = 1 << 1,
	REVEL_MATCH_FLAGS = 1 << 2,
	REVEL_MATCH_NTH = 1 << 3, /* nth= (first, last, step): counted per rule and thread */
	REVEL_MATCH_PATH = 1 << 4,
	REVEL_MATCH_PLACE = 1 << 5,
	REVEL_MATCH_P = 1 << 6,
};
/* ffi.cdef end */

/* Parse one spec. Returns 0, or -1 with a one-line message in err that names
 * the offending part. */
int revel_inject_parse(const char *spec, struct revel_inject_rule *rule, char *err, size_t errlen);

/* Parse a --rule spec into the same struct. Returns 0, or -1 with a one-line
 * message in err ("fault rule \"SPEC\": ..."). */
int revel_rule_parse(const char *spec, struct revel_inject_rule *rule, char *err, size_t errlen);

/* Does invocation number n (1-based) of a syscall fall under the rule's when=? */
int revel_inject_when(const struct revel_inject_rule *rule, uint32_t n);

/* Add a rule (of either kind) to an engine before revel_spawn (under
 * --gdbserver, which subscribes every call, also later); its syscalls
 * are subscribed. Returns 0 or a negative errno (-E2BIG past 64 rules). */
int revel_add_inject(revel_engine *e, const struct revel_inject_rule *rule);

#ifdef __cplusplus
}
#endif
#endif
