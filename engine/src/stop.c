/* stop.c: decoding a wait status into a stop. */
#define _GNU_SOURCE
#include <signal.h>
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
