/* vfork_exec: vfork + execve of /proc/self/exe in child mode (prints a line
 * and exits 7), waitpid and print the status; then posix_spawn of /bin/echo
 * with arguments, waitpid and print the status.
 * Exercises: vfork (CLONE_VFORK|CLONE_VM), execve, posix_spawn (clone with
 * CLONE_VM|CLONE_VFORK in glibc), exit statuses.
 * Expected stdout:
 *   vfork child says hi
 *   vfork child exited 7
 *   spawned echo ok
 *   spawn child exited 0
 * exit 0. */
#define _GNU_SOURCE
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void report(const char *what, int st)
{
	if (WIFEXITED(st))
		printf("%s exited %d\n", what, WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		printf("%s killed by %d\n", what, WTERMSIG(st));
	else
		printf("%s odd status\n", what);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "child") == 0) {
		printf("vfork child says hi\n");
		fflush(stdout);
		return 7;
	}

	fflush(stdout);
	char *cargv[] = {"vfork_exec", "child", NULL};
	pid_t pid = vfork();
	if (pid < 0) {
		perror("vfork");
		return 1;
	}
	if (pid == 0) {
		execve("/proc/self/exe", cargv, environ);
		_exit(127);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid) {
		perror("waitpid");
		return 1;
	}
	report("vfork child", st);

	fflush(stdout);
	char *eargv[] = {"echo", "spawned", "echo", "ok", NULL};
	pid_t spid;
	int rc = posix_spawn(&spid, "/bin/echo", NULL, NULL, eargv, environ);
	if (rc != 0) {
		printf("posix_spawn failed: %s\n", strerror(rc));
		return 1;
	}
	if (waitpid(spid, &st, 0) != spid) {
		perror("waitpid");
		return 1;
	}
	report("spawn child", st);
	return 0;
}
