/* Generated from /work/main/engine/decode/xlat/xattr_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/xattr.h>
#include "xlat.h"

const struct xlat x_xattr_flags[] = {
#if defined(XATTR_CREATE)
	{(uint64_t)(XATTR_CREATE), "XATTR_CREATE"},
#endif
#if defined(XATTR_REPLACE)
	{(uint64_t)(XATTR_REPLACE), "XATTR_REPLACE"},
#endif
	{0, NULL},
};
