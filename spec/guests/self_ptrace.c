/* self_ptrace: the guest calls ptrace(PTRACE_TRACEME). Natively that works
 * (its parent becomes its tracer, harmlessly: it raises no signals and does
 * not exec); under a ptrace-based tracer it fails with EPERM. The result
 * differs, so it goes to stderr. Then a forked child does the same (natively
 * it succeeds, traced by the guest; under a tracer EPERM) and _exit(0)s;
 * the parent reaps it. The point: nothing hangs and stdout is the same.
 * Natively the guest's parent (a shell) never expects to be a tracer: any
 * signal delivered to the guest, even an ignored-by-default SIGCHLD, would
 * put it in a signal-delivery-stop that nobody resumes. So every signal is
 * blocked right after PTRACE_TRACEME (pending ones are discarded at exit).
 * Exercises: PTRACE_TRACEME while already traced, exit of a tracee whose
 * tracer is its own parent.
 * Expected stdout:
 *   child exited 0
 *   self_ptrace done
 * exit 0 (stderr: "traceme: ok" twice natively, "traceme: EPERM" traced). */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

static void traceme(const char *who)
{
	errno = 0;
	long r = ptrace(PTRACE_TRACEME, 0, NULL, NULL);
	fprintf(stderr, "%s traceme: %s\n", who,
	        r == 0           ? "ok"
	        : errno == EPERM ? "EPERM"
	                         : strerror(errno));
}

int main(void)
{
	traceme("parent");
	sigset_t all;
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		traceme("child");
		_exit(0);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid)
		return 1;
	if (WIFEXITED(st))
		printf("child exited %d\n", WEXITSTATUS(st));
	else
		printf("child odd status 0x%x\n", st);
	printf("self_ptrace done\n");
	return 0;
}
