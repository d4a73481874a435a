/* Generated from /work/main/engine/decode/xlat/statx_attrs.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/stat.h>
#include "xlat.h"

const struct xlat x_statx_attrs[] = {
#if defined(STATX_ATTR_COMPRESSED)
	{(uint64_t)(STATX_ATTR_COMPRESSED), "STATX_ATTR_COMPRESSED"},
#endif
#if defined(STATX_ATTR_IMMUTABLE)
	{(uint64_t)(STATX_ATTR_IMMUTABLE), "STATX_ATTR_IMMUTABLE"},
#endif
#if defined(STATX_ATTR_APPEND)
	{(uint64_t)(STATX_ATTR_APPEND), "STATX_ATTR_APPEND"},
#endif
#if defined(STATX_ATTR_NODUMP)
	{(uint64_t)(STATX_ATTR_NODUMP), "STATX_ATTR_NODUMP"},
#endif
#if defined(STATX_ATTR_ENCRYPTED)
	{(uint64_t)(STATX_ATTR_ENCRYPTED), "STATX_ATTR_ENCRYPTED"},
#endif
#if defined(STATX_ATTR_AUTOMOUNT)
	{(uint64_t)(STATX_ATTR_AUTOMOUNT), "STATX_ATTR_AUTOMOUNT"},
#endif
#if defined(STATX_ATTR_MOUNT_ROOT)
	{(uint64_t)(STATX_ATTR_MOUNT_ROOT), "STATX_ATTR_MOUNT_ROOT"},
#endif
#if defined(STATX_ATTR_VERITY)
	{(uint64_t)(STATX_ATTR_VERITY), "STATX_ATTR_VERITY"},
#endif
#if defined(STATX_ATTR_DAX)
	{(uint64_t)(STATX_ATTR_DAX), "STATX_ATTR_DAX"},
#endif
#if defined(STATX_ATTR_WRITE_ATOMIC)
	{(uint64_t)(STATX_ATTR_WRITE_ATOMIC), "STATX_ATTR_WRITE_ATOMIC"},
#else
	{(uint64_t)(0x400000), "STATX_ATTR_WRITE_ATOMIC"},
#endif
	{0, NULL},
};
