/* tracer_states.h: the state machine that handles a decoded stop
 * (tracer_states.c). */
#ifndef REVEL_TRACER_STATES_H
#define REVEL_TRACER_STATES_H

#include "engine_state.h"
#include "stop.h"

/* Handle task tid's stop, as its state says. */
void tracer_on_stop(revel_engine *e, pid_t tid, const struct stop *s);
/* The same, by the task's state alone (a stop --sched parked, handled when
 * the task's turn comes). */
void tracer_state_stop(revel_engine *e, struct task *t, const struct stop *s);
/* A task's first stop is seen and its process known: report it (HELD) or
 * let it run. */
void tracer_task_started(revel_engine *e, struct task *t);
/* Traced with syscall stops from now on: a task seized running (the root
 * under -b execve) is stopped once and resumed with PTRACE_SYSCALL. */
void tracer_syscall_stops(struct task *t);
/* The resume a stop this state does not look at gets: PTRACE_SYSCALL when
 * it waits for a syscall stop (--gdbserver lets go of a thread so). */
bool tracer_wants_syscall_stops(const struct task *t);
/* A signal-delivery stop of a running task: to the caller, or delivered. */
void tracer_on_signal(revel_engine *e, struct task *t, int sig);
/* Detach a stopped task now (REVEL_EV_DETACHED), undoing what revel changed
 * of its call at hand (attach.c). */
void tracer_detach(revel_engine *e, struct task *t);
/* A revel_adopt_prelude task's syscall-entry stop: its end (the library's
 * marker: detached) or the loader loading the library (run unreported) is
 * dealt with, and true returned (attach.c). */
bool tracer_prelude_stop(revel_engine *e, struct task *t);

#endif
