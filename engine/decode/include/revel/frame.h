/* revel/frame.h: one frame of a guest thread's call stack, as the unwinder
 * (engine/src/unwind.c) finds it and the printer (-k) shows it. The strings
 * belong to whoever filled the frame and live until its next walk. */
#ifndef REVEL_FRAME_H
#define REVEL_FRAME_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ffi.cdef begin */
#define REVEL_FRAMES_MAX 256 /* strace's limit: "too many stack frames" past it */

struct revel_frame {
	uint64_t ip;      /* the frame's instruction pointer (a return address below the top) */
	uint64_t rel;     /* ip as an offset in its file: ip - mapping start + mapping offset */
	uint64_t offset;  /* ip - the function's start, when func is known */
	const char *lib;  /* the mapped file holding ip (its path), or NULL */
	const char *func; /* the nearest function symbol at or before ip, or NULL */
	const char *file; /* source file of the call, with debug info; else NULL */
	int line;         /* its line, 0 when unknown */
};
/* ffi.cdef end */

#ifdef __cplusplus
}
#endif
#endif
