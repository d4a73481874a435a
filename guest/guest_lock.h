/* The in-guest library's locks (the Lua lock, the rpc lock, the rewrite
 * lock): a futex word of its own rather than pthread_mutex_t. glibc's
 * mutex takes a plain store instead of an atomic one while the process
 * looks single-threaded to libc, and a process whose threads come from raw
 * clone always does: its threads would enter the tool together and lose
 * futex wake-ups. Waits and wakes go through the gate (guest_raw): they
 * never trap. */
#ifndef REVEL_GUEST_LOCK_H
#define REVEL_GUEST_LOCK_H
#include <linux/futex.h>
#include <sys/syscall.h>

long guest_raw(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

typedef struct {
	int v; /* 0 free, 1 taken, 2 taken with waiters */
} guest_lock_t;

#define GUEST_LOCK_INIT                                                                            \
	{                                                                                          \
		0                                                                                  \
	}

static inline void guest_lock(guest_lock_t *l)
{
	int c = 0;
	if (__atomic_compare_exchange_n(&l->v, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	while (__atomic_exchange_n(&l->v, 2, __ATOMIC_ACQUIRE) != 0)
		guest_raw(SYS_futex, (long)&l->v, FUTEX_WAIT_PRIVATE, 2, 0, 0, 0);
}

static inline void guest_unlock(guest_lock_t *l)
{
	if (__atomic_exchange_n(&l->v, 0, __ATOMIC_RELEASE) == 2)
		guest_raw(SYS_futex, (long)&l->v, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
}

/* In a forked child: free (another thread of the parent may have held it). */
static inline void guest_lock_reset(guest_lock_t *l)
{
	l->v = 0;
}

#endif
