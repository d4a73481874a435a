/* stop.h: a wait status decoded once into a stop, apart from tracing it
 * (as rr and Reverie do): what kind of stop, its signal and ptrace event. */
#ifndef REVEL_STOP_H
#define REVEL_STOP_H

#include <stddef.h>

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

/* The stop a waitpid() status describes. */
struct stop stop_decode(int status);

/* A wait status in words, as strace -d writes it ("WIFSTOPPED,sig=SIGTRAP,
 * EVENT_SECCOMP (7)"); at most n bytes with the NUL. */
void stop_describe(int status, char *buf, size_t n);

#endif
