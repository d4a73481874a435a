/* Generated from /work/main/engine/decode/xlat/rename_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/fs.h>
#include "xlat.h"

const struct xlat x_rename_flags[] = {
#if defined(RENAME_NOREPLACE)
	{(uint64_t)(RENAME_NOREPLACE), "RENAME_NOREPLACE"},
#endif
#if defined(RENAME_EXCHANGE)
	{(uint64_t)(RENAME_EXCHANGE), "RENAME_EXCHANGE"},
#endif
#if defined(RENAME_WHITEOUT)
	{(uint64_t)(RENAME_WHITEOUT), "RENAME_WHITEOUT"},
#endif
	{0, NULL},
};
