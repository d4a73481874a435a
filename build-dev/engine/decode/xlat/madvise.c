/* Generated from /work/main/engine/decode/xlat/madvise.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/mman.h>
#include "xlat.h"

const struct xlat x_madvise[] = {
#if defined(MADV_NORMAL)
	{(uint64_t)(MADV_NORMAL), "MADV_NORMAL"},
#endif
#if defined(MADV_RANDOM)
	{(uint64_t)(MADV_RANDOM), "MADV_RANDOM"},
#endif
#if defined(MADV_SEQUENTIAL)
	{(uint64_t)(MADV_SEQUENTIAL), "MADV_SEQUENTIAL"},
#endif
#if defined(MADV_WILLNEED)
	{(uint64_t)(MADV_WILLNEED), "MADV_WILLNEED"},
#endif
#if defined(MADV_DONTNEED)
	{(uint64_t)(MADV_DONTNEED), "MADV_DONTNEED"},
#endif
#if defined(MADV_FREE)
	{(uint64_t)(MADV_FREE), "MADV_FREE"},
#endif
#if defined(MADV_REMOVE)
	{(uint64_t)(MADV_REMOVE), "MADV_REMOVE"},
#endif
#if defined(MADV_DONTFORK)
	{(uint64_t)(MADV_DONTFORK), "MADV_DONTFORK"},
#endif
#if defined(MADV_DOFORK)
	{(uint64_t)(MADV_DOFORK), "MADV_DOFORK"},
#endif
#if defined(MADV_MERGEABLE)
	{(uint64_t)(MADV_MERGEABLE), "MADV_MERGEABLE"},
#endif
#if defined(MADV_UNMERGEABLE)
	{(uint64_t)(MADV_UNMERGEABLE), "MADV_UNMERGEABLE"},
#endif
#if defined(MADV_HUGEPAGE)
	{(uint64_t)(MADV_HUGEPAGE), "MADV_HUGEPAGE"},
#endif
#if defined(MADV_NOHUGEPAGE)
	{(uint64_t)(MADV_NOHUGEPAGE), "MADV_NOHUGEPAGE"},
#endif
#if defined(MADV_DONTDUMP)
	{(uint64_t)(MADV_DONTDUMP), "MADV_DONTDUMP"},
#endif
#if defined(MADV_DODUMP)
	{(uint64_t)(MADV_DODUMP), "MADV_DODUMP"},
#endif
#if defined(MADV_WIPEONFORK)
	{(uint64_t)(MADV_WIPEONFORK), "MADV_WIPEONFORK"},
#endif
#if defined(MADV_KEEPONFORK)
	{(uint64_t)(MADV_KEEPONFORK), "MADV_KEEPONFORK"},
#endif
#if defined(MADV_COLD)
	{(uint64_t)(MADV_COLD), "MADV_COLD"},
#endif
#if defined(MADV_PAGEOUT)
	{(uint64_t)(MADV_PAGEOUT), "MADV_PAGEOUT"},
#endif
#if defined(MADV_POPULATE_READ)
	{(uint64_t)(MADV_POPULATE_READ), "MADV_POPULATE_READ"},
#endif
#if defined(MADV_POPULATE_WRITE)
	{(uint64_t)(MADV_POPULATE_WRITE), "MADV_POPULATE_WRITE"},
#endif
#if defined(MADV_DONTNEED_LOCKED)
	{(uint64_t)(MADV_DONTNEED_LOCKED), "MADV_DONTNEED_LOCKED"},
#endif
#if defined(MADV_COLLAPSE)
	{(uint64_t)(MADV_COLLAPSE), "MADV_COLLAPSE"},
#endif
#if defined(MADV_HWPOISON)
	{(uint64_t)(MADV_HWPOISON), "MADV_HWPOISON"},
#endif
#if defined(MADV_SOFT_OFFLINE)
	{(uint64_t)(MADV_SOFT_OFFLINE), "MADV_SOFT_OFFLINE"},
#endif
#if defined(MADV_GUARD_INSTALL)
	{(uint64_t)(MADV_GUARD_INSTALL), "MADV_GUARD_INSTALL"},
#else
	{(uint64_t)(0x66), "MADV_GUARD_INSTALL"},
#endif
#if defined(MADV_GUARD_REMOVE)
	{(uint64_t)(MADV_GUARD_REMOVE), "MADV_GUARD_REMOVE"},
#else
	{(uint64_t)(0x67), "MADV_GUARD_REMOVE"},
#endif
	{0, NULL},
};
