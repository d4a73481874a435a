/* stop.c: decoding a wait status into a stop. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include "stop.h"

struct stop stop_decode(int status)
{
	struct stop s = {.status = status};
	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		s.kind = STOP_GONE;
		return s;
	}
	if (!WIFSTOPPED(status)) {
		s.kind = STOP_NONE;
		return s;
	}
	s.sig = WSTOPSIG(status);
	s.event = (unsigned)status >> 16;
	switch (s.event) {
	case PTRACE_EVENT_EXEC:
		s.kind = STOP_EXEC;
		break;
	case PTRACE_EVENT_SECCOMP:
		s.kind = STOP_SECCOMP;
		break;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		s.kind = STOP_CLONE;
		break;
	case PTRACE_EVENT_STOP:
		s.kind = STOP_GROUP;
		break;
	case 0:
		s.kind = s.sig == (SIGTRAP | 0x80) ? STOP_SYSCALL : STOP_SIGNAL;
		break;
	default:
		s.kind = STOP_EVENT;
		break;
	}
	return s;
}

static const char *const EVENT_NAMES[] = {
    [PTRACE_EVENT_FORK] = "FORK",
    [PTRACE_EVENT_VFORK] = "VFORK",
    [PTRACE_EVENT_CLONE] = "CLONE",
    [PTRACE_EVENT_EXEC] = "EXEC",
    [PTRACE_EVENT_VFORK_DONE] = "VFORK_DONE",
    [PTRACE_EVENT_EXIT] = "EXIT",
    [PTRACE_EVENT_SECCOMP] = "SECCOMP",
    [PTRACE_EVENT_STOP] = "STOP",
};

/* The signal's name, or its number when it has none (SIGTRAP|0x80 is 133). */
static void sig_word(int sig, char *buf, size_t n)
{
	const char *name = sig > 0 && sig < NSIG ? sigabbrev_np(sig) : NULL;
	if (name)
		snprintf(buf, n, "SIG%s", name);
	else
		snprintf(buf, n, "%d", sig);
}

void stop_describe(int status, char *buf, size_t n)
{
	char sig[24];
	if (WIFEXITED(status)) {
		snprintf(buf, n, "WIFEXITED,exitcode=%d", WEXITSTATUS(status));
	} else if (WIFSIGNALED(status)) {
		sig_word(WTERMSIG(status), sig, sizeof sig);
		snprintf(buf, n, "WIFSIGNALED,%ssig=%s", WCOREDUMP(status) ? "core," : "", sig);
	} else if (WIFSTOPPED(status)) {
		sig_word(WSTOPSIG(status), sig, sizeof sig);
		unsigned ev = (unsigned)status >> 16;
		const char *name =
		    ev < sizeof EVENT_NAMES / sizeof *EVENT_NAMES ? EVENT_NAMES[ev] : NULL;
		if (ev == 0)
			snprintf(buf, n, "WIFSTOPPED,sig=%s", sig);
		else if (name)
			snprintf(buf, n, "WIFSTOPPED,sig=%s,EVENT_%s (%u)", sig, name, ev);
		else
			snprintf(buf, n, "WIFSTOPPED,sig=%s,EVENT_%u", sig, ev);
	} else if (WIFCONTINUED(status)) {
		snprintf(buf, n, "WIFCONTINUED");
	} else {
		snprintf(buf, n, "0x%x", (unsigned)status);
	}
}
