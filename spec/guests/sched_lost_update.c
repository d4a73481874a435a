/* sched_lost_update: a lost update. Two threads each add 1 to a counter
 * kept in a file (a memfd), ROUNDS times: pread the counter, a getppid() (a syscall
 * in the window), pwrite the counter + 1. Main prints "counter N"; with
 * no update lost N is 2 * ROUNDS and it exits 0, else it adds "(lost K)"
 * and exits 1. Natively the threads rarely overlap (one starts long after
 * the other's few calls); under --sched a switch inside the window loses
 * an update. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#define ROUNDS 1

static int fd;

static void *adder(void *arg)
{
	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		int n = 0;
		if (pread(fd, &n, sizeof n, 0) != sizeof n)
			exit(2);
		getppid(); /* the window */
		n++;
		if (pwrite(fd, &n, sizeof n, 0) != sizeof n)
			exit(2);
	}
	return NULL;
}

int main(void)
{
	/* A memfd: mkstemp's name comes from getrandom, which retries now
	 * and then, and the schedule would not be the only nondeterminism. */
	fd = memfd_create("counter", 0);
	if (fd < 0)
		return 2;
	int zero = 0;
	if (pwrite(fd, &zero, sizeof zero, 0) != sizeof zero)
		return 2;
	pthread_t a, b;
	pthread_create(&a, NULL, adder, NULL);
	pthread_create(&b, NULL, adder, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	int n = 0;
	if (pread(fd, &n, sizeof n, 0) != sizeof n)
		return 2;
	if (n == 2 * ROUNDS) {
		printf("counter %d\n", n);
		return 0;
	}
	printf("counter %d (lost %d)\n", n, 2 * ROUNDS - n);
	return 1;
}
