/* Generated from /work/main/engine/decode/xlat/falloc.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/falloc.h>
#include "xlat.h"

const struct xlat x_falloc[] = {
#if defined(FALLOC_FL_KEEP_SIZE)
	{(uint64_t)(FALLOC_FL_KEEP_SIZE), "FALLOC_FL_KEEP_SIZE"},
#endif
#if defined(FALLOC_FL_PUNCH_HOLE)
	{(uint64_t)(FALLOC_FL_PUNCH_HOLE), "FALLOC_FL_PUNCH_HOLE"},
#endif
#if defined(FALLOC_FL_NO_HIDE_STALE)
	{(uint64_t)(FALLOC_FL_NO_HIDE_STALE), "FALLOC_FL_NO_HIDE_STALE"},
#endif
#if defined(FALLOC_FL_COLLAPSE_RANGE)
	{(uint64_t)(FALLOC_FL_COLLAPSE_RANGE), "FALLOC_FL_COLLAPSE_RANGE"},
#endif
#if defined(FALLOC_FL_ZERO_RANGE)
	{(uint64_t)(FALLOC_FL_ZERO_RANGE), "FALLOC_FL_ZERO_RANGE"},
#endif
#if defined(FALLOC_FL_INSERT_RANGE)
	{(uint64_t)(FALLOC_FL_INSERT_RANGE), "FALLOC_FL_INSERT_RANGE"},
#endif
#if defined(FALLOC_FL_UNSHARE_RANGE)
	{(uint64_t)(FALLOC_FL_UNSHARE_RANGE), "FALLOC_FL_UNSHARE_RANGE"},
#endif
	{0, NULL},
};
