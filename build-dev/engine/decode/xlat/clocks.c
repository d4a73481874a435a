/* Generated from /work/main/engine/decode/xlat/clocks.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/time.h>
#include "xlat.h"

const struct xlat x_clocks[] = {
#if defined(CLOCK_REALTIME)
	{(uint64_t)(CLOCK_REALTIME), "CLOCK_REALTIME"},
#endif
#if defined(CLOCK_MONOTONIC)
	{(uint64_t)(CLOCK_MONOTONIC), "CLOCK_MONOTONIC"},
#endif
#if defined(CLOCK_PROCESS_CPUTIME_ID)
	{(uint64_t)(CLOCK_PROCESS_CPUTIME_ID), "CLOCK_PROCESS_CPUTIME_ID"},
#endif
#if defined(CLOCK_THREAD_CPUTIME_ID)
	{(uint64_t)(CLOCK_THREAD_CPUTIME_ID), "CLOCK_THREAD_CPUTIME_ID"},
#endif
#if defined(CLOCK_MONOTONIC_RAW)
	{(uint64_t)(CLOCK_MONOTONIC_RAW), "CLOCK_MONOTONIC_RAW"},
#endif
#if defined(CLOCK_REALTIME_COARSE)
	{(uint64_t)(CLOCK_REALTIME_COARSE), "CLOCK_REALTIME_COARSE"},
#endif
#if defined(CLOCK_MONOTONIC_COARSE)
	{(uint64_t)(CLOCK_MONOTONIC_COARSE), "CLOCK_MONOTONIC_COARSE"},
#endif
#if defined(CLOCK_BOOTTIME)
	{(uint64_t)(CLOCK_BOOTTIME), "CLOCK_BOOTTIME"},
#endif
#if defined(CLOCK_REALTIME_ALARM)
	{(uint64_t)(CLOCK_REALTIME_ALARM), "CLOCK_REALTIME_ALARM"},
#endif
#if defined(CLOCK_BOOTTIME_ALARM)
	{(uint64_t)(CLOCK_BOOTTIME_ALARM), "CLOCK_BOOTTIME_ALARM"},
#endif
#if defined(CLOCK_SGI_CYCLE)
	{(uint64_t)(CLOCK_SGI_CYCLE), "CLOCK_SGI_CYCLE"},
#endif
#if defined(CLOCK_TAI)
	{(uint64_t)(CLOCK_TAI), "CLOCK_TAI"},
#endif
	{0, NULL},
};
