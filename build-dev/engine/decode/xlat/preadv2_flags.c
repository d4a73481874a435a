/* Generated from /work/main/engine/decode/xlat/preadv2_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include "xlat.h"

const struct xlat x_preadv2_flags[] = {
	{0, NULL},
};
