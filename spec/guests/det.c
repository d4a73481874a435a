/* det: a deterministic single-threaded syscall workload for counting:
 * 1000 getpid, 100 writes to /dev/null, 3 forked children (one at a time)
 * that each make 100 getppid calls and _exit(0); the parent waitpid's each in
 * order. Raw syscall() is used for getpid/getppid so libc cannot cache or
 * elide them. No threads, stdout flushed before each fork, so the syscall
 * count is the same on every run (modulo dynamic loader/libc startup).
 * Expected stdout: "det done"; exit 0. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	for (int i = 0; i < 1000; i++)
		syscall(SYS_getpid);

	int fd = open("/dev/null", O_WRONLY);
	if (fd < 0)
		return 1;
	for (int i = 0; i < 100; i++)
		if (write(fd, "x", 1) != 1)
			return 1;
	close(fd);

	for (int k = 0; k < 3; k++) {
		fflush(stdout);
		pid_t pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0) {
			for (int i = 0; i < 100; i++)
				syscall(SYS_getppid);
			_exit(0);
		}
		int st;
		if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
			return 1;
	}
	printf("det done\n");
	return 0;
}
