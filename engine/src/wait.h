/* wait.h: how the tracer waits for the next stop: it polls for a short,
 * adaptive time before it blocks (wait.c). */
#ifndef REVEL_WAIT_H
#define REVEL_WAIT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/types.h>

/* How many stops one round may hold (more wait for the next round). */
#define WAIT_ROUND 64

/* A stop taken from the kernel and not yet handed out. */
struct wait_held {
	pid_t tid;
	int status;
	struct timeval stime; /* wait4's ru_stime for it (rusage) */
};

struct wait_spin {
	int64_t cap_ns;   /* the longest poll; 0: never poll */
	int64_t avg_ns;   /* moving average of the recent waits */
	bool rusage;      /* wait4 fills ru at each stop (-c's system time) */
	struct rusage ru; /* the last stop's */
	/* Called before the wait blocks (NULL: nothing to do then). */
	void (*before_block)(void *ctx);
	void *block_ctx;
	/* Rounds, as strace takes its stops: after a stop, every other one
	 * the kernel has at hand is taken too (WNOHANG), and the stops are
	 * handed out in that order before the kernel is asked again. Each
	 * stopped thread has its turn once a round: a thread that stops
	 * again at once (the newest, which the kernel reports first) cannot
	 * keep its parent's clone exit, or another thread, waiting. */
	int ntasks; /* set by the caller before each wait: rounds with more than one */
	int round_ntasks, backoff, skip; /* when the next round is taken (wait.c) */
	int nheld, first;
	struct wait_held held[WAIT_ROUND];
};

/* spin_us as struct revel_options has it (REVEL_SPIN_AUTO, _OFF or µs). */
void wait_spin_init(struct wait_spin *w, int spin_us);

/* waitpid(-1, status, __WALL) (wait4 into w->ru with w->rusage), polling first. wait_ms >= 0: the
 * wait may last no longer (a delay is due), and 0 means nothing came in time, as with WNOHANG;
 * wait_ms < 0: block until a child changes state. */
pid_t wait_spin(struct wait_spin *w, int *status, int wait_ms);

/* The next stop of the round at hand, without waiting: 0 when none is
 * held (for a loop that waits on every task itself, e.g. a detach). */
pid_t wait_held_next(struct wait_spin *w, int *status);

#endif
