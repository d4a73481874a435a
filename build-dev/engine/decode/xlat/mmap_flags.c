/* Generated from /work/main/engine/decode/xlat/mmap_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/mman.h>
#include "xlat.h"

const struct xlat x_mmap_flags[] = {
#if defined(MAP_DROPPABLE)
	{(uint64_t)(MAP_DROPPABLE), "MAP_DROPPABLE"},
#else
	{(uint64_t)(0x8), "MAP_DROPPABLE"},
#endif
#if defined(MAP_FIXED)
	{(uint64_t)(MAP_FIXED), "MAP_FIXED"},
#endif
#if defined(MAP_ANONYMOUS)
	{(uint64_t)(MAP_ANONYMOUS), "MAP_ANONYMOUS"},
#endif
#if defined(MAP_32BIT)
	{(uint64_t)(MAP_32BIT), "MAP_32BIT"},
#endif
#if defined(MAP_ABOVE4G)
	{(uint64_t)(MAP_ABOVE4G), "MAP_ABOVE4G"},
#else
	{(uint64_t)(0x80), "MAP_ABOVE4G"},
#endif
#if defined(MAP_NORESERVE)
	{(uint64_t)(MAP_NORESERVE), "MAP_NORESERVE"},
#endif
#if defined(MAP_POPULATE)
	{(uint64_t)(MAP_POPULATE), "MAP_POPULATE"},
#endif
#if defined(MAP_NONBLOCK)
	{(uint64_t)(MAP_NONBLOCK), "MAP_NONBLOCK"},
#endif
#if defined(MAP_GROWSDOWN)
	{(uint64_t)(MAP_GROWSDOWN), "MAP_GROWSDOWN"},
#endif
#if defined(MAP_DENYWRITE)
	{(uint64_t)(MAP_DENYWRITE), "MAP_DENYWRITE"},
#endif
#if defined(MAP_EXECUTABLE)
	{(uint64_t)(MAP_EXECUTABLE), "MAP_EXECUTABLE"},
#endif
#if defined(MAP_LOCKED)
	{(uint64_t)(MAP_LOCKED), "MAP_LOCKED"},
#endif
#if defined(MAP_STACK)
	{(uint64_t)(MAP_STACK), "MAP_STACK"},
#endif
#if defined(MAP_HUGETLB)
	{(uint64_t)(MAP_HUGETLB), "MAP_HUGETLB"},
#endif
#if defined(MAP_SYNC)
	{(uint64_t)(MAP_SYNC), "MAP_SYNC"},
#endif
#if defined(MAP_UNINITIALIZED)
	{(uint64_t)(MAP_UNINITIALIZED), "MAP_UNINITIALIZED"},
#endif
#if defined(MAP_FIXED_NOREPLACE)
	{(uint64_t)(MAP_FIXED_NOREPLACE), "MAP_FIXED_NOREPLACE"},
#endif
	{0, NULL},
};
