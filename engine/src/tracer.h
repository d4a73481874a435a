/* tracer.h: the engine object, shared by engine.c and tracer.c. */
#ifndef REVEL_TRACER_H
#define REVEL_TRACER_H

#include <signal.h>
#include "internal.h"
#include <revel/inject.h>

#define REVEL_MAX_RULES 64

struct revel_engine {
	struct revel_options opt;
	FILE *log;
	bool any_handled;
	const struct revel_observer *observer;
	unsigned char unobserved[REVEL_NR_MAX]; /* calls the observer leaves to events */
	bool spawned;
	struct task_table tasks;
	pid_t root_pid;
	int root_status;
	/* -e inject= rules: the one that applies to each syscall */
	struct revel_inject_rule *rules[REVEL_NR_MAX];
	struct revel_inject_rule *rules_owned[REVEL_MAX_RULES];
	int nrules_owned;
	bool has_rules;
	int nheld; /* tasks held stopped by a delay */
	sigset_t old_mask; /* revel's signal mask before SIGCHLD was blocked */
	bool mask_changed;
	/* events made but not yet handed out */
	revel_event *queue;
	size_t qhead, qlen, qcap;
};

revel_event *queue_push(revel_engine *e, int kind, struct task *t);
bool queue_pop(revel_engine *e, revel_event *out);
struct proc *proc_new(pid_t pid);
/* Drop a task (and its process when it was the last thread), no events. */
void task_forget(revel_engine *e, struct task *t);

/* faults.c: the -e inject= rules at work. */
/* At a seccomp stop with registers loaded: true when a rule took the stop. */
bool fault_on_seccomp(revel_engine *e, struct task *t, long nr);
/* At a syscall-exit stop of a fault in progress (TS_FAULT_EXIT). */
void fault_on_exit(revel_engine *e, struct task *t);
/* Releases held tasks whose delay is over; returns the milliseconds until the
 * next one is due, or -1 when none is held. */
int fault_timers(revel_engine *e);
/* The rule fired for this task's current call, applied when the caller lets
 * the call run (a handled syscall). */
void fault_apply(revel_engine *e, struct task *t);
void fault_task_free(struct task *t);

/* tracer.c helpers faults.c shares */
void tracer_report_syscall(revel_engine *e, struct task *t);
void tracer_resume_running(struct task *t, int sig);


#endif
