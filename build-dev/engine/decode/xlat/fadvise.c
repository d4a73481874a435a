/* Generated from /work/main/engine/decode/xlat/fadvise.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <fcntl.h>
#include "xlat.h"

const struct xlat x_fadvise[] = {
#if defined(POSIX_FADV_NORMAL)
	{(uint64_t)(POSIX_FADV_NORMAL), "POSIX_FADV_NORMAL"},
#endif
#if defined(POSIX_FADV_RANDOM)
	{(uint64_t)(POSIX_FADV_RANDOM), "POSIX_FADV_RANDOM"},
#endif
#if defined(POSIX_FADV_SEQUENTIAL)
	{(uint64_t)(POSIX_FADV_SEQUENTIAL), "POSIX_FADV_SEQUENTIAL"},
#endif
#if defined(POSIX_FADV_WILLNEED)
	{(uint64_t)(POSIX_FADV_WILLNEED), "POSIX_FADV_WILLNEED"},
#endif
#if defined(POSIX_FADV_DONTNEED)
	{(uint64_t)(POSIX_FADV_DONTNEED), "POSIX_FADV_DONTNEED"},
#endif
#if defined(POSIX_FADV_NOREUSE)
	{(uint64_t)(POSIX_FADV_NOREUSE), "POSIX_FADV_NOREUSE"},
#endif
	{0, NULL},
};
