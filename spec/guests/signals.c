/* signals: handlers for SIGUSR1 (SA_RESTART) and SIGUSR2 (no SA_RESTART)
 * installed with sigaction; both blocked, sent to self with kill() and
 * raise(), then sigsuspend() with an empty mask until both were handled.
 * Also a child that blocks in read() and gets SIGTERM from its parent, which
 * reports it via waitpid as killed by signal 15.
 * Exercises: signal delivery/injection, rt_sigsuspend, rt_sigreturn,
 * signal-delivery-stops of a traced child, WIFSIGNALED statuses.
 * Output is in a fixed order (the handlers only record; main prints).
 * Expected stdout:
 *   pending: SIGUSR1 yes, SIGUSR2 yes
 *   handled SIGUSR1: 1
 *   handled SIGUSR2: 1
 *   child ready
 *   child killed by signal 15
 * exit 0. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got_usr1, got_usr2;

static void on_usr1(int sig)
{
	got_usr1++;
}
static void on_usr2(int sig)
{
	got_usr2++;
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART;
	if (sigaction(SIGUSR1, &sa, NULL) != 0)
		return 1;
	sa.sa_handler = on_usr2;
	sa.sa_flags = 0;
	if (sigaction(SIGUSR2, &sa, NULL) != 0)
		return 1;

	sigset_t block, empty, pend;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGUSR2);
	sigemptyset(&empty);
	if (sigprocmask(SIG_BLOCK, &block, NULL) != 0)
		return 1;

	kill(getpid(), SIGUSR1);
	raise(SIGUSR2);
	sigpending(&pend);
	printf("pending: SIGUSR1 %s, SIGUSR2 %s\n", sigismember(&pend, SIGUSR1) ? "yes" : "no",
	       sigismember(&pend, SIGUSR2) ? "yes" : "no");
	while (!(got_usr1 && got_usr2))
		sigsuspend(&empty); /* returns -1/EINTR after handler(s) ran */
	printf("handled SIGUSR1: %d\n", (int)got_usr1);
	printf("handled SIGUSR2: %d\n", (int)got_usr2);

	/* Child: signal readiness, then block forever until SIGTERM. */
	int ready[2], never[2];
	if (pipe(ready) != 0 || pipe(never) != 0)
		return 1;
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(SIGTERM, SIG_DFL);
		close(ready[0]);
		if (write(ready[1], "r", 1) != 1)
			_exit(90);
		char c;
		ssize_t r = read(never[0], &c, 1); /* never[1] stays open here */
		(void)r;
		_exit(91);
	}
	close(ready[1]);
	char c;
	if (read(ready[0], &c, 1) != 1)
		return 1;
	printf("child ready\n");
	kill(pid, SIGTERM);
	int st;
	if (waitpid(pid, &st, 0) != pid)
		return 1;
	if (WIFSIGNALED(st))
		printf("child killed by signal %d\n", WTERMSIG(st));
	else if (WIFEXITED(st))
		printf("child exited %d\n", WEXITSTATUS(st));
	return 0;
}
