/* Generated from /work/main/engine/decode/xlat/mount_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/mount.h>
#include "xlat.h"

const struct xlat x_mount_flags[] = {
#if defined(MS_RDONLY)
	{(uint64_t)(MS_RDONLY), "MS_RDONLY"},
#endif
#if defined(MS_NOSUID)
	{(uint64_t)(MS_NOSUID), "MS_NOSUID"},
#endif
#if defined(MS_NODEV)
	{(uint64_t)(MS_NODEV), "MS_NODEV"},
#endif
#if defined(MS_NOEXEC)
	{(uint64_t)(MS_NOEXEC), "MS_NOEXEC"},
#endif
#if defined(MS_SYNCHRONOUS)
	{(uint64_t)(MS_SYNCHRONOUS), "MS_SYNCHRONOUS"},
#endif
#if defined(MS_REMOUNT)
	{(uint64_t)(MS_REMOUNT), "MS_REMOUNT"},
#endif
#if defined(MS_MANDLOCK)
	{(uint64_t)(MS_MANDLOCK), "MS_MANDLOCK"},
#endif
#if defined(MS_DIRSYNC)
	{(uint64_t)(MS_DIRSYNC), "MS_DIRSYNC"},
#endif
#if defined(MS_NOSYMFOLLOW)
	{(uint64_t)(MS_NOSYMFOLLOW), "MS_NOSYMFOLLOW"},
#endif
#if defined(MS_NOATIME)
	{(uint64_t)(MS_NOATIME), "MS_NOATIME"},
#endif
#if defined(MS_NODIRATIME)
	{(uint64_t)(MS_NODIRATIME), "MS_NODIRATIME"},
#endif
#if defined(MS_BIND)
	{(uint64_t)(MS_BIND), "MS_BIND"},
#endif
#if defined(MS_MOVE)
	{(uint64_t)(MS_MOVE), "MS_MOVE"},
#endif
#if defined(MS_REC)
	{(uint64_t)(MS_REC), "MS_REC"},
#endif
#if defined(MS_SILENT)
	{(uint64_t)(MS_SILENT), "MS_SILENT"},
#endif
#if defined(MS_POSIXACL)
	{(uint64_t)(MS_POSIXACL), "MS_POSIXACL"},
#endif
#if defined(MS_UNBINDABLE)
	{(uint64_t)(MS_UNBINDABLE), "MS_UNBINDABLE"},
#endif
#if defined(MS_PRIVATE)
	{(uint64_t)(MS_PRIVATE), "MS_PRIVATE"},
#endif
#if defined(MS_SLAVE)
	{(uint64_t)(MS_SLAVE), "MS_SLAVE"},
#endif
#if defined(MS_SHARED)
	{(uint64_t)(MS_SHARED), "MS_SHARED"},
#endif
#if defined(MS_RELATIME)
	{(uint64_t)(MS_RELATIME), "MS_RELATIME"},
#endif
#if defined(MS_KERNMOUNT)
	{(uint64_t)(MS_KERNMOUNT), "MS_KERNMOUNT"},
#endif
#if defined(MS_I_VERSION)
	{(uint64_t)(MS_I_VERSION), "MS_I_VERSION"},
#endif
#if defined(MS_STRICTATIME)
	{(uint64_t)(MS_STRICTATIME), "MS_STRICTATIME"},
#endif
#if defined(MS_LAZYTIME)
	{(uint64_t)(MS_LAZYTIME), "MS_LAZYTIME"},
#endif
	{0, NULL},
};
