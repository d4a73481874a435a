/* vdso_clock: reads the clock the way a program does, through glibc's
 * wrappers (which call the vDSO), for spec/vdso_spec.lua and the bench.
 *   vdso_clock N        N clock_gettime(CLOCK_REALTIME), then one each of
 *                       gettimeofday, time, clock_getres, getcpu: one line
 *                       each, in the main thread, then in a new thread,
 *                       then in a forked child that execs itself ("exec N")
 *   vdso_clock bench N  N clock_gettime(CLOCK_MONOTONIC), no output
 *   vdso_clock wait     waits until the wall clock's now + 0.2 s twice:
 *                       clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME) and
 *                       pthread_cond_timedwait (a futex with a CLOCK_REALTIME
 *                       deadline); prints whether each wait lasted, on the
 *                       monotonic clock, 0.2 s ("as asked": up to 10 s, for a
 *                       loaded machine), less ("short") or more ("long")
 *   vdso_clock where    whether the vDSO's clock_gettime and getcpu enter
 *                       the kernel (start with mov $NR, %eax; syscall) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long n_calls;

static void clocks(const char *where)
{
	struct timespec first = {0, 0}, last = {0, 0}, ts;
	int mono = 1;
	for (long i = 0; i < n_calls; i++) {
		if (clock_gettime(CLOCK_REALTIME, &ts) != 0) {
			perror("clock_gettime");
			exit(1);
		}
		if (i == 0)
			first = ts;
		else if (ts.tv_sec < last.tv_sec ||
		         (ts.tv_sec == last.tv_sec && ts.tv_nsec < last.tv_nsec))
			mono = 0;
		last = ts;
	}
	printf("%s clock_gettime: %ld calls, first %lld.%09ld, last %lld.%09ld, monotonic %s\n",
	       where, n_calls, (long long)first.tv_sec, first.tv_nsec, (long long)last.tv_sec,
	       last.tv_nsec, mono ? "yes" : "no");
	struct timeval tv;
	gettimeofday(&tv, NULL);
	printf("%s gettimeofday: %lld.%06ld\n", where, (long long)tv.tv_sec, (long)tv.tv_usec);
	time_t t0 = 0;
	time_t t = time(&t0);
	printf("%s time: %lld (stored %s)\n", where, (long long)t, t == t0 ? "same" : "differs");
	struct timespec res;
	clock_getres(CLOCK_MONOTONIC, &res);
	printf("%s clock_getres: %lld.%09ld\n", where, (long long)res.tv_sec, res.tv_nsec);
	unsigned cpu = 999, node = 999;
	int rc = getcpu(&cpu, &node);
	printf("%s getcpu: %d cpu %u node %u\n", where, rc, cpu, node);
	fflush(stdout);
}

static double mono_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *span(double s)
{
	return s < 0.19 ? "short" : s > 10 ? "long" : "as asked";
}

static struct timespec wall_in(long ns)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += ns;
	ts.tv_sec += ts.tv_nsec / 1000000000;
	ts.tv_nsec %= 1000000000;
	return ts;
}

static int waits(void)
{
	double t0 = mono_now();
	struct timespec until = wall_in(200000000);
	int rc = clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &until, NULL);
	printf("clock_nanosleep: %d, %s\n", rc, span(mono_now() - t0));
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	pthread_mutex_lock(&m);
	t0 = mono_now();
	until = wall_in(200000000);
	rc = pthread_cond_timedwait(&c, &m, &until);
	printf("pthread_cond_timedwait: %s, %s\n", rc == ETIMEDOUT ? "ETIMEDOUT" : "?",
	       span(mono_now() - t0));
	pthread_mutex_unlock(&m);
	return 0;
}

static void *thread_main(void *arg)
{
	(void)arg;
	clocks("thread");
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "bench")) {
		struct timespec ts;
		long long sum = 0;
		for (long i = atol(argv[2]); i > 0; i--) {
			clock_gettime(CLOCK_MONOTONIC, &ts);
			sum += ts.tv_nsec;
		}
		return sum == 1; /* keeps the loop */
	}
	if (argc == 2 && !strcmp(argv[1], "wait"))
		return waits();
	if (argc == 2 && !strcmp(argv[1], "where")) {
		printf("vdso %s\n", getauxval(AT_SYSINFO_EHDR) ? "yes" : "no");
		void *h = dlopen("linux-vdso.so.1", RTLD_LAZY | RTLD_NOLOAD);
		const char *names[] = {"__vdso_clock_gettime", "__vdso_getcpu"};
		for (int i = 0; h && i < 2; i++) {
			const unsigned char *p = dlsym(h, names[i]);
			int sys = p && p[0] == 0xb8 && p[5] == 0x0f && p[6] == 0x05;
			printf("%s %s\n", names[i],
			       !p    ? "missing"
			       : sys ? "enters the kernel"
			             : "in user space");
		}
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "exec")) {
		n_calls = atol(argv[2]);
		clocks("exec");
		return 0;
	}
	n_calls = argc > 1 ? atol(argv[1]) : 10;
	if (n_calls < 1)
		n_calls = 1;
	clocks("main");
	pthread_t th;
	if (pthread_create(&th, NULL, thread_main, NULL) != 0 || pthread_join(th, NULL) != 0)
		return 1;
	char arg[32];
	snprintf(arg, sizeof arg, "%ld", n_calls);
	pid_t pid = fork();
	if (pid == 0) {
		execl("/proc/self/exe", "vdso_clock", "exec", arg, (char *)NULL);
		perror("execl");
		_exit(127);
	}
	int st;
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return 1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
