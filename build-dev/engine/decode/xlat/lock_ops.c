/* Generated from /work/main/engine/decode/xlat/lock_ops.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/file.h>
#include "xlat.h"

const struct xlat x_lock_ops[] = {
#if defined(LOCK_SH)
	{(uint64_t)(LOCK_SH), "LOCK_SH"},
#endif
#if defined(LOCK_EX)
	{(uint64_t)(LOCK_EX), "LOCK_EX"},
#endif
#if defined(LOCK_NB)
	{(uint64_t)(LOCK_NB), "LOCK_NB"},
#endif
#if defined(LOCK_UN)
	{(uint64_t)(LOCK_UN), "LOCK_UN"},
#endif
	{0, NULL},
};
