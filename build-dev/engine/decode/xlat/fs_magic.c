/* Generated from /work/main/engine/decode/xlat/fs_magic.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/magic.h>
#include "xlat.h"

const struct xlat x_fs_magic[] = {
#if defined(EXT2_SUPER_MAGIC)
	{(uint64_t)(EXT2_SUPER_MAGIC), "EXT2_SUPER_MAGIC"},
#endif
#if defined(TMPFS_MAGIC)
	{(uint64_t)(TMPFS_MAGIC), "TMPFS_MAGIC"},
#endif
#if defined(PROC_SUPER_MAGIC)
	{(uint64_t)(PROC_SUPER_MAGIC), "PROC_SUPER_MAGIC"},
#endif
#if defined(SYSFS_MAGIC)
	{(uint64_t)(SYSFS_MAGIC), "SYSFS_MAGIC"},
#endif
#if defined(OVERLAYFS_SUPER_MAGIC)
	{(uint64_t)(OVERLAYFS_SUPER_MAGIC), "OVERLAYFS_SUPER_MAGIC"},
#endif
#if defined(XFS_SUPER_MAGIC)
	{(uint64_t)(XFS_SUPER_MAGIC), "XFS_SB_MAGIC"},
#endif
#if defined(BTRFS_SUPER_MAGIC)
	{(uint64_t)(BTRFS_SUPER_MAGIC), "BTRFS_SUPER_MAGIC"},
#endif
#if defined(DEVPTS_SUPER_MAGIC)
	{(uint64_t)(DEVPTS_SUPER_MAGIC), "DEVPTS_SUPER_MAGIC"},
#endif
#if defined(CGROUP_SUPER_MAGIC)
	{(uint64_t)(CGROUP_SUPER_MAGIC), "CGROUP_SUPER_MAGIC"},
#endif
#if defined(CGROUP2_SUPER_MAGIC)
	{(uint64_t)(CGROUP2_SUPER_MAGIC), "CGROUP2_SUPER_MAGIC"},
#endif
#if defined(NFS_SUPER_MAGIC)
	{(uint64_t)(NFS_SUPER_MAGIC), "NFS_SUPER_MAGIC"},
#endif
#if defined(FUSE_SUPER_MAGIC)
	{(uint64_t)(FUSE_SUPER_MAGIC), "FUSE_SUPER_MAGIC"},
#endif
#if defined(RAMFS_MAGIC)
	{(uint64_t)(RAMFS_MAGIC), "RAMFS_MAGIC"},
#endif
#if defined(SQUASHFS_MAGIC)
	{(uint64_t)(SQUASHFS_MAGIC), "SQUASHFS_MAGIC"},
#endif
#if defined(BINFMTFS_MAGIC)
	{(uint64_t)(BINFMTFS_MAGIC), "BINFMTFS_MAGIC"},
#endif
#if defined(SELINUX_MAGIC)
	{(uint64_t)(SELINUX_MAGIC), "SELINUX_MAGIC"},
#endif
#if defined(DEBUGFS_MAGIC)
	{(uint64_t)(DEBUGFS_MAGIC), "DEBUGFS_MAGIC"},
#endif
#if defined(SECURITYFS_MAGIC)
	{(uint64_t)(SECURITYFS_MAGIC), "SECURITYFS_MAGIC"},
#endif
#if defined(TRACEFS_MAGIC)
	{(uint64_t)(TRACEFS_MAGIC), "TRACEFS_MAGIC"},
#endif
#if defined(BPF_FS_MAGIC)
	{(uint64_t)(BPF_FS_MAGIC), "BPF_FS_MAGIC"},
#endif
#if defined(MQUEUE_MAGIC)
	{(uint64_t)(MQUEUE_MAGIC), "MQUEUE_MAGIC"},
#else
	{(uint64_t)(0x19800202), "MQUEUE_MAGIC"},
#endif
#if defined(HUGETLBFS_MAGIC)
	{(uint64_t)(HUGETLBFS_MAGIC), "HUGETLBFS_MAGIC"},
#endif
#if defined(PIPEFS_MAGIC)
	{(uint64_t)(PIPEFS_MAGIC), "PIPEFS_MAGIC"},
#endif
#if defined(SOCKFS_MAGIC)
	{(uint64_t)(SOCKFS_MAGIC), "SOCKFS_MAGIC"},
#endif
	{0, NULL},
};
