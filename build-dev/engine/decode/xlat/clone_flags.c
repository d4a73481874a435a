/* Generated from /work/main/engine/decode/xlat/clone_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/sched.h>
#include "xlat.h"

const struct xlat x_clone_flags[] = {
#if defined(CLONE_VM)
	{(uint64_t)(CLONE_VM), "CLONE_VM"},
#endif
#if defined(CLONE_FS)
	{(uint64_t)(CLONE_FS), "CLONE_FS"},
#endif
#if defined(CLONE_FILES)
	{(uint64_t)(CLONE_FILES), "CLONE_FILES"},
#endif
#if defined(CLONE_SIGHAND)
	{(uint64_t)(CLONE_SIGHAND), "CLONE_SIGHAND"},
#endif
#if defined(CLONE_PIDFD)
	{(uint64_t)(CLONE_PIDFD), "CLONE_PIDFD"},
#endif
#if defined(CLONE_PTRACE)
	{(uint64_t)(CLONE_PTRACE), "CLONE_PTRACE"},
#endif
#if defined(CLONE_VFORK)
	{(uint64_t)(CLONE_VFORK), "CLONE_VFORK"},
#endif
#if defined(CLONE_PARENT)
	{(uint64_t)(CLONE_PARENT), "CLONE_PARENT"},
#endif
#if defined(CLONE_THREAD)
	{(uint64_t)(CLONE_THREAD), "CLONE_THREAD"},
#endif
#if defined(CLONE_NEWNS)
	{(uint64_t)(CLONE_NEWNS), "CLONE_NEWNS"},
#endif
#if defined(CLONE_SYSVSEM)
	{(uint64_t)(CLONE_SYSVSEM), "CLONE_SYSVSEM"},
#endif
#if defined(CLONE_SETTLS)
	{(uint64_t)(CLONE_SETTLS), "CLONE_SETTLS"},
#endif
#if defined(CLONE_PARENT_SETTID)
	{(uint64_t)(CLONE_PARENT_SETTID), "CLONE_PARENT_SETTID"},
#endif
#if defined(CLONE_CHILD_CLEARTID)
	{(uint64_t)(CLONE_CHILD_CLEARTID), "CLONE_CHILD_CLEARTID"},
#endif
#if defined(CLONE_UNTRACED)
	{(uint64_t)(CLONE_UNTRACED), "CLONE_UNTRACED"},
#endif
#if defined(CLONE_CHILD_SETTID)
	{(uint64_t)(CLONE_CHILD_SETTID), "CLONE_CHILD_SETTID"},
#endif
#if defined(CLONE_NEWCGROUP)
	{(uint64_t)(CLONE_NEWCGROUP), "CLONE_NEWCGROUP"},
#endif
#if defined(CLONE_NEWUTS)
	{(uint64_t)(CLONE_NEWUTS), "CLONE_NEWUTS"},
#endif
#if defined(CLONE_NEWIPC)
	{(uint64_t)(CLONE_NEWIPC), "CLONE_NEWIPC"},
#endif
#if defined(CLONE_NEWUSER)
	{(uint64_t)(CLONE_NEWUSER), "CLONE_NEWUSER"},
#endif
#if defined(CLONE_NEWPID)
	{(uint64_t)(CLONE_NEWPID), "CLONE_NEWPID"},
#endif
#if defined(CLONE_NEWNET)
	{(uint64_t)(CLONE_NEWNET), "CLONE_NEWNET"},
#endif
#if defined(CLONE_IO)
	{(uint64_t)(CLONE_IO), "CLONE_IO"},
#endif
#if defined(CLONE_CLEAR_SIGHAND)
	{(uint64_t)(CLONE_CLEAR_SIGHAND), "CLONE_CLEAR_SIGHAND"},
#endif
#if defined(CLONE_INTO_CGROUP)
	{(uint64_t)(CLONE_INTO_CGROUP), "CLONE_INTO_CGROUP"},
#endif
#if defined(CLONE_NEWTIME)
	{(uint64_t)(CLONE_NEWTIME), "CLONE_NEWTIME"},
#endif
	{0, NULL},
};
