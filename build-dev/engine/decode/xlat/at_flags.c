/* Generated from /work/main/engine/decode/xlat/at_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/fcntl.h>
#include "xlat.h"

const struct xlat x_at_flags[] = {
#if defined(AT_SYMLINK_NOFOLLOW)
	{(uint64_t)(AT_SYMLINK_NOFOLLOW), "AT_SYMLINK_NOFOLLOW"},
#endif
#if defined(AT_REMOVEDIR)
	{(uint64_t)(AT_REMOVEDIR), "AT_REMOVEDIR"},
#endif
#if defined(AT_SYMLINK_FOLLOW)
	{(uint64_t)(AT_SYMLINK_FOLLOW), "AT_SYMLINK_FOLLOW"},
#endif
#if defined(AT_NO_AUTOMOUNT)
	{(uint64_t)(AT_NO_AUTOMOUNT), "AT_NO_AUTOMOUNT"},
#endif
#if defined(AT_EMPTY_PATH)
	{(uint64_t)(AT_EMPTY_PATH), "AT_EMPTY_PATH"},
#endif
#if defined(AT_RECURSIVE)
	{(uint64_t)(AT_RECURSIVE), "AT_RECURSIVE"},
#endif
	{0, NULL},
};
