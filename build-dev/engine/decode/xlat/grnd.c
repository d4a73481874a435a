/* Generated from /work/main/engine/decode/xlat/grnd.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/random.h>
#include "xlat.h"

const struct xlat x_grnd[] = {
#if defined(GRND_NONBLOCK)
	{(uint64_t)(GRND_NONBLOCK), "GRND_NONBLOCK"},
#endif
#if defined(GRND_RANDOM)
	{(uint64_t)(GRND_RANDOM), "GRND_RANDOM"},
#endif
#if defined(GRND_INSECURE)
	{(uint64_t)(GRND_INSECURE), "GRND_INSECURE"},
#endif
	{0, NULL},
};
