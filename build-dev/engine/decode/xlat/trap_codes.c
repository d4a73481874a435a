/* Generated from /work/main/engine/decode/xlat/trap_codes.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <signal.h>
#include "xlat.h"

const struct xlat x_trap_codes[] = {
#if defined(TRAP_BRKPT)
	{(uint64_t)(TRAP_BRKPT), "TRAP_BRKPT"},
#endif
#if defined(TRAP_TRACE)
	{(uint64_t)(TRAP_TRACE), "TRAP_TRACE"},
#endif
#if defined(TRAP_BRANCH)
	{(uint64_t)(TRAP_BRANCH), "TRAP_BRANCH"},
#endif
#if defined(TRAP_HWBKPT)
	{(uint64_t)(TRAP_HWBKPT), "TRAP_HWBKPT"},
#endif
#if defined(TRAP_UNK)
	{(uint64_t)(TRAP_UNK), "TRAP_UNK"},
#endif
#if defined(TRAP_PERF)
	{(uint64_t)(TRAP_PERF), "TRAP_PERF"},
#else
	{(uint64_t)(0x6), "TRAP_PERF"},
#endif
	{0, NULL},
};
