/* Generated from /work/main/engine/decode/xlat/sched_policy.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sched.h>
#include "xlat.h"

const struct xlat x_sched_policy[] = {
#if defined(SCHED_OTHER)
	{(uint64_t)(SCHED_OTHER), "SCHED_OTHER"},
#endif
#if defined(SCHED_FIFO)
	{(uint64_t)(SCHED_FIFO), "SCHED_FIFO"},
#endif
#if defined(SCHED_RR)
	{(uint64_t)(SCHED_RR), "SCHED_RR"},
#endif
#if defined(SCHED_BATCH)
	{(uint64_t)(SCHED_BATCH), "SCHED_BATCH"},
#endif
#if defined(SCHED_IDLE)
	{(uint64_t)(SCHED_IDLE), "SCHED_IDLE"},
#endif
#if defined(SCHED_DEADLINE)
	{(uint64_t)(SCHED_DEADLINE), "SCHED_DEADLINE"},
#endif
#if defined(SCHED_EXT)
	{(uint64_t)(SCHED_EXT), "SCHED_EXT"},
#else
	{(uint64_t)(0x7), "SCHED_EXT"},
#endif
	{0, NULL},
};
