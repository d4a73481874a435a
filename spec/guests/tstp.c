/* tstp: the child puts itself in its own process group (so the group is
 * never orphaned: its parent is in another group of the same session, and
 * SIGTSTP's default stop is not discarded) and raises SIGTSTP (default
 * action: stop). The parent waits with WUNTRACED and sees it stopped, reads
 * the state letter from /proc/<child>/stat, sends SIGCONT, waits with
 * WCONTINUED and sees it continued, then tells the child (pipe) to exit 6.
 * The state letter is 'T' natively but 't' (tracing stop) under any ptrace
 * tracer, as a traced task sits out a group-stop in TASK_TRACED; stdout
 * says "state stopped" for either and stderr gives the letter.
 * Exercises: default-action stop by a signal other than SIGSTOP, group-stop
 * of a traced process, SIGCONT, WUNTRACED/WCONTINUED.
 * Expected stdout:
 *   child stopped by 20
 *   state stopped
 *   child continued
 *   child exited 6
 * exit 0. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char proc_state(pid_t pid)
{
	char path[64], buf[256];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return '?';
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	char *p = strrchr(buf, ')'); /* comm may contain spaces */
	return p && p[1] == ' ' ? p[2] : '?';
}

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
		if (setpgid(0, 0) != 0)
			_exit(90);
		raise(SIGTSTP);
		char c;
		ssize_t n = read(go[0], &c, 1); /* go-ahead (or EOF) from parent */
		(void)n;
		_exit(6);
	}
	close(go[0]);
	int st;
	if (waitpid(pid, &st, WUNTRACED) != pid)
		return 1;
	if (WIFSTOPPED(st))
		printf("child stopped by %d\n", WSTOPSIG(st));
	else
		printf("child not stopped (status 0x%x)\n", st);
	char s = proc_state(pid);
	fprintf(stderr, "tstp: child state %c\n", s);
	if (s == 'T' || s == 't')
		printf("state stopped\n");
	else
		printf("state %c\n", s);
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
