/* unwind_internal.h: what the task layer and the tracer tell the unwinder
 * (unwind.c): a process's cached modules are dropped with the process or at
 * its exec, and marked stale by a call that may change its executable
 * mappings, to be read again at the next walk (as strace does). */
#ifndef REVEL_UNWIND_INTERNAL_H
#define REVEL_UNWIND_INTERNAL_H

#include <stdbool.h>

struct unwind_proc;

void unwind_proc_free(struct unwind_proc *u);
void unwind_proc_stale(struct unwind_proc *u);
/* mmap, munmap, mprotect, mremap, ...: may change what is mapped executable. */
bool unwind_maps_call(long nr);

#endif
