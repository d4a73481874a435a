/* Generated from /work/main/engine/decode/xlat/futex_ops.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/futex.h>
#include "xlat.h"

const struct xlat x_futex_ops[] = {
#if defined(FUTEX_WAIT)
	{(uint64_t)(FUTEX_WAIT), "FUTEX_WAIT"},
#endif
#if defined(FUTEX_WAKE)
	{(uint64_t)(FUTEX_WAKE), "FUTEX_WAKE"},
#endif
#if defined(FUTEX_FD)
	{(uint64_t)(FUTEX_FD), "FUTEX_FD"},
#endif
#if defined(FUTEX_REQUEUE)
	{(uint64_t)(FUTEX_REQUEUE), "FUTEX_REQUEUE"},
#endif
#if defined(FUTEX_CMP_REQUEUE)
	{(uint64_t)(FUTEX_CMP_REQUEUE), "FUTEX_CMP_REQUEUE"},
#endif
#if defined(FUTEX_WAKE_OP)
	{(uint64_t)(FUTEX_WAKE_OP), "FUTEX_WAKE_OP"},
#endif
#if defined(FUTEX_LOCK_PI)
	{(uint64_t)(FUTEX_LOCK_PI), "FUTEX_LOCK_PI"},
#endif
#if defined(FUTEX_UNLOCK_PI)
	{(uint64_t)(FUTEX_UNLOCK_PI), "FUTEX_UNLOCK_PI"},
#endif
#if defined(FUTEX_TRYLOCK_PI)
	{(uint64_t)(FUTEX_TRYLOCK_PI), "FUTEX_TRYLOCK_PI"},
#endif
#if defined(FUTEX_WAIT_BITSET)
	{(uint64_t)(FUTEX_WAIT_BITSET), "FUTEX_WAIT_BITSET"},
#endif
#if defined(FUTEX_WAKE_BITSET)
	{(uint64_t)(FUTEX_WAKE_BITSET), "FUTEX_WAKE_BITSET"},
#endif
#if defined(FUTEX_WAIT_REQUEUE_PI)
	{(uint64_t)(FUTEX_WAIT_REQUEUE_PI), "FUTEX_WAIT_REQUEUE_PI"},
#endif
#if defined(FUTEX_CMP_REQUEUE_PI)
	{(uint64_t)(FUTEX_CMP_REQUEUE_PI), "FUTEX_CMP_REQUEUE_PI"},
#endif
#if defined(FUTEX_LOCK_PI2)
	{(uint64_t)(FUTEX_LOCK_PI2), "FUTEX_LOCK_PI2"},
#endif
	{0, NULL},
};
