/* Generated from /work/main/engine/decode/xlat/si_codes.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <signal.h>
#include "xlat.h"

const struct xlat x_si_codes[] = {
#if defined(SI_USER)
	{(uint64_t)(SI_USER), "SI_USER"},
#endif
#if defined(SI_KERNEL)
	{(uint64_t)(SI_KERNEL), "SI_KERNEL"},
#endif
#if defined(SI_QUEUE)
	{(uint64_t)(SI_QUEUE), "SI_QUEUE"},
#endif
#if defined(SI_TIMER)
	{(uint64_t)(SI_TIMER), "SI_TIMER"},
#endif
#if defined(SI_MESGQ)
	{(uint64_t)(SI_MESGQ), "SI_MESGQ"},
#endif
#if defined(SI_ASYNCIO)
	{(uint64_t)(SI_ASYNCIO), "SI_ASYNCIO"},
#endif
#if defined(SI_SIGIO)
	{(uint64_t)(SI_SIGIO), "SI_SIGIO"},
#endif
#if defined(SI_TKILL)
	{(uint64_t)(SI_TKILL), "SI_TKILL"},
#endif
#if defined(SI_DETHREAD)
	{(uint64_t)(SI_DETHREAD), "SI_DETHREAD"},
#endif
#if defined(SI_ASYNCNL)
	{(uint64_t)(SI_ASYNCNL), "SI_ASYNCNL"},
#endif
	{0, NULL},
};
