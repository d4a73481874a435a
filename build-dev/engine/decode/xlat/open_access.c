/* Generated from /work/main/engine/decode/xlat/open_access.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <asm/fcntl.h>
#include "xlat.h"

const struct xlat x_open_access[] = {
#if defined(O_RDONLY)
	{(uint64_t)(O_RDONLY), "O_RDONLY"},
#endif
#if defined(O_WRONLY)
	{(uint64_t)(O_WRONLY), "O_WRONLY"},
#endif
#if defined(O_RDWR)
	{(uint64_t)(O_RDWR), "O_RDWR"},
#endif
#if defined(O_ACCMODE)
	{(uint64_t)(O_ACCMODE), "O_ACCMODE"},
#endif
	{0, NULL},
};
