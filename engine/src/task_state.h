/* task_state.h: where a task is in its life, as the tracer last left it.
 * The states of the tracer's state machine; what each does with a stop is in
 * tracer_states.c, and the answers to the stopped ones in answers.c. The
 * diagram in docs/design.md must name the same states (spec/docs_spec.lua).
 *
 * Transitions (stop or answer -> next state):
 *   NEW          --initial stop, parent's clone event seen--> HELD (want_tasks) | RUNNING
 *   (unknown)    --initial stop before the clone event------> NEW_STOPPED
 *   NEW_STOPPED  --parent's clone event---------------------> HELD | RUNNING
 *   RUNNING      --seccomp stop, call handled---------------> SECCOMP
 *   RUNNING      --seccomp stop, observer wants the result--> OBSERVE
 *   RUNNING      --seccomp stop, fault rule fires-----------> DELAY_ENTER | DELAY_REPORT
 *                                                             | FAULT_EXIT | RUNNING
 *   RUNNING      --seccomp stop, --rule eintr fires---------> RESTART_FIX
 *   RUNNING      --exec stop (want_tasks)-------------------> EXEC_STOP
 *   RUNNING      --signal stop (want_signals)---------------> SIGNAL_STOP
 *   HELD         --answer INJECT----------------------------> INJ_ENTRY (free chain)
 *   EXEC_STOP    --answer INJECT, at an exec stop-----------> INJ_PREP
 *   HELD, EXEC_STOP, SIGNAL_STOP --answer CONTINUE----------> RUNNING
 *   EXEC_STOP    --answer, exec came mid-call---------------> INJ_RUN | OBSERVE
 *   INJ_PREP     --execve's exit stop-----------------------> INJ_ENTRY (free chain)
 *   SECCOMP      --answer INJECT----------------------------> INJ_RUN
 *   SECCOMP      --answer CONTINUE/TAIL/RETURN--------------> RUNNING | FAULT_EXIT
 *   SECCOMP      --answer RETURN of a restart code----------> RESTART_FIX
 *   INJ_EXIT     --answer INJECT (rewind)-------------------> INJ_ENTRY
 *   INJ_EXIT     --answer CONTINUE/TAIL/RETURN--------------> RUNNING
 *   INJ_ENTRY    --entry stop of the injected call----------> INJ_RUN
 *   INJ_RUN      --exit stop--------------------------------> INJ_EXIT
 *   INJ_RUN      --exec stop (injected execve)--------------> EXEC_STOP | INJ_RUN
 *   OBSERVE      --exit stop--------------------------------> RUNNING
 *   OBSERVE      --exec stop--------------------------------> EXEC_STOP | OBSERVE
 *   RUNNING, SECCOMP --status file opened, --placement=together--> PLACE_EXIT
 *   PLACE_EXIT   --exit stop--------------------------------> RUNNING
 *   RESTART_FIX  --exit stop--------------------------------> RUNNING
 *   FAULT_EXIT   --exit stop--------------------------------> DELAY_EXIT | RUNNING
 *   DELAY_ENTER  --delay over-------------------------------> FAULT_EXIT | RUNNING
 *   DELAY_REPORT --delay over-------------------------------> SECCOMP
 *   DELAY_EXIT   --delay over-------------------------------> RUNNING
 *   any          --exit or death----------------------------> (task dropped)
 */
#ifndef REVEL_TASK_STATE_H
#define REVEL_TASK_STATE_H

enum task_state {
	TS_NEW,          /* known from the parent's clone event, initial stop not seen */
	TS_NEW_STOPPED,  /* initial stop seen before the parent's clone event */
	TS_HELD,         /* stopped at its initial stop, waiting for the caller */
	TS_RUNNING,      /* resumed, nothing expected */
	TS_SECCOMP,      /* stopped at a seccomp stop, waiting for the caller */
	TS_INJ_ENTRY,    /* rewound to run an injected call; expects its entry stop */
	TS_INJ_RUN,      /* injected call running; expects its exit stop */
	TS_INJ_EXIT,     /* stopped after an injected call, waiting for the caller */
	TS_EXEC_STOP,    /* stopped at an exec stop, waiting for the caller */
	TS_SIGNAL_STOP,  /* stopped at a signal-delivery stop, waiting for the caller */
	TS_INJ_PREP,     /* after an exec stop: stepping to execve's exit before injecting */
	TS_RESTART_FIX,  /* a skipped call's result is a restart code: set it at exit */
	TS_DELAY_ENTER,  /* held by a rule's delay_enter; then the rest of the rule */
	TS_DELAY_REPORT, /* held by a rule's delay_enter; then the tool sees the call */
	TS_DELAY_EXIT,   /* held by a rule's delay_exit; then it runs on */
	TS_FAULT_EXIT,   /* a rule's call runs; its exit stop is expected */
	TS_OBSERVE,      /* an observed call runs; its exit stop is expected */
	TS_PLACE_EXIT,   /* an open of a status copy runs (place.c); its exit stop is expected */
	TS_COUNT
};

/* Sub-state of the INJ_* states: where the injection chain began. */
enum inj_chain {
	CHAIN_AT_SYSCALL = 0, /* at a syscall stop (or none): the original call follows */
	/* At a stop that is not a syscall (thread start, exec): it runs through
	 * the gadget, and the registers come back whole at its end. */
	CHAIN_FREE,
};

/* The task runs: its registers cannot be read or set. */
static inline int task_state_running(enum task_state s)
{
	return s == TS_RUNNING || s == TS_NEW || s == TS_NEW_STOPPED || s == TS_INJ_ENTRY ||
	       s == TS_INJ_RUN;
}

static inline int task_state_is_delay(enum task_state s)
{
	return s == TS_DELAY_ENTER || s == TS_DELAY_REPORT || s == TS_DELAY_EXIT;
}

#endif
