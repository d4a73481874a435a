/* revel/inject.h: strace's -e inject= rules, run by the engine without Lua.
 *
 * SET:error=ERRNO|retval=N[:signal=SIG][:syscall=NAME][:delay_enter=D]
 *     [:delay_exit=D][:when=FIRST[..LAST][+[STEP]]]
 * Invocations are counted per syscall and per thread, as strace counts them.
 * A later rule replaces an earlier one for the syscalls both name. */
#ifndef REVEL_INJECT_H
#define REVEL_INJECT_H

#include <stdint.h>
#include <revel/engine.h>

#ifdef __cplusplus
extern "C" {
#endif

struct revel_inject_rule {
	unsigned char set[REVEL_NR_MAX]; /* the syscalls it applies to */
	int fault;          /* 1: the call is skipped and returns .value */
	int64_t value;      /* -errno (error=) or the result (retval=) */
	int signal;         /* delivered on entry; 0 for none */
	long syscall;       /* run instead of the call (error/retval only); -1 none */
	int64_t delay_enter_us, delay_exit_us; /* 0 for none */
	uint32_t first, last, step; /* when=; step 0: every call from first to last */
};

/* Parse one spec. Returns 0, or -1 with a one-line message in err that names
 * the offending part. */
int revel_inject_parse(const char *spec, struct revel_inject_rule *rule, char *err,
		       size_t errlen);

/* Does invocation number n (1-based) of a syscall fall under the rule's when=? */
int revel_inject_when(const struct revel_inject_rule *rule, uint32_t n);

/* Add a rule to an engine before revel_spawn; its syscalls are subscribed.
 * Returns 0 or a negative errno. */
int revel_add_inject(revel_engine *e, const struct revel_inject_rule *rule);

#ifdef __cplusplus
}
#endif
#endif
