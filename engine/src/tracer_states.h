/* tracer_states.h: a wait status decoded once into a stop, and the state
 * machine that handles it (tracer_states.c). */
#ifndef REVEL_TRACER_STATES_H
#define REVEL_TRACER_STATES_H

#include "tracer.h"

enum stop_kind {
	STOP_NONE,    /* not a stop (a continued report): nothing to do */
	STOP_GONE,    /* exited or killed */
	STOP_EXEC,    /* PTRACE_EVENT_EXEC */
	STOP_SECCOMP, /* PTRACE_EVENT_SECCOMP */
	STOP_CLONE,   /* PTRACE_EVENT_FORK, _VFORK or _CLONE (.event tells) */
	STOP_GROUP,   /* PTRACE_EVENT_STOP: group-stop or the like (.sig) */
	STOP_SYSCALL, /* syscall entry or exit (SIGTRAP | 0x80) */
	STOP_SIGNAL,  /* signal-delivery stop (.sig) */
	STOP_EVENT,   /* another ptrace event: passed over */
};

struct stop {
	enum stop_kind kind;
	int sig;
	int event;
	int status; /* the wait status, for STOP_GONE */
};

struct stop stop_decode(int status);
/* Handle task tid's stop, as its state says. */
void tracer_on_stop(revel_engine *e, pid_t tid, const struct stop *s);

#endif
