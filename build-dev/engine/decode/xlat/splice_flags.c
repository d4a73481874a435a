/* Generated from /work/main/engine/decode/xlat/splice_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <fcntl.h>
#include "xlat.h"

const struct xlat x_splice_flags[] = {
#if defined(SPLICE_F_MOVE)
	{(uint64_t)(SPLICE_F_MOVE), "SPLICE_F_MOVE"},
#endif
#if defined(SPLICE_F_NONBLOCK)
	{(uint64_t)(SPLICE_F_NONBLOCK), "SPLICE_F_NONBLOCK"},
#endif
#if defined(SPLICE_F_MORE)
	{(uint64_t)(SPLICE_F_MORE), "SPLICE_F_MORE"},
#endif
#if defined(SPLICE_F_GIFT)
	{(uint64_t)(SPLICE_F_GIFT), "SPLICE_F_GIFT"},
#endif
	{0, NULL},
};
