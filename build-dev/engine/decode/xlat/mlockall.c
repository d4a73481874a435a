/* Generated from /work/main/engine/decode/xlat/mlockall.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/mman.h>
#include "xlat.h"

const struct xlat x_mlockall[] = {
#if defined(MCL_CURRENT)
	{(uint64_t)(MCL_CURRENT), "MCL_CURRENT"},
#endif
#if defined(MCL_FUTURE)
	{(uint64_t)(MCL_FUTURE), "MCL_FUTURE"},
#endif
#if defined(MCL_ONFAULT)
	{(uint64_t)(MCL_ONFAULT), "MCL_ONFAULT"},
#endif
	{0, NULL},
};
