/* Generated from /work/main/engine/decode/xlat/waitid_which.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/wait.h>
#include "xlat.h"

const struct xlat x_waitid_which[] = {
#if defined(P_ALL)
	{(uint64_t)(P_ALL), "P_ALL"},
#endif
#if defined(P_PID)
	{(uint64_t)(P_PID), "P_PID"},
#endif
#if defined(P_PGID)
	{(uint64_t)(P_PGID), "P_PGID"},
#endif
#if defined(P_PIDFD)
	{(uint64_t)(P_PIDFD), "P_PIDFD"},
#endif
	{0, NULL},
};
