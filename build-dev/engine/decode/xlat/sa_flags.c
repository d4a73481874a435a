/* Generated from /work/main/engine/decode/xlat/sa_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <asm/signal.h>
#include "xlat.h"

const struct xlat x_sa_flags[] = {
#if defined(SA_RESTORER)
	{(uint64_t)(SA_RESTORER), "SA_RESTORER"},
#endif
#if defined(SA_ONSTACK)
	{(uint64_t)(SA_ONSTACK), "SA_ONSTACK"},
#endif
#if defined(SA_RESTART)
	{(uint64_t)(SA_RESTART), "SA_RESTART"},
#endif
#if defined(SA_INTERRUPT)
	{(uint64_t)(SA_INTERRUPT), "SA_INTERRUPT"},
#else
	{(uint64_t)(0x20000000), "SA_INTERRUPT"},
#endif
#if defined(SA_NODEFER)
	{(uint64_t)(SA_NODEFER), "SA_NODEFER"},
#endif
#if defined(SA_RESETHAND)
	{(uint64_t)(SA_RESETHAND), "SA_RESETHAND"},
#endif
#if defined(SA_SIGINFO)
	{(uint64_t)(SA_SIGINFO), "SA_SIGINFO"},
#endif
#if defined(SA_NOCLDSTOP)
	{(uint64_t)(SA_NOCLDSTOP), "SA_NOCLDSTOP"},
#endif
#if defined(SA_NOCLDWAIT)
	{(uint64_t)(SA_NOCLDWAIT), "SA_NOCLDWAIT"},
#endif
#if defined(SA_UNSUPPORTED)
	{(uint64_t)(SA_UNSUPPORTED), "SA_UNSUPPORTED"},
#endif
#if defined(SA_EXPOSE_TAGBITS)
	{(uint64_t)(SA_EXPOSE_TAGBITS), "SA_EXPOSE_TAGBITS"},
#endif
	{0, NULL},
};
