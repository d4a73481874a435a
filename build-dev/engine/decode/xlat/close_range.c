/* Generated from /work/main/engine/decode/xlat/close_range.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/close_range.h>
#include "xlat.h"

const struct xlat x_close_range[] = {
#if defined(CLOSE_RANGE_UNSHARE)
	{(uint64_t)(CLOSE_RANGE_UNSHARE), "CLOSE_RANGE_UNSHARE"},
#endif
#if defined(CLOSE_RANGE_CLOEXEC)
	{(uint64_t)(CLOSE_RANGE_CLOEXEC), "CLOSE_RANGE_CLOEXEC"},
#endif
	{0, NULL},
};
