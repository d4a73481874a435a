/* rtsig: queued real-time signals, signalfd and sigtimedwait.
 * Blocks SIGRTMIN+1 and SIGRTMIN+2, sigqueue()s to itself RTMIN+1 with
 * values 1, 2, 3, then RTMIN+2 with 10, then RTMIN+1 with 4, and collects
 * them with sigwaitinfo: the kernel hands out the lowest-numbered pending
 * signal first and keeps each RT signal's queue in FIFO order.
 * Then blocks SIGUSR1 and SIGUSR2, makes a non-blocking signalfd for SIGUSR1
 * only, raises SIGUSR2 and SIGUSR1; the signalfd yields SIGUSR1 only, a
 * second read finds it empty, SIGUSR2 stays pending until sigtimedwait
 * takes it; a zero-timeout sigtimedwait with nothing pending gives EAGAIN.
 * Exercises: rt_sigqueueinfo, rt_sigtimedwait, signalfd4, siginfo values
 * passing through a tracer untouched, signals that never reach a handler.
 * Expected stdout:
 *   sig RTMIN+1 value 1 / 2 / 3 / 4 (one line each), sig RTMIN+2 value 10
 *   signalfd got SIGUSR1
 *   signalfd empty: EAGAIN
 *   SIGUSR2 pending: yes
 *   sigtimedwait got SIGUSR2
 *   sigtimedwait: EAGAIN
 * exit 0. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

static void queue(int sig, int value)
{
	union sigval v = {.sival_int = value};
	if (sigqueue(getpid(), sig, v) != 0)
		perror("sigqueue");
}

int main(void)
{
	sigset_t rt;
	sigemptyset(&rt);
	sigaddset(&rt, SIGRTMIN + 1);
	sigaddset(&rt, SIGRTMIN + 2);
	if (sigprocmask(SIG_BLOCK, &rt, NULL) != 0)
		return 1;
	queue(SIGRTMIN + 1, 1);
	queue(SIGRTMIN + 1, 2);
	queue(SIGRTMIN + 1, 3);
	queue(SIGRTMIN + 2, 10);
	queue(SIGRTMIN + 1, 4);
	for (int i = 0; i < 5; i++) {
		siginfo_t si;
		int sig = sigwaitinfo(&rt, &si);
		if (sig < 0) {
			perror("sigwaitinfo");
			return 1;
		}
		printf("sig RTMIN+%d value %d\n", sig - SIGRTMIN, si.si_value.sival_int);
	}

	sigset_t usr, one;
	sigemptyset(&usr);
	sigaddset(&usr, SIGUSR1);
	sigaddset(&usr, SIGUSR2);
	sigemptyset(&one);
	sigaddset(&one, SIGUSR1);
	if (sigprocmask(SIG_BLOCK, &usr, NULL) != 0)
		return 1;
	int sfd = signalfd(-1, &one, SFD_NONBLOCK | SFD_CLOEXEC);
	if (sfd < 0) {
		perror("signalfd");
		return 1;
	}
	raise(SIGUSR2);
	raise(SIGUSR1);
	struct signalfd_siginfo fi;
	ssize_t n = read(sfd, &fi, sizeof fi);
	if (n == (ssize_t)sizeof fi)
		printf("signalfd got %s\n", fi.ssi_signo == SIGUSR1 ? "SIGUSR1" : "other");
	else
		printf("signalfd read %zd\n", n);
	n = read(sfd, &fi, sizeof fi);
	printf("signalfd empty: %s\n", n < 0 && errno == EAGAIN ? "EAGAIN" : "no");

	sigset_t pend;
	sigpending(&pend);
	printf("SIGUSR2 pending: %s\n", sigismember(&pend, SIGUSR2) ? "yes" : "no");
	struct timespec zero = {0, 0};
	int sig = sigtimedwait(&usr, NULL, &zero);
	printf("sigtimedwait got %s\n", sig == SIGUSR2 ? "SIGUSR2" : "other");
	sig = sigtimedwait(&usr, NULL, &zero);
	printf("sigtimedwait: %s\n", sig < 0 && errno == EAGAIN ? "EAGAIN" : "no");
	return 0;
}
