/* affinity.c: prints what a program sees of its CPU affinity, so that the
 * same program natively and under revel --placement=together can be
 * compared line by line. The main thread prints sched_getaffinity's result
 * and mask and the Cpus_allowed lines of /proc/self/status and
 * /proc/thread-self/status; a second thread sets its own affinity to one
 * CPU of the set (the last one: usually not where revel pins), prints what
 * it sees then (both ways, and /proc/self/task/TID/status), and forks a
 * child that prints its inherited mask; the main thread prints its mask
 * again, unchanged. Exits 0, or 1 when a call fails unexpectedly.
 *
 * Exercises: --placement=together (sched_getaffinity, sched_setaffinity,
 * status files as the guest would see them without revel). */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void show_mask(const char *who)
{
	unsigned char m[128] = {0};
	long n = syscall(SYS_sched_getaffinity, 0, sizeof m, m);
	printf("%s: sched_getaffinity = %ld, cpus", who, n);
	for (int c = 0; n > 0 && c < (int)sizeof m * 8; c++)
		if (m[c / 8] >> (c % 8) & 1)
			printf(" %d", c);
	printf("\n");
}

/* label: the path as printed (a tid in it would differ from run to run) */
static void show_status(const char *who, const char *path, const char *label)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		printf("%s: %s: cannot open\n", who, path);
		return;
	}
	char line[512];
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, "Cpus_allowed", 12))
			printf("%s: %s: %s", who, label, line);
	fclose(f);
}

static void *thread(void *arg)
{
	(void)arg;
	cpu_set_t all, one;
	if (sched_getaffinity(0, sizeof all, &all) < 0)
		exit(1);
	int last = -1;
	for (int c = 0; c < CPU_SETSIZE; c++)
		if (CPU_ISSET(c, &all))
			last = c;
	CPU_ZERO(&one);
	CPU_SET(last, &one);
	if (sched_setaffinity(0, sizeof one, &one) < 0)
		exit(1);
	show_mask("thread");
	char path[64];
	snprintf(path, sizeof path, "/proc/self/task/%d/status", (int)gettid());
	show_status("thread", path, "/proc/self/task/TID/status");
	show_status("thread", "/proc/thread-self/status", "/proc/thread-self/status");
	/* A bad size is refused as the kernel refuses it. */
	printf("thread: sched_getaffinity(0, 3) = %ld\n",
	       syscall(SYS_sched_getaffinity, 0, 3, &all));
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		show_mask("child");
		show_status("child", "/proc/self/status", "/proc/self/status");
		fflush(stdout);
		_exit(0);
	}
	int st;
	if (pid < 0 || waitpid(pid, &st, 0) != pid || st != 0)
		exit(1);
	return NULL;
}

int main(void)
{
	show_mask("main");
	show_status("main", "/proc/self/status", "/proc/self/status");
	show_status("main", "/proc/thread-self/status", "/proc/thread-self/status");
	fflush(stdout);
	pthread_t t;
	if (pthread_create(&t, NULL, thread, NULL) || pthread_join(t, NULL))
		return 1;
	show_mask("main");
	show_status("main", "/proc/self/status", "/proc/self/status");
	return 0;
}
