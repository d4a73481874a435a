/* Generated from /work/main/engine/decode/xlat/personality.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/personality.h>
#include "xlat.h"

const struct xlat x_personality[] = {
	{(uint64_t)(PER_LINUX), "PER_LINUX"},
	{(uint64_t)(PER_LINUX32), "PER_LINUX32"},
	{(uint64_t)(0xffffffff), "0xffffffff"},
	{0, NULL},
};
