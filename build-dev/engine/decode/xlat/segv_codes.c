/* Generated from /work/main/engine/decode/xlat/segv_codes.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <signal.h>
#include "xlat.h"

const struct xlat x_segv_codes[] = {
#if defined(SEGV_MAPERR)
	{(uint64_t)(SEGV_MAPERR), "SEGV_MAPERR"},
#endif
#if defined(SEGV_ACCERR)
	{(uint64_t)(SEGV_ACCERR), "SEGV_ACCERR"},
#endif
#if defined(SEGV_BNDERR)
	{(uint64_t)(SEGV_BNDERR), "SEGV_BNDERR"},
#endif
#if defined(SEGV_PKUERR)
	{(uint64_t)(SEGV_PKUERR), "SEGV_PKUERR"},
#endif
#if defined(SEGV_ACCADI)
	{(uint64_t)(SEGV_ACCADI), "SEGV_ACCADI"},
#endif
#if defined(SEGV_ADIDERR)
	{(uint64_t)(SEGV_ADIDERR), "SEGV_ADIDERR"},
#endif
#if defined(SEGV_ADIPERR)
	{(uint64_t)(SEGV_ADIPERR), "SEGV_ADIPERR"},
#endif
#if defined(SEGV_MTEAERR)
	{(uint64_t)(SEGV_MTEAERR), "SEGV_MTEAERR"},
#endif
#if defined(SEGV_MTESERR)
	{(uint64_t)(SEGV_MTESERR), "SEGV_MTESERR"},
#endif
#if defined(SEGV_CPERR)
	{(uint64_t)(SEGV_CPERR), "SEGV_CPERR"},
#else
	{(uint64_t)(0xa), "SEGV_CPERR"},
#endif
	{0, NULL},
};
