/* Generated from /work/main/engine/decode/xlat/tfd_set_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/timerfd.h>
#include "xlat.h"

const struct xlat x_tfd_set_flags[] = {
#if defined(TFD_TIMER_ABSTIME)
	{(uint64_t)(TFD_TIMER_ABSTIME), "TFD_TIMER_ABSTIME"},
#endif
#if defined(TFD_TIMER_CANCEL_ON_SET)
	{(uint64_t)(TFD_TIMER_CANCEL_ON_SET), "TFD_TIMER_CANCEL_ON_SET"},
#endif
	{0, NULL},
};
