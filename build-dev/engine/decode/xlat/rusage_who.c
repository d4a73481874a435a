/* Generated from /work/main/engine/decode/xlat/rusage_who.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/resource.h>
#include "xlat.h"

const struct xlat x_rusage_who[] = {
#if defined(RUSAGE_SELF)
	{(uint64_t)(RUSAGE_SELF), "RUSAGE_SELF"},
#endif
#if defined(RUSAGE_CHILDREN)
	{(uint64_t)(RUSAGE_CHILDREN), "RUSAGE_CHILDREN"},
#endif
#if defined(RUSAGE_THREAD)
	{(uint64_t)(RUSAGE_THREAD), "RUSAGE_THREAD"},
#endif
	{0, NULL},
};
