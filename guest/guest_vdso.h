/* The vDSO's calls routed to the kernel for a tool that subscribes to them
 * (guest/vdso.c). */
#ifndef REVEL_GUEST_VDSO_H
#define REVEL_GUEST_VDSO_H

/* 1 if name is a call of the vDSO this can route. */
int guest_vdso_routable(const char *name);
/* Overwrites the vDSO's functions of names[0..n) to make the syscall; -1 if
 * one could not be. Before dispatch is on. */
int guest_vdso_route(const char *const *names, int n);

#endif
