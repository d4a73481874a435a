/* threads8: 8 pthreads created and joined. Each thread does a few syscalls
 * (getpid, a write to a pipe it owns and a read back, clock_gettime without
 * printing the time) and returns a value; main prints each result in order.
 * Exercises: clone of threads, per-thread syscalls, futex-based joins.
 * Expected: "thread K result R" for K=0..7, then "all joined"; exit 0. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define NTHREADS 8

static pid_t main_pid;

static void *worker(void *arg)
{
	long idx = (long)(intptr_t)arg;
	long result = idx * 10;
	int fds[2];
	char out[16], in[16];
	struct timespec ts;

	if (getpid() == main_pid)
		result += 1; /* same thread group: pid is shared */
	if (pipe(fds) != 0)
		return (void *)(intptr_t)-1;
	int len = snprintf(out, sizeof out, "t%ld", idx);
	if (write(fds[1], out, (size_t)len) == len && read(fds[0], in, sizeof in) == len &&
	    memcmp(in, out, (size_t)len) == 0)
		result += 2; /* round trip through our own pipe worked */
	close(fds[0]);
	close(fds[1]);
	if (clock_gettime(CLOCK_MONOTONIC, &ts) == 0 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000L)
		result += 4;
	return (void *)(intptr_t)result;
}

int main(void)
{
	pthread_t th[NTHREADS];
	main_pid = getpid();
	for (long i = 0; i < NTHREADS; i++) {
		if (pthread_create(&th[i], NULL, worker, (void *)(intptr_t)i) != 0) {
			printf("pthread_create failed\n");
			return 1;
		}
	}
	for (int i = 0; i < NTHREADS; i++) {
		void *ret;
		pthread_join(th[i], &ret);
		printf("thread %d result %ld\n", i, (long)(intptr_t)ret);
	}
	printf("all joined\n");
	return 0;
}
