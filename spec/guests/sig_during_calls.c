/* sig_during_calls: signals that arrive while a tool's handler runs.
 * The main thread loops on syscall(SYS_getppid) (a call an in-guest tool
 * handles at a rewritten site, with signals open) while a second thread
 * sends it N (argv[1], default 300) SIGUSR1s with sigqueue, each with its
 * number as the value, one at a time (the next once the last was handled).
 * The handler checks the siginfo (SI_QUEUE, the sender's pid, the value in
 * order) and makes a call of its own (gettid), which a tool sees too.
 * Prints "handled N, in order, siginfo intact" and exits 0; another line and
 * exit 1 when a signal is lost, duplicated or its siginfo differs. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static atomic_int handled, bad;
static pid_t me;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	int n = atomic_load(&handled) + 1;
	if (sig != SIGUSR1 || si->si_code != SI_QUEUE || si->si_pid != me ||
	    si->si_value.sival_int != n)
		atomic_fetch_add(&bad, 1);
	syscall(SYS_gettid);
	atomic_store(&handled, n);
}

static int total = 300;

static void *sender(void *arg)
{
	(void)arg;
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &s, NULL); /* the main thread takes them */
	for (int i = 1; i <= total; i++) {
		union sigval v = {.sival_int = i};
		if (sigqueue(me, SIGUSR1, v) != 0)
			exit(3);
		while (atomic_load(&handled) < i)
			sched_yield();
	}
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		total = atoi(argv[1]);
	me = getpid();
	struct sigaction sa = {0};
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGUSR1, &sa, NULL) != 0)
		return 2;
	struct sigaction back;
	if (sigaction(SIGUSR1, NULL, &back) != 0 || back.sa_sigaction != on_usr1 ||
	    !(back.sa_flags & SA_SIGINFO)) {
		printf("sigaction gives back another action\n");
		return 1;
	}
	pthread_t t;
	if (pthread_create(&t, NULL, sender, NULL) != 0)
		return 2;
	while (atomic_load(&handled) < total)
		syscall(SYS_getppid);
	pthread_join(t, NULL);
	if (atomic_load(&bad) || atomic_load(&handled) != total) {
		printf("handled %d, %d with another siginfo or out of order\n",
		       atomic_load(&handled), atomic_load(&bad));
		return 1;
	}
	printf("handled %d, in order, siginfo intact\n", total);
	return 0;
}
