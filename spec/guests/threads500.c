/* threads500: 500 short-lived pthreads, created in batches of 50 and joined
 * batch by batch. Each thread calls getpid (must equal the process's pid:
 * same thread group) and returns its index i (or i + 100000 on a mismatch).
 * Exercises: many clone(CLONE_THREAD) events and thread exits in a row,
 * tracer bookkeeping of short-lived threads, futex-based joins.
 * Expected stdout:
 *   sum 124750
 *   500 threads done
 * exit 0. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#define NTHREADS 500
#define BATCH 50

static pid_t main_pid;

static void *worker(void *arg)
{
	intptr_t i = (intptr_t)arg;
	if (getpid() != main_pid)
		i += 100000;
	return (void *)i;
}

int main(void)
{
	main_pid = getpid();
	long sum = 0;
	int done = 0;
	for (int base = 0; base < NTHREADS; base += BATCH) {
		pthread_t th[BATCH];
		for (int k = 0; k < BATCH; k++) {
			int rc = pthread_create(&th[k], NULL, worker, (void *)(intptr_t)(base + k));
			if (rc != 0) {
				fprintf(stderr, "pthread_create %d failed: %d\n", base + k, rc);
				return 1;
			}
		}
		for (int k = 0; k < BATCH; k++) {
			void *ret;
			if (pthread_join(th[k], &ret) != 0)
				return 1;
			sum += (long)(intptr_t)ret;
			done++;
		}
	}
	printf("sum %ld\n", sum);
	printf("%d threads done\n", done);
	return 0;
}
