/* getppid_threads: N threads (argv[1]) each making M getppid calls (argv[2],
 * default 50000); the thread-scaling benchmark's workload. */
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static long calls = 50000;

static void *worker(void *arg)
{
	for (long i = 0; i < calls; i++)
		syscall(SYS_getppid);
	return arg;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;
	if (argc > 2)
		calls = atol(argv[2]);
	if (n <= 0 || n > 1024 || calls < 0)
		return 2;
	pthread_t t[1024];
	for (int i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, worker, NULL) != 0)
			return 3;
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	return 0;
}
