/* Generated from /work/main/engine/decode/xlat/mmap_type.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/mman.h>
#include "xlat.h"

const struct xlat x_mmap_type[] = {
#if defined(MAP_SHARED)
	{(uint64_t)(MAP_SHARED), "MAP_SHARED"},
#endif
#if defined(MAP_PRIVATE)
	{(uint64_t)(MAP_PRIVATE), "MAP_PRIVATE"},
#endif
#if defined(MAP_SHARED_VALIDATE)
	{(uint64_t)(MAP_SHARED_VALIDATE), "MAP_SHARED_VALIDATE"},
#endif
#if defined(MAP_TYPE)
	{(uint64_t)(MAP_TYPE), "MAP_TYPE"},
#endif
	{0, NULL},
};
