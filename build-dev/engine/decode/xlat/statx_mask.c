/* Generated from /work/main/engine/decode/xlat/statx_mask.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/stat.h>
#include "xlat.h"

const struct xlat x_statx_mask[] = {
#if defined(STATX_ALL)
	{(uint64_t)(STATX_ALL), "STATX_ALL"},
#endif
#if defined(STATX_BASIC_STATS)
	{(uint64_t)(STATX_BASIC_STATS), "STATX_BASIC_STATS"},
#endif
#if defined(STATX_TYPE)
	{(uint64_t)(STATX_TYPE), "STATX_TYPE"},
#endif
#if defined(STATX_MODE)
	{(uint64_t)(STATX_MODE), "STATX_MODE"},
#endif
#if defined(STATX_NLINK)
	{(uint64_t)(STATX_NLINK), "STATX_NLINK"},
#endif
#if defined(STATX_UID)
	{(uint64_t)(STATX_UID), "STATX_UID"},
#endif
#if defined(STATX_GID)
	{(uint64_t)(STATX_GID), "STATX_GID"},
#endif
#if defined(STATX_ATIME)
	{(uint64_t)(STATX_ATIME), "STATX_ATIME"},
#endif
#if defined(STATX_MTIME)
	{(uint64_t)(STATX_MTIME), "STATX_MTIME"},
#endif
#if defined(STATX_CTIME)
	{(uint64_t)(STATX_CTIME), "STATX_CTIME"},
#endif
#if defined(STATX_INO)
	{(uint64_t)(STATX_INO), "STATX_INO"},
#endif
#if defined(STATX_SIZE)
	{(uint64_t)(STATX_SIZE), "STATX_SIZE"},
#endif
#if defined(STATX_BLOCKS)
	{(uint64_t)(STATX_BLOCKS), "STATX_BLOCKS"},
#endif
#if defined(STATX_BTIME)
	{(uint64_t)(STATX_BTIME), "STATX_BTIME"},
#endif
#if defined(STATX_MNT_ID)
	{(uint64_t)(STATX_MNT_ID), "STATX_MNT_ID"},
#endif
#if defined(STATX_DIOALIGN)
	{(uint64_t)(STATX_DIOALIGN), "STATX_DIOALIGN"},
#endif
#if defined(STATX_MNT_ID_UNIQUE)
	{(uint64_t)(STATX_MNT_ID_UNIQUE), "STATX_MNT_ID_UNIQUE"},
#else
	{(uint64_t)(0x4000), "STATX_MNT_ID_UNIQUE"},
#endif
#if defined(STATX_SUBVOL)
	{(uint64_t)(STATX_SUBVOL), "STATX_SUBVOL"},
#else
	{(uint64_t)(0x8000), "STATX_SUBVOL"},
#endif
#if defined(STATX_WRITE_ATOMIC)
	{(uint64_t)(STATX_WRITE_ATOMIC), "STATX_WRITE_ATOMIC"},
#else
	{(uint64_t)(0x10000), "STATX_WRITE_ATOMIC"},
#endif
#if defined(STATX_DIO_READ_ALIGN)
	{(uint64_t)(STATX_DIO_READ_ALIGN), "STATX_DIO_READ_ALIGN"},
#else
	{(uint64_t)(0x20000), "STATX_DIO_READ_ALIGN"},
#endif
#if defined(STATX__RESERVED)
	{(uint64_t)(STATX__RESERVED), "STATX__RESERVED"},
#endif
	{0, NULL},
};
