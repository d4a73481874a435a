/* vfork_variants: (a) vfork + execve("/bin/true"); (b) vfork + _exit(3);
 * (c) vfork + execve of a missing file, child _exit(127); (d) fork a child
 * whose main thread blocks in read() on a pipe nobody writes while a second
 * thread waits (bounded /proc polling) until main is in read, then calls
 * exit_group(5). The parent waits for each in turn and prints its status.
 * Exercises: CLONE_VFORK|CLONE_VM children (parent suspended until exec or
 * exit), failed execve in a vfork child, exit_group from a non-main thread
 * tearing down a main thread blocked in a syscall.
 * Expected stdout:
 *   vfork exec true exited 0
 *   vfork _exit 3
 *   vfork exec missing exited 127
 *   thread exit_group 5
 * exit 0. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static char main_path[64];

static void report(const char *what, pid_t pid)
{
	int st;
	if (waitpid(pid, &st, 0) != pid)
		printf("%s: waitpid failed\n", what);
	else if (WIFEXITED(st))
		printf("%s %d\n", what, WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		printf("%s killed by %d\n", what, WTERMSIG(st));
	else
		printf("%s odd status 0x%x\n", what, st);
	fflush(stdout);
}

static pid_t vfork_exec(const char *path)
{
	char *argv[] = {(char *)path, NULL};
	pid_t pid = vfork();
	if (pid == 0) {
		execve(path, argv, environ);
		_exit(127);
	}
	return pid;
}

static void *exiter(void *arg)
{
	for (int spins = 0; spins < 1000000; spins++) {
		char buf[64];
		int fd = open(main_path, O_RDONLY);
		if (fd < 0)
			break;
		ssize_t n = read(fd, buf, sizeof buf - 1);
		close(fd);
		if (n > 1 && buf[0] == '0' && buf[1] == ' ')
			break; /* main thread sits in read */
	}
	syscall(SYS_exit_group, 5);
	return NULL;
}

int main(void)
{
	fflush(stdout);
	report("vfork exec true exited", vfork_exec("/bin/true"));

	pid_t pid = vfork();
	if (pid == 0)
		_exit(3);
	report("vfork _exit", pid);

	report("vfork exec missing exited", vfork_exec("/nonexistent/revel-guest"));

	int never[2];
	if (pipe(never) != 0)
		return 1;
	pid = fork();
	if (pid == 0) {
		snprintf(main_path, sizeof main_path, "/proc/self/task/%d/syscall", (int)getpid());
		pthread_t t;
		if (pthread_create(&t, NULL, exiter, NULL) != 0)
			_exit(90);
		char c;
		ssize_t n = read(never[0], &c, 1); /* never[1] stays open here */
		(void)n;
		_exit(91);
	}
	report("thread exit_group", pid);
	return 0;
}
