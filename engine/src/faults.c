/* faults.c: strace's -e inject= rules decided without Lua and without
 * touching the guest: count each thread's invocations of each syscall, and
 * when a rule's when= matches, say what happens (signal, delays, skip or
 * stand-in, result). The tracer applies the verdict; delays never block it. */
#include <errno.h>
#include <stdlib.h>
#include "faults.h"

int fault_rules_add(struct fault_rules *rs, const struct revel_inject_rule *rule,
		    unsigned char subscribed[REVEL_NR_MAX])
{
	if (rs->nowned >= REVEL_MAX_RULES)
		return -E2BIG;
	struct revel_inject_rule *copy = malloc(sizeof *copy);
	if (!copy)
		return -ENOMEM;
	*copy = *rule;
	/* Rules are freed with the engine; the latest one wins per syscall. */
	rs->owned[rs->nowned++] = copy;
	for (int nr = 0; nr < REVEL_NR_MAX; nr++) {
		if (!rule->set[nr])
			continue;
		rs->by_nr[nr] = copy;
		subscribed[nr] = 1;
		rs->any = true;
	}
	return 0;
}

void fault_rules_free(struct fault_rules *rs)
{
	for (int i = 0; i < rs->nowned; i++)
		free(rs->owned[i]);
	rs->nowned = 0;
}

struct fault_verdict fault_decide(const struct fault_rules *rs, uint32_t *counts, long nr,
				  bool handled)
{
	struct fault_verdict v = {.standin = -1};
	const struct revel_inject_rule *r = nr >= 0 && nr < REVEL_NR_MAX ? rs->by_nr[nr] : NULL;
	if (!r || !counts)
		return v;
	uint32_t n = ++counts[nr];
	if (!revel_inject_when(r, n))
		return v;
	v.fired = true;
	v.fault = r->fault != 0;
	v.value = r->value;
	v.standin = r->syscall;
	v.signal = r->signal;
	v.delay_enter_us = r->delay_enter_us;
	v.delay_exit_us = r->delay_exit_us;
	v.to_tool = handled;
	return v;
}

enum fault_outcome fault_combine(const struct fault_verdict *v, int answer_kind,
				 int64_t answer_value, bool unchanged, bool after_inject)
{
	/* A rule's fault stands until the tool's final answer: injections on
	 * the way leave it be. */
	if (!v->fired || answer_kind == REVEL_ACT_INJECT)
		return FAULT_WAITS;
	/* The tool let the call run, or gave it the rule's own result (it asked
	 * for the call's result and got the rule's): the rule has it. */
	if (!after_inject && ((answer_kind == REVEL_ACT_CONTINUE && unchanged) ||
			      (answer_kind == REVEL_ACT_RETURN && v->fault &&
			       answer_value == v->value)))
		return FAULT_APPLIES;
	if (answer_kind == REVEL_ACT_CONTINUE && unchanged && after_inject && v->fault)
		return FAULT_AS_RESULT;
	return FAULT_DROPPED;
}
