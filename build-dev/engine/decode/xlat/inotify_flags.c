/* Generated from /work/main/engine/decode/xlat/inotify_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/inotify.h>
#include "xlat.h"

const struct xlat x_inotify_flags[] = {
#if defined(IN_CLOEXEC)
	{(uint64_t)(IN_CLOEXEC), "IN_CLOEXEC"},
#endif
#if defined(IN_NONBLOCK)
	{(uint64_t)(IN_NONBLOCK), "IN_NONBLOCK"},
#endif
	{0, NULL},
};
