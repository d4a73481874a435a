/* exit_group_blocked: 4 threads each block in read() on their own pipe;
 * each first writes a readiness byte to a shared pipe, main collects all 4
 * bytes and then calls exit(3) (exit_group) while the threads are (about to
 * be) blocked. Exercises: exit_group tearing down threads that sit in
 * blocking syscalls; tracer must see every thread exit.
 * Expected stdout:
 *   all 4 threads ready
 *   exiting
 * exit 3. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define NTHREADS 4

static int ready_fds[2];
static int block_fds[NTHREADS][2];

static void *blocker(void *arg)
{
	int idx = (int)(intptr_t)arg;
	char c = (char)('0' + idx);
	if (write(ready_fds[1], &c, 1) != 1)
		_exit(90);
	/* Nobody ever writes here; the write end stays open in main. */
	ssize_t n = read(block_fds[idx][0], &c, 1);
	printf("thread %d read returned %zd (unexpected)\n", idx, n);
	return NULL;
}

int main(void)
{
	pthread_t th[NTHREADS];
	if (pipe(ready_fds) != 0)
		return 1;
	for (int i = 0; i < NTHREADS; i++) {
		if (pipe(block_fds[i]) != 0)
			return 1;
		if (pthread_create(&th[i], NULL, blocker, (void *)(intptr_t)i) != 0)
			return 1;
	}
	int got = 0;
	while (got < NTHREADS) {
		char buf[NTHREADS];
		ssize_t n = read(ready_fds[0], buf, (size_t)(NTHREADS - got));
		if (n <= 0)
			return 1;
		got += (int)n;
	}
	printf("all %d threads ready\n", got);
	printf("exiting\n");
	exit(3);
}
