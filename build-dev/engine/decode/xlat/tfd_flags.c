/* Generated from /work/main/engine/decode/xlat/tfd_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/timerfd.h>
#include "xlat.h"

const struct xlat x_tfd_flags[] = {
#if defined(TFD_CLOEXEC)
	{(uint64_t)(TFD_CLOEXEC), "TFD_CLOEXEC"},
#endif
#if defined(TFD_NONBLOCK)
	{(uint64_t)(TFD_NONBLOCK), "TFD_NONBLOCK"},
#endif
	{0, NULL},
};
