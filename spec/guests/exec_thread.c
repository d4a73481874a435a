/* exec_thread: a non-main thread calls execve while the main thread is
 * blocked (in read() on a pipe that never gets data). The kernel kills the
 * other threads and the exec'ing thread takes over the thread-group leader's
 * pid (for a tracer: PTRACE_EVENT_EXEC reported with the old tid, and the
 * leader's exit is never reported as a separate event).
 * The exec'd image (argv[1] == "after") checks that gettid() == getpid().
 * Expected stdout:
 *   before exec
 *   after exec: tid == pid: yes
 * exit 5. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

extern char **environ;

static int never_fds[2];

static void *exec_thread(void *arg)
{
	char *nargv[] = {"exec_thread", "after", NULL};
	execve("/proc/self/exe", nargv, environ);
	perror("execve");
	_exit(1);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "after") == 0) {
		long tid = syscall(SYS_gettid);
		printf("after exec: tid == pid: %s\n", tid == (long)getpid() ? "yes" : "no");
		return 5;
	}
	printf("before exec\n");
	fflush(stdout);
	if (pipe(never_fds) != 0) {
		perror("pipe");
		return 1;
	}
	pthread_t th;
	if (pthread_create(&th, NULL, exec_thread, NULL) != 0) {
		printf("pthread_create failed\n");
		return 1;
	}
	char c;
	/* Never returns: nobody writes, and the write end stays open. */
	ssize_t n = read(never_fds[0], &c, 1);
	printf("main read returned %zd (unexpected)\n", n);
	return 1;
}
