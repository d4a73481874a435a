/* Generated from /work/main/engine/decode/xlat/caps.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/capability.h>
#include "xlat.h"

const struct xlat x_caps[] = {
#if defined(CAP_CHOWN)
	{(uint64_t)(CAP_CHOWN), "CAP_CHOWN"},
#endif
#if defined(CAP_DAC_OVERRIDE)
	{(uint64_t)(CAP_DAC_OVERRIDE), "CAP_DAC_OVERRIDE"},
#endif
#if defined(CAP_DAC_READ_SEARCH)
	{(uint64_t)(CAP_DAC_READ_SEARCH), "CAP_DAC_READ_SEARCH"},
#endif
#if defined(CAP_FOWNER)
	{(uint64_t)(CAP_FOWNER), "CAP_FOWNER"},
#endif
#if defined(CAP_FSETID)
	{(uint64_t)(CAP_FSETID), "CAP_FSETID"},
#endif
#if defined(CAP_KILL)
	{(uint64_t)(CAP_KILL), "CAP_KILL"},
#endif
#if defined(CAP_SETGID)
	{(uint64_t)(CAP_SETGID), "CAP_SETGID"},
#endif
#if defined(CAP_SETUID)
	{(uint64_t)(CAP_SETUID), "CAP_SETUID"},
#endif
#if defined(CAP_SETPCAP)
	{(uint64_t)(CAP_SETPCAP), "CAP_SETPCAP"},
#endif
#if defined(CAP_LINUX_IMMUTABLE)
	{(uint64_t)(CAP_LINUX_IMMUTABLE), "CAP_LINUX_IMMUTABLE"},
#endif
#if defined(CAP_NET_BIND_SERVICE)
	{(uint64_t)(CAP_NET_BIND_SERVICE), "CAP_NET_BIND_SERVICE"},
#endif
#if defined(CAP_NET_BROADCAST)
	{(uint64_t)(CAP_NET_BROADCAST), "CAP_NET_BROADCAST"},
#endif
#if defined(CAP_NET_ADMIN)
	{(uint64_t)(CAP_NET_ADMIN), "CAP_NET_ADMIN"},
#endif
#if defined(CAP_NET_RAW)
	{(uint64_t)(CAP_NET_RAW), "CAP_NET_RAW"},
#endif
#if defined(CAP_IPC_LOCK)
	{(uint64_t)(CAP_IPC_LOCK), "CAP_IPC_LOCK"},
#endif
#if defined(CAP_IPC_OWNER)
	{(uint64_t)(CAP_IPC_OWNER), "CAP_IPC_OWNER"},
#endif
#if defined(CAP_SYS_MODULE)
	{(uint64_t)(CAP_SYS_MODULE), "CAP_SYS_MODULE"},
#endif
#if defined(CAP_SYS_RAWIO)
	{(uint64_t)(CAP_SYS_RAWIO), "CAP_SYS_RAWIO"},
#endif
#if defined(CAP_SYS_CHROOT)
	{(uint64_t)(CAP_SYS_CHROOT), "CAP_SYS_CHROOT"},
#endif
#if defined(CAP_SYS_PTRACE)
	{(uint64_t)(CAP_SYS_PTRACE), "CAP_SYS_PTRACE"},
#endif
#if defined(CAP_SYS_PACCT)
	{(uint64_t)(CAP_SYS_PACCT), "CAP_SYS_PACCT"},
#endif
#if defined(CAP_SYS_ADMIN)
	{(uint64_t)(CAP_SYS_ADMIN), "CAP_SYS_ADMIN"},
#endif
#if defined(CAP_SYS_BOOT)
	{(uint64_t)(CAP_SYS_BOOT), "CAP_SYS_BOOT"},
#endif
#if defined(CAP_SYS_NICE)
	{(uint64_t)(CAP_SYS_NICE), "CAP_SYS_NICE"},
#endif
#if defined(CAP_SYS_RESOURCE)
	{(uint64_t)(CAP_SYS_RESOURCE), "CAP_SYS_RESOURCE"},
#endif
#if defined(CAP_SYS_TIME)
	{(uint64_t)(CAP_SYS_TIME), "CAP_SYS_TIME"},
#endif
#if defined(CAP_SYS_TTY_CONFIG)
	{(uint64_t)(CAP_SYS_TTY_CONFIG), "CAP_SYS_TTY_CONFIG"},
#endif
#if defined(CAP_MKNOD)
	{(uint64_t)(CAP_MKNOD), "CAP_MKNOD"},
#endif
#if defined(CAP_LEASE)
	{(uint64_t)(CAP_LEASE), "CAP_LEASE"},
#endif
#if defined(CAP_AUDIT_WRITE)
	{(uint64_t)(CAP_AUDIT_WRITE), "CAP_AUDIT_WRITE"},
#endif
#if defined(CAP_AUDIT_CONTROL)
	{(uint64_t)(CAP_AUDIT_CONTROL), "CAP_AUDIT_CONTROL"},
#endif
#if defined(CAP_SETFCAP)
	{(uint64_t)(CAP_SETFCAP), "CAP_SETFCAP"},
#endif
#if defined(CAP_MAC_OVERRIDE)
	{(uint64_t)(CAP_MAC_OVERRIDE), "CAP_MAC_OVERRIDE"},
#endif
#if defined(CAP_MAC_ADMIN)
	{(uint64_t)(CAP_MAC_ADMIN), "CAP_MAC_ADMIN"},
#endif
#if defined(CAP_SYSLOG)
	{(uint64_t)(CAP_SYSLOG), "CAP_SYSLOG"},
#endif
#if defined(CAP_WAKE_ALARM)
	{(uint64_t)(CAP_WAKE_ALARM), "CAP_WAKE_ALARM"},
#endif
#if defined(CAP_BLOCK_SUSPEND)
	{(uint64_t)(CAP_BLOCK_SUSPEND), "CAP_BLOCK_SUSPEND"},
#endif
#if defined(CAP_AUDIT_READ)
	{(uint64_t)(CAP_AUDIT_READ), "CAP_AUDIT_READ"},
#endif
#if defined(CAP_PERFMON)
	{(uint64_t)(CAP_PERFMON), "CAP_PERFMON"},
#endif
#if defined(CAP_BPF)
	{(uint64_t)(CAP_BPF), "CAP_BPF"},
#endif
#if defined(CAP_CHECKPOINT_RESTORE)
	{(uint64_t)(CAP_CHECKPOINT_RESTORE), "CAP_CHECKPOINT_RESTORE"},
#endif
	{0, NULL},
};
