/* vfork_clone: vfork, then in the vfork child a clone of a thread sharing its
 * memory, then exit_group from that thread while the child's first thread
 * waits in read: the whole child ends with the thread's status and the parent
 * resumes. Prints "vfork clone exit_group 9". */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int hold[2];
static char stack[64 * 1024] __attribute__((aligned(16)));

static int thread_main(void *arg)
{
	syscall(SYS_exit_group, 9);
	return 0;
}

int main(void)
{
	if (pipe(hold) < 0)
		return 2;
	fflush(stdout);
	pid_t pid = vfork();
	if (pid < 0)
		return 3;
	if (pid == 0) {
		int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
		            CLONE_SYSVSEM;
		if (clone(thread_main, stack + sizeof stack, flags, NULL) < 0)
			_exit(4);
		char c;
		/* Nothing writes here: the thread's exit_group ends this read. */
		while (read(hold[0], &c, 1) != 0)
			;
		_exit(5);
	}
	int status;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 6;
	printf("vfork clone exit_group %d\n", WEXITSTATUS(status));
	return 0;
}
