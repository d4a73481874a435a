/* --backend=guest's default tool (strace's output): engine/decode's printer
 * in each guest process, fed in C by the library's call path (no Lua per
 * call). The life lines (signals, exits) come through the tool's hooks
 * (scripts/revel/tools/strace_guest.lua), which call in here. */
#ifndef REVEL_GUEST_STRACE_H
#define REVEL_GUEST_STRACE_H
#include <lua.h>
#include <signal.h>

#define GUEST_STRACE_NR 512
/* REVEL_GUEST_STRACE_PRINT: the call's line is printed (the trace set);
 * REVEL_GUEST_STRACE_WATCH: seen for revel's descriptors (close,
 * close_range). 0 everywhere when the default tool is not the one. */
enum { GUEST_STRACE_PRINT = 1, GUEST_STRACE_WATCH = 2 };
extern unsigned char guest_strace_calls[GUEST_STRACE_NR];

/* The descriptors revel hands every guest process (inherited, above the
 * library's others): the output, and the page all printers share. */
#define GUEST_STRACE_OUT_FD 947
#define GUEST_STRACE_SHM_FD 946

/* Adds strace_start, strace_signal, strace_exited, strace_superseded to
 * the table at the top of L's stack (c.*, guest/inguest.lua). */
void guest_strace_register(lua_State *L);

/* The guest's call nr(a) is about to run (sp: its stack pointer), tid its
 * thread. Returns nonzero when the call must not run: it ran here, its
 * result is in *result (a close of revel's descriptors: EBADF, as
 * natively; a close_range around them); guest_strace_exit() follows. */
int guest_strace_enter(int tid, long nr, long *a, unsigned long sp, long *result);
/* It returned result (injected: a fault rule gave it). */
void guest_strace_exit(int tid, long nr, long result, int injected);
/* In a forked child, before it returns: its copy of the parent's lines is
 * dropped, its own printer made. */
void guest_strace_forked(void);
#endif
