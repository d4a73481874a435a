/* Generated from /work/main/engine/decode/xlat/whence.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <unistd.h>
#include "xlat.h"

const struct xlat x_whence[] = {
#if defined(SEEK_SET)
	{(uint64_t)(SEEK_SET), "SEEK_SET"},
#endif
#if defined(SEEK_CUR)
	{(uint64_t)(SEEK_CUR), "SEEK_CUR"},
#endif
#if defined(SEEK_END)
	{(uint64_t)(SEEK_END), "SEEK_END"},
#endif
#if defined(SEEK_DATA)
	{(uint64_t)(SEEK_DATA), "SEEK_DATA"},
#endif
#if defined(SEEK_HOLE)
	{(uint64_t)(SEEK_HOLE), "SEEK_HOLE"},
#endif
	{0, NULL},
};
