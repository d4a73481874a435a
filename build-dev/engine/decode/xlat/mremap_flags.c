/* Generated from /work/main/engine/decode/xlat/mremap_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/mman.h>
#include "xlat.h"

const struct xlat x_mremap_flags[] = {
#if defined(MREMAP_MAYMOVE)
	{(uint64_t)(MREMAP_MAYMOVE), "MREMAP_MAYMOVE"},
#endif
#if defined(MREMAP_FIXED)
	{(uint64_t)(MREMAP_FIXED), "MREMAP_FIXED"},
#endif
#if defined(MREMAP_DONTUNMAP)
	{(uint64_t)(MREMAP_DONTUNMAP), "MREMAP_DONTUNMAP"},
#endif
	{0, NULL},
};
