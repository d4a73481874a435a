/* Generated from /work/main/engine/decode/xlat/ill_codes.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <signal.h>
#include "xlat.h"

const struct xlat x_ill_codes[] = {
#if defined(ILL_ILLOPC)
	{(uint64_t)(ILL_ILLOPC), "ILL_ILLOPC"},
#endif
#if defined(ILL_ILLOPN)
	{(uint64_t)(ILL_ILLOPN), "ILL_ILLOPN"},
#endif
#if defined(ILL_ILLADR)
	{(uint64_t)(ILL_ILLADR), "ILL_ILLADR"},
#endif
#if defined(ILL_ILLTRP)
	{(uint64_t)(ILL_ILLTRP), "ILL_ILLTRP"},
#endif
#if defined(ILL_PRVOPC)
	{(uint64_t)(ILL_PRVOPC), "ILL_PRVOPC"},
#endif
#if defined(ILL_PRVREG)
	{(uint64_t)(ILL_PRVREG), "ILL_PRVREG"},
#endif
#if defined(ILL_COPROC)
	{(uint64_t)(ILL_COPROC), "ILL_COPROC"},
#endif
#if defined(ILL_BADSTK)
	{(uint64_t)(ILL_BADSTK), "ILL_BADSTK"},
#endif
#if defined(ILL_BADIADDR)
	{(uint64_t)(ILL_BADIADDR), "ILL_BADIADDR"},
#endif
	{0, NULL},
};
