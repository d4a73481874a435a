/* Generated from /work/main/engine/decode/xlat/itimer.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/time.h>
#include "xlat.h"

const struct xlat x_itimer[] = {
#if defined(ITIMER_REAL)
	{(uint64_t)(ITIMER_REAL), "ITIMER_REAL"},
#endif
#if defined(ITIMER_VIRTUAL)
	{(uint64_t)(ITIMER_VIRTUAL), "ITIMER_VIRTUAL"},
#endif
#if defined(ITIMER_PROF)
	{(uint64_t)(ITIMER_PROF), "ITIMER_PROF"},
#endif
	{0, NULL},
};
