/* revel/unwind.h: the call stack of a stopped guest thread (strace -k).
 *
 * Unwinding is elfutils' libdw (dwfl): its CFI unwinder walks the stack with
 * the registers and memory revel already holds as the tracer; the modules are
 * the process's file mappings (/proc/PID/maps), reported once and again only
 * after an exec or a call that changes executable mappings. Function names
 * are the nearest function symbol at or before each ip, from the file's own
 * symbol tables, as strace's libunwind finds them. */
#ifndef REVEL_UNWIND_H
#define REVEL_UNWIND_H

#include <revel/engine.h>
#include <revel/frame.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ffi.cdef begin */
enum revel_backtrace_flags {
	REVEL_BT_SOURCE = 1, /* also file and line (reads DWARF line tables) */
};
/* ffi.cdef end */

/* Whether revel was built with an unwinder (libdw). */
int revel_unwind_available(void);

/* Fills out[0..max) with tid's frames, innermost first; returns how many
 * (0 for a thread that runs revel's own code before its first exec), or a
 * negative errno: -ENOSYS (built without libdw), -ESRCH (no such thread, or
 * it is not stopped). A walk that fails past the first frame returns the
 * frames found. The strings live until the next walk in that process. */
int revel_backtrace(revel_engine *e, pid_t tid, struct revel_frame *out, int max, int flags);

#ifdef __cplusplus
}
#endif
#endif
