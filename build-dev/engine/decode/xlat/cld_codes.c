/* Generated from /work/main/engine/decode/xlat/cld_codes.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <signal.h>
#include "xlat.h"

const struct xlat x_cld_codes[] = {
#if defined(CLD_EXITED)
	{(uint64_t)(CLD_EXITED), "CLD_EXITED"},
#endif
#if defined(CLD_KILLED)
	{(uint64_t)(CLD_KILLED), "CLD_KILLED"},
#endif
#if defined(CLD_DUMPED)
	{(uint64_t)(CLD_DUMPED), "CLD_DUMPED"},
#endif
#if defined(CLD_TRAPPED)
	{(uint64_t)(CLD_TRAPPED), "CLD_TRAPPED"},
#endif
#if defined(CLD_STOPPED)
	{(uint64_t)(CLD_STOPPED), "CLD_STOPPED"},
#endif
#if defined(CLD_CONTINUED)
	{(uint64_t)(CLD_CONTINUED), "CLD_CONTINUED"},
#endif
	{0, NULL},
};
