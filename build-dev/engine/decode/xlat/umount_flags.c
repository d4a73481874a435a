/* Generated from /work/main/engine/decode/xlat/umount_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/mount.h>
#include "xlat.h"

const struct xlat x_umount_flags[] = {
#if defined(MNT_FORCE)
	{(uint64_t)(MNT_FORCE), "MNT_FORCE"},
#endif
#if defined(MNT_DETACH)
	{(uint64_t)(MNT_DETACH), "MNT_DETACH"},
#endif
#if defined(MNT_EXPIRE)
	{(uint64_t)(MNT_EXPIRE), "MNT_EXPIRE"},
#endif
#if defined(UMOUNT_NOFOLLOW)
	{(uint64_t)(UMOUNT_NOFOLLOW), "UMOUNT_NOFOLLOW"},
#endif
	{0, NULL},
};
