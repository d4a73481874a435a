/* Generated from /work/main/engine/decode/xlat/at_statx_sync.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/fcntl.h>
#include "xlat.h"

const struct xlat x_at_statx_sync[] = {
#if defined(AT_STATX_SYNC_AS_STAT)
	{(uint64_t)(AT_STATX_SYNC_AS_STAT), "AT_STATX_SYNC_AS_STAT"},
#endif
#if defined(AT_STATX_FORCE_SYNC)
	{(uint64_t)(AT_STATX_FORCE_SYNC), "AT_STATX_FORCE_SYNC"},
#endif
#if defined(AT_STATX_DONT_SYNC)
	{(uint64_t)(AT_STATX_DONT_SYNC), "AT_STATX_DONT_SYNC"},
#endif
	{0, NULL},
};
