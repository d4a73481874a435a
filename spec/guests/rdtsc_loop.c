/* rdtsc_loop: reads the time stamp counter and CPUID the way a program does,
 * for spec/rdtsc_spec.lua and the bench.
 *   rdtsc_loop N        N rdtsc and N rdtscp in the main thread, then in a
 *                       new thread, then in a forked child that turns
 *                       PR_SET_TSC back to PR_TSC_ENABLE and execs itself
 *                       ("exec N"): one line per place
 *   rdtsc_loop bench N  N rdtsc, no output
 *   rdtsc_loop cpuid    CPUID leaf 0x4fff0000 (unused by libc) here, in a
 *                       forked child, and after an exec of itself
 *   rdtsc_loop segv     a raised SIGSEGV and a real fault still reach the
 *                       guest's handler */
#define _GNU_SOURCE
#include <cpuid.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <x86intrin.h>

static long n_reads;

/* One line: monotonic or not, and the step when every step is the same. */
static void report(const char *where, const char *what, const unsigned long long *v, long n,
                   unsigned aux)
{
	int mono = 1, same = 1;
	for (long i = 1; i < n; i++) {
		if (v[i] <= v[i - 1])
			mono = 0;
		if (i > 1 && v[i] - v[i - 1] != v[1] - v[0])
			same = 0;
	}
	printf("%s %s: %ld reads, monotonic %s, step ", where, what, n, mono ? "yes" : "no");
	if (same && n > 1)
		printf("%llu", v[1] - v[0]);
	else
		printf("varied");
	if (aux != ~0u)
		printf(", aux %u", aux);
	printf("\n");
	fflush(stdout);
}

static void loops(const char *where)
{
	unsigned long long *v = calloc((size_t)n_reads, sizeof *v);
	unsigned aux = 0;
	if (!v)
		exit(1);
	int mode = 0;
	prctl(PR_GET_TSC, &mode, 0, 0, 0);
	printf("%s tsc trap: %s\n", where, mode == PR_TSC_SIGSEGV ? "on" : "off");
	for (long i = 0; i < n_reads; i++)
		v[i] = __rdtsc();
	report(where, "rdtsc", v, n_reads, ~0u);
	for (long i = 0; i < n_reads; i++)
		v[i] = __rdtscp(&aux);
	report(where, "rdtscp", v, n_reads, aux);
	free(v);
}

static void *thread_main(void *arg)
{
	(void)arg;
	loops("thread");
	return NULL;
}

static void show_cpuid(const char *where)
{
	unsigned a, b, c, d;
	__cpuid_count(0x4fff0000, 3, a, b, c, d);
	printf("%s cpuid 0x4fff0000.3: %u %u %u %u\n", where, a, b, c, d);
	fflush(stdout);
}

static void self_exec(const char *mode, const char *arg)
{
	execl("/proc/self/exe", "rdtsc_loop", mode, arg, (char *)NULL);
	perror("execl");
	_exit(127);
}

static int wait_child(pid_t pid)
{
	int st;
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return 1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void on_raised(int sig)
{
	(void)sig;
	write(1, "raised SIGSEGV caught\n", 22);
}

static void on_fault(int sig)
{
	(void)sig;
	write(1, "fault SIGSEGV caught\n", 21);
	_exit(0);
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "bench")) {
		unsigned long long sum = 0;
		for (long i = atol(argv[2]); i > 0; i--)
			sum += __rdtsc();
		return sum == 1; /* keeps the loop */
	}
	if (argc >= 2 && !strcmp(argv[1], "cpuid")) {
		show_cpuid("main");
		pid_t pid = fork();
		if (pid == 0) {
			show_cpuid("fork");
			self_exec("cpuid-exec", NULL);
		}
		return wait_child(pid);
	}
	if (argc >= 2 && !strcmp(argv[1], "cpuid-exec")) {
		show_cpuid("exec");
		return 0;
	}
	if (argc >= 2 && !strcmp(argv[1], "segv")) {
		signal(SIGSEGV, on_raised);
		raise(SIGSEGV);
		printf("rdtsc %s\n", __rdtsc() > 0 ? "nonzero" : "zero");
		fflush(stdout);
		signal(SIGSEGV, on_fault);
		*(volatile int *)(long)(argc / 1024) = 1; /* NULL: a real fault */
		return 1;
	}
	if (argc == 3 && !strcmp(argv[1], "exec")) {
		n_reads = atol(argv[2]);
		loops("exec");
		return 0;
	}
	n_reads = argc > 1 ? atol(argv[1]) : 100;
	if (n_reads < 2)
		n_reads = 2;
	loops("main");
	pthread_t th;
	if (pthread_create(&th, NULL, thread_main, NULL) != 0 || pthread_join(th, NULL) != 0)
		return 1;
	char arg[32];
	snprintf(arg, sizeof arg, "%ld", n_reads);
	pid_t pid = fork();
	if (pid == 0) {
		/* The guest turns the trap off before its exec: revel turns it on
		 * again in the new image. */
		prctl(PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0);
		self_exec("exec", arg);
	}
	return wait_child(pid);
}
