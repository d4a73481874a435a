/* threads4: 4 pthreads that run at once. Each waits at a barrier, then
 * blocks in a read of a pipe that the next thread writes to (a ring), so
 * threads wait on one another; each then sleeps 1 ms and returns. Main
 * prints each result in order, then "all joined"; exit 0. The Chrome trace
 * spec draws their lanes. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#define NTHREADS 4

static int ring[NTHREADS][2];
static pthread_barrier_t barrier;

static void *worker(void *arg)
{
	long idx = (long)(intptr_t)arg;
	char c = (char)('a' + idx), in = 0;
	struct timespec ms = {0, 1000000};

	pthread_barrier_wait(&barrier);
	if (write(ring[(idx + 1) % NTHREADS][1], &c, 1) != 1)
		return (void *)(intptr_t)-1;
	if (read(ring[idx][0], &in, 1) != 1)
		return (void *)(intptr_t)-2;
	nanosleep(&ms, NULL);
	return (void *)(intptr_t)(in - 'a');
}

int main(void)
{
	pthread_t th[NTHREADS];

	pthread_barrier_init(&barrier, NULL, NTHREADS);
	for (long i = 0; i < NTHREADS; i++)
		if (pipe(ring[i]) != 0)
			return 2;
	for (long i = 0; i < NTHREADS; i++)
		if (pthread_create(&th[i], NULL, worker, (void *)(intptr_t)i) != 0)
			return 3;
	for (long i = 0; i < NTHREADS; i++) {
		void *r;
		pthread_join(th[i], &r);
		printf("thread %ld got %ld\n", i, (long)(intptr_t)r);
	}
	puts("all joined");
	return 0;
}
