/* exit_group_paused: 4 threads each say they are ready on a pipe, then wait
 * in pause() for good; main collects the 4 bytes and calls exit(3)
 * (exit_group). The threads are in no call a -e trace=exit_group run shows,
 * so the lines their exit_group ends are "+++ exited" lines alone: strace
 * prints exit_group's line whole before them (-e status= included).
 * Expected stdout:
 *   4 threads waiting
 * exit 3. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define NTHREADS 4

static int ready_fds[2];

static void *waiter(void *arg)
{
	(void)arg;
	if (write(ready_fds[1], "r", 1) != 1)
		_exit(90);
	for (;;)
		pause();
	return NULL;
}

int main(void)
{
	pthread_t th[NTHREADS];
	if (pipe(ready_fds) != 0)
		return 1;
	for (int i = 0; i < NTHREADS; i++)
		if (pthread_create(&th[i], NULL, waiter, NULL) != 0)
			return 1;
	for (int got = 0; got < NTHREADS; got++) {
		char c;
		if (read(ready_fds[0], &c, 1) != 1)
			return 1;
	}
	printf("%d threads waiting\n", NTHREADS);
	exit(3);
}
