/* threads_alive: N threads (argv[1], default 1000) alive at once, each blocked
 * in read on a shared pipe until main releases them all; measures a tracer's
 * memory with many live threads. Prints "N threads alive" and "released". */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int ready[2], go[2];

static void *worker(void *arg)
{
	char c = 1;
	if (write(ready[1], &c, 1) != 1)
		return NULL;
	if (read(go[0], &c, 1) != 1)
		return NULL;
	return arg;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1000;
	if (n <= 0 || pipe(ready) < 0 || pipe(go) < 0)
		return 2;
	pthread_t *t = calloc((size_t)n, sizeof *t);
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (int i = 0; i < n; i++)
		if (pthread_create(&t[i], &attr, worker, NULL) != 0)
			return 3;
	char c;
	for (int i = 0; i < n; i++)
		if (read(ready[0], &c, 1) != 1)
			return 4;
	printf("%d threads alive\n", n);
	fflush(stdout);
	/* One byte per thread: each read takes exactly one. */
	for (int i = 0; i < n; i++)
		if (write(go[1], &c, 1) != 1)
			return 5;
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	printf("released\n");
	free(t);
	return 0;
}
