/* thread_quick: threads whose first call comes at once, for the order of
 * a tracer's stops (spec/strace_lines/threads.lua). A child process (not
 * the tracer's own child: the kernel reports a tracer's children before
 * the tasks it only traces, newest first) starts 16 threads one after
 * another; each makes one gettid call and returns, and it joins each
 * before starting the next. The clone3's exit (its parent_tid, which
 * glibc points at the same word as child_tid, cleared when the thread ends)
 * and the thread's gettid race: a tracer that lets the new thread run to its
 * end before it prints its parent's clone3 shows parent_tid=[0].
 * The child prints "16 threads"; exit 0. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define NTHREADS 16

static void *quick(void *arg)
{
	(void)arg;
	syscall(SYS_gettid);
	return NULL;
}

static int threads(void)
{
	int n = 0;
	for (int i = 0; i < NTHREADS; i++) {
		pthread_t th;
		if (pthread_create(&th, NULL, quick, NULL) != 0)
			return 1;
		if (pthread_join(th, NULL) == 0)
			n++;
	}
	printf("%d threads\n", n);
	return n == NTHREADS ? 0 : 1;
}

int main(void)
{
	pid_t pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0)
		_exit(threads());
	int status;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 1;
	return WEXITSTATUS(status);
}
