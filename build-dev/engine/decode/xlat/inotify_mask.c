/* Generated from /work/main/engine/decode/xlat/inotify_mask.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/inotify.h>
#include "xlat.h"

const struct xlat x_inotify_mask[] = {
#if defined(IN_ACCESS)
	{(uint64_t)(IN_ACCESS), "IN_ACCESS"},
#endif
#if defined(IN_MODIFY)
	{(uint64_t)(IN_MODIFY), "IN_MODIFY"},
#endif
#if defined(IN_ATTRIB)
	{(uint64_t)(IN_ATTRIB), "IN_ATTRIB"},
#endif
#if defined(IN_CLOSE_WRITE)
	{(uint64_t)(IN_CLOSE_WRITE), "IN_CLOSE_WRITE"},
#endif
#if defined(IN_CLOSE_NOWRITE)
	{(uint64_t)(IN_CLOSE_NOWRITE), "IN_CLOSE_NOWRITE"},
#endif
#if defined(IN_OPEN)
	{(uint64_t)(IN_OPEN), "IN_OPEN"},
#endif
#if defined(IN_MOVED_FROM)
	{(uint64_t)(IN_MOVED_FROM), "IN_MOVED_FROM"},
#endif
#if defined(IN_MOVED_TO)
	{(uint64_t)(IN_MOVED_TO), "IN_MOVED_TO"},
#endif
#if defined(IN_CREATE)
	{(uint64_t)(IN_CREATE), "IN_CREATE"},
#endif
#if defined(IN_DELETE)
	{(uint64_t)(IN_DELETE), "IN_DELETE"},
#endif
#if defined(IN_DELETE_SELF)
	{(uint64_t)(IN_DELETE_SELF), "IN_DELETE_SELF"},
#endif
#if defined(IN_MOVE_SELF)
	{(uint64_t)(IN_MOVE_SELF), "IN_MOVE_SELF"},
#endif
#if defined(IN_UNMOUNT)
	{(uint64_t)(IN_UNMOUNT), "IN_UNMOUNT"},
#endif
#if defined(IN_Q_OVERFLOW)
	{(uint64_t)(IN_Q_OVERFLOW), "IN_Q_OVERFLOW"},
#endif
#if defined(IN_IGNORED)
	{(uint64_t)(IN_IGNORED), "IN_IGNORED"},
#endif
#if defined(IN_ONLYDIR)
	{(uint64_t)(IN_ONLYDIR), "IN_ONLYDIR"},
#endif
#if defined(IN_DONT_FOLLOW)
	{(uint64_t)(IN_DONT_FOLLOW), "IN_DONT_FOLLOW"},
#endif
#if defined(IN_EXCL_UNLINK)
	{(uint64_t)(IN_EXCL_UNLINK), "IN_EXCL_UNLINK"},
#endif
#if defined(IN_MASK_CREATE)
	{(uint64_t)(IN_MASK_CREATE), "IN_MASK_CREATE"},
#endif
#if defined(IN_MASK_ADD)
	{(uint64_t)(IN_MASK_ADD), "IN_MASK_ADD"},
#endif
#if defined(IN_ISDIR)
	{(uint64_t)(IN_ISDIR), "IN_ISDIR"},
#endif
#if defined(IN_ONESHOT)
	{(uint64_t)(IN_ONESHOT), "IN_ONESHOT"},
#endif
	{0, NULL},
};
