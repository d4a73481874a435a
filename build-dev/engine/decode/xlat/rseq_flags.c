/* Generated from /work/main/engine/decode/xlat/rseq_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/rseq.h>
#include "xlat.h"

const struct xlat x_rseq_flags[] = {
	{(uint64_t)(RSEQ_FLAG_UNREGISTER), "RSEQ_FLAG_UNREGISTER"},
	{0, NULL},
};
