/* Generated from /work/main/engine/decode/xlat/msync_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/mman.h>
#include "xlat.h"

const struct xlat x_msync_flags[] = {
#if defined(MS_ASYNC)
	{(uint64_t)(MS_ASYNC), "MS_ASYNC"},
#endif
#if defined(MS_INVALIDATE)
	{(uint64_t)(MS_INVALIDATE), "MS_INVALIDATE"},
#endif
#if defined(MS_SYNC)
	{(uint64_t)(MS_SYNC), "MS_SYNC"},
#endif
	{0, NULL},
};
