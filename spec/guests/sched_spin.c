/* sched_spin: a thread that waits for a flag in a loop without a syscall,
 * which only main sets (after a write). Run one thread at a time, the
 * spinner must be made to give up its turn (a CPU-time slice), or the run
 * never ends. Prints "spun" and exits 0. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static volatile int flag;

static void *spinner(void *arg)
{
	(void)arg;
	while (!flag)
		;
	return NULL;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, spinner, NULL);
	if (write(1, "", 0) != 0)
		return 2;
	flag = 1;
	pthread_join(t, NULL);
	puts("spun");
	return 0;
}
