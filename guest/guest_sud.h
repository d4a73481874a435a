/* A guest's own Syscall User Dispatch, kept by the library (guest/guest_sud.c). */
#ifndef REVEL_GUEST_SUD_H
#define REVEL_GUEST_SUD_H
#include <ucontext.h>

#define PR_SET_SYSCALL_USER_DISPATCH_ 59

/* prctl(PR_SET_SYSCALL_USER_DISPATCH, a[1..4]) of the guest: the result. */
long guest_sud_prctl(const long *a);
/* The call nr trapped (uc: its registers): 1 when the guest's dispatch takes
 * it, as the kernel would (its SIGSYS handler has run: the call is not). */
int guest_sud_takes(ucontext_t *uc, long nr);
/* In a forked child: the kernel does not pass dispatch on to it. */
void guest_sud_forked(void);

#endif
