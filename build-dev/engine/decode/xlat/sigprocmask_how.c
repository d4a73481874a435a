/* Generated from /work/main/engine/decode/xlat/sigprocmask_how.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <signal.h>
#include "xlat.h"

const struct xlat x_sigprocmask_how[] = {
#if defined(SIG_BLOCK)
	{(uint64_t)(SIG_BLOCK), "SIG_BLOCK"},
#endif
#if defined(SIG_UNBLOCK)
	{(uint64_t)(SIG_UNBLOCK), "SIG_UNBLOCK"},
#endif
#if defined(SIG_SETMASK)
	{(uint64_t)(SIG_SETMASK), "SIG_SETMASK"},
#endif
	{0, NULL},
};
