/* Generated from /work/main/engine/decode/xlat/prctl.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/prctl.h>
#include "xlat.h"

const struct xlat x_prctl[] = {
#if defined(PR_SET_PDEATHSIG)
	{(uint64_t)(PR_SET_PDEATHSIG), "PR_SET_PDEATHSIG"},
#endif
#if defined(PR_GET_PDEATHSIG)
	{(uint64_t)(PR_GET_PDEATHSIG), "PR_GET_PDEATHSIG"},
#endif
#if defined(PR_GET_DUMPABLE)
	{(uint64_t)(PR_GET_DUMPABLE), "PR_GET_DUMPABLE"},
#endif
#if defined(PR_SET_DUMPABLE)
	{(uint64_t)(PR_SET_DUMPABLE), "PR_SET_DUMPABLE"},
#endif
#if defined(PR_GET_UNALIGN)
	{(uint64_t)(PR_GET_UNALIGN), "PR_GET_UNALIGN"},
#endif
#if defined(PR_SET_UNALIGN)
	{(uint64_t)(PR_SET_UNALIGN), "PR_SET_UNALIGN"},
#endif
#if defined(PR_GET_KEEPCAPS)
	{(uint64_t)(PR_GET_KEEPCAPS), "PR_GET_KEEPCAPS"},
#endif
#if defined(PR_SET_KEEPCAPS)
	{(uint64_t)(PR_SET_KEEPCAPS), "PR_SET_KEEPCAPS"},
#endif
#if defined(PR_GET_FPEMU)
	{(uint64_t)(PR_GET_FPEMU), "PR_GET_FPEMU"},
#endif
#if defined(PR_SET_FPEMU)
	{(uint64_t)(PR_SET_FPEMU), "PR_SET_FPEMU"},
#endif
#if defined(PR_GET_FPEXC)
	{(uint64_t)(PR_GET_FPEXC), "PR_GET_FPEXC"},
#endif
#if defined(PR_SET_FPEXC)
	{(uint64_t)(PR_SET_FPEXC), "PR_SET_FPEXC"},
#endif
#if defined(PR_GET_TIMING)
	{(uint64_t)(PR_GET_TIMING), "PR_GET_TIMING"},
#endif
#if defined(PR_SET_TIMING)
	{(uint64_t)(PR_SET_TIMING), "PR_SET_TIMING"},
#endif
#if defined(PR_SET_NAME)
	{(uint64_t)(PR_SET_NAME), "PR_SET_NAME"},
#endif
#if defined(PR_GET_NAME)
	{(uint64_t)(PR_GET_NAME), "PR_GET_NAME"},
#endif
#if defined(PR_GET_ENDIAN)
	{(uint64_t)(PR_GET_ENDIAN), "PR_GET_ENDIAN"},
#endif
#if defined(PR_SET_ENDIAN)
	{(uint64_t)(PR_SET_ENDIAN), "PR_SET_ENDIAN"},
#endif
#if defined(PR_GET_SECCOMP)
	{(uint64_t)(PR_GET_SECCOMP), "PR_GET_SECCOMP"},
#endif
#if defined(PR_SET_SECCOMP)
	{(uint64_t)(PR_SET_SECCOMP), "PR_SET_SECCOMP"},
#endif
#if defined(PR_CAPBSET_READ)
	{(uint64_t)(PR_CAPBSET_READ), "PR_CAPBSET_READ"},
#endif
#if defined(PR_CAPBSET_DROP)
	{(uint64_t)(PR_CAPBSET_DROP), "PR_CAPBSET_DROP"},
#endif
#if defined(PR_GET_TSC)
	{(uint64_t)(PR_GET_TSC), "PR_GET_TSC"},
#endif
#if defined(PR_SET_TSC)
	{(uint64_t)(PR_SET_TSC), "PR_SET_TSC"},
#endif
#if defined(PR_GET_SECUREBITS)
	{(uint64_t)(PR_GET_SECUREBITS), "PR_GET_SECUREBITS"},
#endif
#if defined(PR_SET_SECUREBITS)
	{(uint64_t)(PR_SET_SECUREBITS), "PR_SET_SECUREBITS"},
#endif
#if defined(PR_SET_TIMERSLACK)
	{(uint64_t)(PR_SET_TIMERSLACK), "PR_SET_TIMERSLACK"},
#endif
#if defined(PR_GET_TIMERSLACK)
	{(uint64_t)(PR_GET_TIMERSLACK), "PR_GET_TIMERSLACK"},
#endif
#if defined(PR_TASK_PERF_EVENTS_DISABLE)
	{(uint64_t)(PR_TASK_PERF_EVENTS_DISABLE), "PR_TASK_PERF_EVENTS_DISABLE"},
#endif
#if defined(PR_TASK_PERF_EVENTS_ENABLE)
	{(uint64_t)(PR_TASK_PERF_EVENTS_ENABLE), "PR_TASK_PERF_EVENTS_ENABLE"},
#endif
#if defined(PR_MCE_KILL)
	{(uint64_t)(PR_MCE_KILL), "PR_MCE_KILL"},
#endif
#if defined(PR_MCE_KILL_GET)
	{(uint64_t)(PR_MCE_KILL_GET), "PR_MCE_KILL_GET"},
#endif
#if defined(PR_SET_MM)
	{(uint64_t)(PR_SET_MM), "PR_SET_MM"},
#endif
#if defined(PR_SET_CHILD_SUBREAPER)
	{(uint64_t)(PR_SET_CHILD_SUBREAPER), "PR_SET_CHILD_SUBREAPER"},
#endif
#if defined(PR_GET_CHILD_SUBREAPER)
	{(uint64_t)(PR_GET_CHILD_SUBREAPER), "PR_GET_CHILD_SUBREAPER"},
#endif
#if defined(PR_SET_NO_NEW_PRIVS)
	{(uint64_t)(PR_SET_NO_NEW_PRIVS), "PR_SET_NO_NEW_PRIVS"},
#endif
#if defined(PR_GET_NO_NEW_PRIVS)
	{(uint64_t)(PR_GET_NO_NEW_PRIVS), "PR_GET_NO_NEW_PRIVS"},
#endif
#if defined(PR_GET_TID_ADDRESS)
	{(uint64_t)(PR_GET_TID_ADDRESS), "PR_GET_TID_ADDRESS"},
#endif
#if defined(PR_SET_THP_DISABLE)
	{(uint64_t)(PR_SET_THP_DISABLE), "PR_SET_THP_DISABLE"},
#endif
#if defined(PR_GET_THP_DISABLE)
	{(uint64_t)(PR_GET_THP_DISABLE), "PR_GET_THP_DISABLE"},
#endif
#if defined(PR_SET_FP_MODE)
	{(uint64_t)(PR_SET_FP_MODE), "PR_SET_FP_MODE"},
#endif
#if defined(PR_GET_FP_MODE)
	{(uint64_t)(PR_GET_FP_MODE), "PR_GET_FP_MODE"},
#endif
#if defined(PR_CAP_AMBIENT)
	{(uint64_t)(PR_CAP_AMBIENT), "PR_CAP_AMBIENT"},
#endif
#if defined(PR_SVE_SET_VL)
	{(uint64_t)(PR_SVE_SET_VL), "PR_SVE_SET_VL"},
#endif
#if defined(PR_SVE_GET_VL)
	{(uint64_t)(PR_SVE_GET_VL), "PR_SVE_GET_VL"},
#endif
#if defined(PR_GET_SPECULATION_CTRL)
	{(uint64_t)(PR_GET_SPECULATION_CTRL), "PR_GET_SPECULATION_CTRL"},
#endif
#if defined(PR_SET_SPECULATION_CTRL)
	{(uint64_t)(PR_SET_SPECULATION_CTRL), "PR_SET_SPECULATION_CTRL"},
#endif
#if defined(PR_PAC_RESET_KEYS)
	{(uint64_t)(PR_PAC_RESET_KEYS), "PR_PAC_RESET_KEYS"},
#endif
#if defined(PR_SET_TAGGED_ADDR_CTRL)
	{(uint64_t)(PR_SET_TAGGED_ADDR_CTRL), "PR_SET_TAGGED_ADDR_CTRL"},
#endif
#if defined(PR_GET_TAGGED_ADDR_CTRL)
	{(uint64_t)(PR_GET_TAGGED_ADDR_CTRL), "PR_GET_TAGGED_ADDR_CTRL"},
#endif
#if defined(PR_SET_IO_FLUSHER)
	{(uint64_t)(PR_SET_IO_FLUSHER), "PR_SET_IO_FLUSHER"},
#endif
#if defined(PR_GET_IO_FLUSHER)
	{(uint64_t)(PR_GET_IO_FLUSHER), "PR_GET_IO_FLUSHER"},
#endif
#if defined(PR_SET_SYSCALL_USER_DISPATCH)
	{(uint64_t)(PR_SET_SYSCALL_USER_DISPATCH), "PR_SET_SYSCALL_USER_DISPATCH"},
#endif
#if defined(PR_SCHED_CORE)
	{(uint64_t)(PR_SCHED_CORE), "PR_SCHED_CORE"},
#endif
#if defined(PR_SET_VMA)
	{(uint64_t)(PR_SET_VMA), "PR_SET_VMA"},
#endif
#if defined(PR_SET_PTRACER)
	{(uint64_t)(PR_SET_PTRACER), "PR_SET_PTRACER"},
#endif
	{0, NULL},
};
