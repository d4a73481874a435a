/* The guest's own seccomp filters, read as the kernel runs them
 * (guest/guest_filters.c): which calls they keep from revel's ptrace tracer. */
#ifndef REVEL_GUEST_FILTERS_H
#define REVEL_GUEST_FILTERS_H
#include <ucontext.h>

/* The guest loaded a filter: seccomp(SECCOMP_SET_MODE_FILTER, flags, prog)
 * or prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, prog) (nr, a: the call)
 * returned r. Keeps a copy of the program. */
void guest_filters_loaded(long nr, const long *a, long r);
/* 1 when the guest's filters answer the call nr(a) from site `after` with
 * an action that outranks SECCOMP_RET_TRACE (kill, trap, errno, user
 * notification): under ptrace the tracer never sees it. */
int guest_filters_hide(long nr, const long *a, unsigned long after);
/* The calling thread's filters (for a new thread: guest_filters_adopt()). */
void *guest_filters_mine(void);
void guest_filters_adopt(void *chain);

#endif
