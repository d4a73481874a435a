/* Generated from /work/main/engine/decode/xlat/access.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <unistd.h>
#include "xlat.h"

const struct xlat x_access[] = {
#if defined(R_OK)
	{(uint64_t)(R_OK), "R_OK"},
#endif
#if defined(W_OK)
	{(uint64_t)(W_OK), "W_OK"},
#endif
#if defined(X_OK)
	{(uint64_t)(X_OK), "X_OK"},
#endif
	{0, NULL},
};
