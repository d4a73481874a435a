/* Generated from /work/main/engine/decode/xlat/timer_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/time.h>
#include "xlat.h"

const struct xlat x_timer_flags[] = {
#if defined(TIMER_ABSTIME)
	{(uint64_t)(TIMER_ABSTIME), "TIMER_ABSTIME"},
#endif
	{0, NULL},
};
