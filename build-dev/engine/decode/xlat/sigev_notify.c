/* Generated from /work/main/engine/decode/xlat/sigev_notify.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <signal.h>
#include "xlat.h"

const struct xlat x_sigev_notify[] = {
#if defined(SIGEV_SIGNAL)
	{(uint64_t)(SIGEV_SIGNAL), "SIGEV_SIGNAL"},
#endif
#if defined(SIGEV_NONE)
	{(uint64_t)(SIGEV_NONE), "SIGEV_NONE"},
#endif
#if defined(SIGEV_THREAD)
	{(uint64_t)(SIGEV_THREAD), "SIGEV_THREAD"},
#endif
#if defined(SIGEV_THREAD_ID)
	{(uint64_t)(SIGEV_THREAD_ID), "SIGEV_THREAD_ID"},
#endif
	{0, NULL},
};
