/* Generated from /work/main/engine/decode/xlat/pkey_access.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/mman.h>
#include "xlat.h"

const struct xlat x_pkey_access[] = {
#if defined(PKEY_DISABLE_ACCESS)
	{(uint64_t)(PKEY_DISABLE_ACCESS), "PKEY_DISABLE_ACCESS"},
#endif
#if defined(PKEY_DISABLE_WRITE)
	{(uint64_t)(PKEY_DISABLE_WRITE), "PKEY_DISABLE_WRITE"},
#endif
	{0, NULL},
};
