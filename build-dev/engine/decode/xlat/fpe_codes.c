/* Generated from /work/main/engine/decode/xlat/fpe_codes.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <signal.h>
#include "xlat.h"

const struct xlat x_fpe_codes[] = {
#if defined(FPE_INTDIV)
	{(uint64_t)(FPE_INTDIV), "FPE_INTDIV"},
#endif
#if defined(FPE_INTOVF)
	{(uint64_t)(FPE_INTOVF), "FPE_INTOVF"},
#endif
#if defined(FPE_FLTDIV)
	{(uint64_t)(FPE_FLTDIV), "FPE_FLTDIV"},
#endif
#if defined(FPE_FLTOVF)
	{(uint64_t)(FPE_FLTOVF), "FPE_FLTOVF"},
#endif
#if defined(FPE_FLTUND)
	{(uint64_t)(FPE_FLTUND), "FPE_FLTUND"},
#endif
#if defined(FPE_FLTRES)
	{(uint64_t)(FPE_FLTRES), "FPE_FLTRES"},
#endif
#if defined(FPE_FLTINV)
	{(uint64_t)(FPE_FLTINV), "FPE_FLTINV"},
#endif
#if defined(FPE_FLTSUB)
	{(uint64_t)(FPE_FLTSUB), "FPE_FLTSUB"},
#endif
#if defined(FPE_FLTUNK)
	{(uint64_t)(FPE_FLTUNK), "FPE_FLTUNK"},
#endif
#if defined(FPE_CONDTRAP)
	{(uint64_t)(FPE_CONDTRAP), "FPE_CONDTRAP"},
#endif
	{0, NULL},
};
