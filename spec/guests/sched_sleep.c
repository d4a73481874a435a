/* sched_sleep: a program whose only nondeterminism is the schedule, but
 * whose threads sleep: one in nanosleep, one in a futex wait with a
 * timeout (sem_timedwait, never posted), while another makes calls. Each
 * writes a letter per round; what the output interleaves depends on when
 * the sleeps end, counted in the others' calls. argv[1]: rounds (8). */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static int rounds = 8;
static sem_t never;

static void *sleeper(void *arg)
{
	(void)arg;
	for (int i = 0; i < rounds; i++) {
		struct timespec ts = {0, 1000000};
		nanosleep(&ts, NULL);
		write(1, "s", 1);
	}
	return NULL;
}

static void *waiter(void *arg)
{
	(void)arg;
	for (int i = 0; i < rounds; i++) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 2000000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		int r = sem_timedwait(&never, &ts);
		write(1, r < 0 && errno == ETIMEDOUT ? "t" : "?", 1);
	}
	return NULL;
}

static void *worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < rounds * 4; i++) {
		for (int k = 0; k < 50; k++)
			getppid();
		write(1, "w", 1);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		rounds = atoi(argv[1]);
	sem_init(&never, 0, 0);
	pthread_t t[3];
	pthread_create(&t[0], NULL, sleeper, NULL);
	pthread_create(&t[1], NULL, waiter, NULL);
	pthread_create(&t[2], NULL, worker, NULL);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	write(1, "\n", 1);
	return 0;
}
