/* stopcont: the child raises SIGSTOP on itself; the parent waits with
 * WUNTRACED and sees it stopped, sends SIGCONT, waits with WCONTINUED and
 * sees it continued; the child then exits 4 (it waits on a pipe for the
 * parent's go-ahead, otherwise its exit could overtake the "continued"
 * notification in the WCONTINUED wait).
 * Exercises: group-stop of a traced process (PTRACE_LISTEN / group-stop vs
 * signal-delivery-stop distinction), SIGCONT, WUNTRACED/WCONTINUED.
 * Expected stdout:
 *   child stopped by 19
 *   child continued
 *   child exited 4
 * exit 0. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int go[2];
	if (pipe(go) != 0)
		return 1;
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		close(go[1]);
		raise(SIGSTOP);
		char c;
		ssize_t n = read(go[0], &c, 1); /* go-ahead (or EOF) from parent */
		(void)n;
		_exit(4);
	}
	close(go[0]);
	int st;
	if (waitpid(pid, &st, WUNTRACED) != pid)
		return 1;
	if (WIFSTOPPED(st))
		printf("child stopped by %d\n", WSTOPSIG(st));
	else
		printf("child not stopped (status 0x%x)\n", st);
	fflush(stdout);

	kill(pid, SIGCONT);
	if (waitpid(pid, &st, WCONTINUED) != pid)
		return 1;
	if (WIFCONTINUED(st)) {
		printf("child continued\n");
		if (write(go[1], "g", 1) != 1)
			return 1;
		if (waitpid(pid, &st, 0) != pid)
			return 1;
	}
	if (WIFEXITED(st))
		printf("child exited %d\n", WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		printf("child killed by %d\n", WTERMSIG(st));
	else
		printf("child odd status 0x%x\n", st);
	close(go[1]);
	return 0;
}
