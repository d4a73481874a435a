/* Generated from /work/main/engine/decode/xlat/open_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <asm/fcntl.h>
#include "xlat.h"

const struct xlat x_open_flags[] = {
#if defined(O_CREAT)
	{(uint64_t)(O_CREAT), "O_CREAT"},
#endif
#if defined(O_EXCL)
	{(uint64_t)(O_EXCL), "O_EXCL"},
#endif
#if defined(O_NOCTTY)
	{(uint64_t)(O_NOCTTY), "O_NOCTTY"},
#endif
#if defined(O_TRUNC)
	{(uint64_t)(O_TRUNC), "O_TRUNC"},
#endif
#if defined(O_APPEND)
	{(uint64_t)(O_APPEND), "O_APPEND"},
#endif
#if defined(O_NONBLOCK)
	{(uint64_t)(O_NONBLOCK), "O_NONBLOCK"},
#endif
#if defined(O_SYNC)
	{(uint64_t)(O_SYNC), "O_SYNC"},
#endif
#if defined(O_DSYNC)
	{(uint64_t)(O_DSYNC), "O_DSYNC"},
#endif
#if defined(O_DIRECT)
	{(uint64_t)(O_DIRECT), "O_DIRECT"},
#endif
#if defined(O_LARGEFILE)
	{(uint64_t)(O_LARGEFILE), "O_LARGEFILE"},
#endif
#if defined(O_NOFOLLOW)
	{(uint64_t)(O_NOFOLLOW), "O_NOFOLLOW"},
#endif
#if defined(O_NOATIME)
	{(uint64_t)(O_NOATIME), "O_NOATIME"},
#endif
#if defined(O_CLOEXEC)
	{(uint64_t)(O_CLOEXEC), "O_CLOEXEC"},
#endif
#if defined(O_PATH)
	{(uint64_t)(O_PATH), "O_PATH"},
#endif
#if defined(O_TMPFILE)
	{(uint64_t)(O_TMPFILE), "O_TMPFILE"},
#endif
#if defined(O_DIRECTORY)
	{(uint64_t)(O_DIRECTORY), "O_DIRECTORY"},
#endif
#if defined(FASYNC)
	{(uint64_t)(FASYNC), "O_ASYNC"},
#endif
	{0, NULL},
};
