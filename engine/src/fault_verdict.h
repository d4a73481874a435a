/* fault_verdict.h: what a fault rule (-e inject= or --rule) decided for one
 * call, and a thread's counts the rules read. Plain data: faults.c computes
 * it, the tracer applies it, a task keeps it. */
#ifndef REVEL_FAULT_VERDICT_H
#define REVEL_FAULT_VERDICT_H

#include <stdbool.h>
#include <stdint.h>

#define FAULT_MAX_RULES 64

/* A thread's counts: invocations per syscall (-e inject= when=), matching
 * calls per --rule rule (nth=), and the call an eintr interrupted. */
struct fault_counts {
	uint32_t by_nr[512]; /* REVEL_NR_MAX */
	uint32_t by_rule[FAULT_MAX_RULES];
	long restarting; /* syscall number + 1 whose restart runs unfaulted; 0 none */
};

struct fault_verdict {
	bool fired;    /* a rule fired (and still applies); nothing below otherwise */
	bool fault;    /* error= or retval=: the call is skipped and returns .value */
	int64_t value; /* -errno or the result */
	long standin;  /* with .fault: a side-effect-free call run instead; -1 none */
	int signal;    /* delivered on entering the call; 0 none */
	int64_t delay_enter_us, delay_exit_us; /* 0 for none */
	/* The tool handles the call: it sees it (after delay_enter), and the
	 * fault applies only if its answer lets it (fault_combine). */
	bool to_tool;
	/* --rule short=: argument cut_arg (0-based; -1 none) becomes cut_to,
	 * and the call runs. */
	int cut_arg;
	int64_t cut_to;
	/* --rule eintr: .value is a restart code the kernel acts on as for a
	 * signal (RESTART_FIX); no tool sees the call. */
	bool restart;
};

/* The rule's call needs its exit stop: to delay after it, or to set the
 * result of a stand-in call. */
static inline bool fault_needs_exit(const struct fault_verdict *v)
{
	return v->delay_exit_us > 0 || (v->fault && v->standin >= 0);
}

/* The syscall number the guest's call gets when the rule applies: -1 skips it. */
static inline long fault_call_nr(const struct fault_verdict *v)
{
	return v->standin >= 0 ? v->standin : -1;
}

#endif
