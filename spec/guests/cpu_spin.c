/* cpu_spin: burns CPU in loops that make no syscall, for the timer specs
 * (spec/timer_spec.lua) and the bench.
 *   cpu_spin spin N      "start", N rounds of arithmetic, "spun N"
 *   cpu_spin threads N   two threads spin N rounds each; "threads done"
 *   cpu_spin exec N      spins N, then execs itself as "spin N"
 *   cpu_spin cancel N    a thread that spins until it is cancelled
 *                        (pthread_cancel: glibc's signal 32, SI_TKILL)
 *                        while the main thread spins N; "cancelled yes"
 *   cpu_spin owntimer N  its own CPU-time timer (SIGRTMIN, every 2 ms)
 *                        while it spins until it fired N times
 *   cpu_spin masked N    blocks signal 32 with a raw rt_sigprocmask (glibc
 *                        would not), "blocked", spins N, "unblock",
 *                        unblocks it, spins N, "done"
 *   cpu_spin serial N    20 threads one after the other, each spinning N;
 *                        then "timers K": the POSIX timers the process
 *                        has (/proc/self/timers) */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static volatile unsigned long sink;

/* No call, no syscall: only the timer's signal can stop it. */
static void spin(unsigned long n)
{
	unsigned long x = 1;
	for (unsigned long i = 0; i < n; i++) {
		x = x * 6364136223846793005ul + 1442695040888963407ul;
		sink = x;
	}
}

static void say(const char *s)
{
	if (write(1, s, strlen(s)) < 0)
		exit(1);
}

static unsigned long rounds;

static void *spinner(void *arg)
{
	(void)arg;
	spin(rounds);
	return NULL;
}

static void *forever(void *arg)
{
	(void)arg;
	pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
	for (;;)
		sink = sink * 3 + 1;
	return NULL;
}

static volatile sig_atomic_t own_fired;

static void on_own(int sig)
{
	(void)sig;
	own_fired++;
}

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	rounds = strtoul(argv[2], NULL, 10);
	const char *mode = argv[1];
	if (!strcmp(mode, "spin")) {
		say("start\n");
		spin(rounds);
		printf("spun %lu\n", rounds);
		return 0;
	}
	if (!strcmp(mode, "threads")) {
		pthread_t a, b;
		if (pthread_create(&a, NULL, spinner, NULL) ||
		    pthread_create(&b, NULL, spinner, NULL))
			return 1;
		pthread_join(a, NULL);
		pthread_join(b, NULL);
		say("threads done\n");
		return 0;
	}
	if (!strcmp(mode, "exec")) {
		spin(rounds);
		say("exec\n");
		execl("/proc/self/exe", "cpu_spin", "spin", argv[2], (char *)NULL);
		return 127;
	}
	if (!strcmp(mode, "cancel")) {
		pthread_t t;
		void *r = NULL;
		if (pthread_create(&t, NULL, forever, NULL))
			return 1;
		spin(rounds);
		pthread_cancel(t);
		pthread_join(t, &r);
		printf("cancelled %s\n", r == PTHREAD_CANCELED ? "yes" : "no");
		return 0;
	}
	if (!strcmp(mode, "serial")) {
		for (int i = 0; i < 20; i++) {
			pthread_t t;
			if (pthread_create(&t, NULL, spinner, NULL) || pthread_join(t, NULL))
				return 1;
		}
		FILE *f = fopen("/proc/self/timers", "r");
		char line[256];
		int k = 0;
		while (f && fgets(line, sizeof line, f))
			k += !strncmp(line, "ID:", 3);
		printf("timers %d\n", k);
		return 0;
	}
	if (!strcmp(mode, "masked")) {
		unsigned long long set = 1ull << (32 - 1);
		syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, sizeof set);
		say("blocked\n");
		spin(rounds);
		say("unblock\n");
		syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &set, NULL, sizeof set);
		spin(rounds);
		say("done\n");
		return 0;
	}
	if (!strcmp(mode, "owntimer")) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_own;
		sigaction(SIGRTMIN, &sa, NULL);
		struct sigevent sev;
		memset(&sev, 0, sizeof sev);
		sev.sigev_notify = SIGEV_SIGNAL;
		sev.sigev_signo = SIGRTMIN;
		timer_t id;
		if (timer_create(CLOCK_THREAD_CPUTIME_ID, &sev, &id))
			return 1;
		struct itimerspec its = {{0, 2000000}, {0, 2000000}};
		timer_settime(id, 0, &its, NULL);
		while (own_fired < (sig_atomic_t)rounds)
			sink = sink * 3 + 1;
		printf("own timer fired %lu times\n", rounds);
		return 0;
	}
	return 2;
}
