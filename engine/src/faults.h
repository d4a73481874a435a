/* faults.h: fault rules as a pure decision: given the rules, a thread's
 * counts and the call, the verdict (fault_verdict.h). No ptrace, no
 * registers: the tracer applies what it says.
 *
 * Two kinds of rule, one struct (revel/inject.h):
 * - strace's -e inject=: the latest rule for a syscall replaces earlier ones;
 *   when= counts the thread's invocations of the syscall.
 * - revel's --rule with only conditions a C check decides (fd=, size=,
 *   flags=, nth=; path= where the caller reads paths, the in-guest
 *   library): kept in order, the first that fires wins; nth= counts the
 *   thread's calls that match the rule. Rules with place= or p=, and under
 *   ptrace path=, stay in Lua (scripts/revel/fault.lua). */
#ifndef REVEL_FAULTS_H
#define REVEL_FAULTS_H

#include <stdbool.h>
#include <stdint.h>
#include <revel/engine.h>
#include <revel/inject.h>
#include "fault_verdict.h"

#define REVEL_MAX_RULES FAULT_MAX_RULES

_Static_assert(sizeof(((struct fault_counts *)0)->by_nr) / sizeof(uint32_t) == REVEL_NR_MAX,
               "fault_counts.by_nr has one slot per syscall");

/* Where a syscall's arguments that --rule conditions read are (0-based; -1
 * when it has none), from the syscall table's argument names. */
struct fault_args {
	signed char fd, size, flags;
};

/* The rule set. */
struct fault_rules {
	const struct revel_inject_rule *by_nr[REVEL_NR_MAX];      /* -e inject= */
	const struct revel_inject_rule *ordered[REVEL_MAX_RULES]; /* --rule, in order */
	int nordered;
	unsigned char ruled[REVEL_NR_MAX]; /* a --rule names the syscall */
	struct fault_args args[REVEL_NR_MAX];
	struct revel_inject_rule *owned[REVEL_MAX_RULES];
	int nowned;
	bool any;
	/* The path a call is about, as fault.lua's call_path() (see
	 * fault_path_arg), into buf (n bytes, NUL-terminated): 1, or 0 when it
	 * has none. NULL: a rule with path= never matches. */
	int (*path_of)(void *ctx, long nr, const int64_t args[6], char *buf, size_t n);
	void *path_ctx;
};

/* The argument fault.lua's call_path() reads for a path: the first of
 * pathname, filename, path, oldpath, newpath, oldname, newname the call
 * has (*fd 0: a string), else its fd or dirfd (*fd 1: the file it names);
 * its index, or -1. */
int fault_path_arg(long nr, int *fd);

/* Add a copy of a rule (an -e inject= one when rule->action is 0, else a
 * --rule); marks its syscalls in subscribed. 0 or a negative errno. */
int fault_rules_add(struct fault_rules *rs, const struct revel_inject_rule *rule,
                    unsigned char subscribed[REVEL_NR_MAX]);
void fault_rules_free(struct fault_rules *rs);

/* Count call nr (with its arguments) in this thread's counts and return
 * what the rules decide. handled: a tool sees the call. A --rule that fires
 * wins over the -e inject= rule of the same syscall. */
struct fault_verdict fault_decide(const struct fault_rules *rs, struct fault_counts *counts,
                                  long nr, const int64_t args[6], bool handled);

/* How a fired rule and the tool's answer to its call combine. */
enum fault_outcome {
	FAULT_WAITS,     /* not the final answer (an injection): the rule waits */
	FAULT_APPLIES,   /* the tool let the call run, or gave the rule's result */
	FAULT_DROPPED,   /* the tool decided otherwise: its answer stands */
	FAULT_AS_RESULT, /* after an injection the tool let the call run: the
	                  * rule's value is its result */
};

/* unchanged: the answer's call is the original one; after_inject: the
 * answer comes after an injected call. */
enum fault_outcome fault_combine(const struct fault_verdict *v, int answer_kind,
                                 int64_t answer_value, bool unchanged, bool after_inject);

#endif
