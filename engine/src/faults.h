/* faults.h: strace's -e inject= rules as a pure decision: given the rules,
 * a thread's counts and the call, the verdict (fault_verdict.h). No ptrace,
 * no registers: the tracer applies what it says. */
#ifndef REVEL_FAULTS_H
#define REVEL_FAULTS_H

#include <stdbool.h>
#include <stdint.h>
#include <revel/engine.h>
#include <revel/inject.h>
#include "fault_verdict.h"

#define REVEL_MAX_RULES 64

/* The rule set: the one that applies to each syscall, and the copies owned. */
struct fault_rules {
	const struct revel_inject_rule *by_nr[REVEL_NR_MAX];
	struct revel_inject_rule *owned[REVEL_MAX_RULES];
	int nowned;
	bool any;
};

/* Add a copy of a rule (the latest wins per syscall); marks its syscalls in
 * subscribed. 0 or a negative errno. */
int fault_rules_add(struct fault_rules *rs, const struct revel_inject_rule *rule,
		    unsigned char subscribed[REVEL_NR_MAX]);
void fault_rules_free(struct fault_rules *rs);

/* Count invocation nr in counts (REVEL_NR_MAX entries, this thread's) and
 * return what the rule for it decides. handled: a tool sees the call. */
struct fault_verdict fault_decide(const struct fault_rules *rs, uint32_t *counts, long nr,
				  bool handled);

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
