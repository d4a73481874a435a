/* sched_overlap: do two threads ever run at once? Each round a thread
 * writes its number into `owner`, computes for a while and looks again:
 * another number there means the other thread ran meanwhile. Between
 * rounds each makes a syscall (getppid). Under --sched, where one thread
 * runs at a time and a turn ends only at a syscall or after 5 ms of CPU
 * time, no round sees the other (the work is far shorter than 5 ms);
 * natively on two CPUs they overlap. Prints "overlaps N". argv[1]: rounds
 * per thread (3000). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static volatile int owner;
static volatile long overlaps;
static int rounds = 3000;

static void *run(void *arg)
{
	int me = (int)(long)arg;
	for (int i = 0; i < rounds; i++) {
		owner = me;
		int seen = 0;
		for (volatile int k = 0; k < 20000; k++)
			if (owner != me)
				seen = 1;
		if (seen)
			__sync_fetch_and_add(&overlaps, 1);
		getppid();
	}
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		rounds = atoi(argv[1]);
	pthread_t a, b;
	pthread_create(&a, NULL, run, (void *)1L);
	pthread_create(&b, NULL, run, (void *)2L);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("overlaps %ld\n", overlaps);
	return 0;
}
