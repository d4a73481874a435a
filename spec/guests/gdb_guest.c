/* gdb_guest.c: the guest of spec/gdbserver_spec.lua, built -g -O0: functions
 * with locals to break in, step through and finish; with "threads", two
 * threads alive and waiting while main is at threads_ready(), then writing
 * the global `counter`; with "fork", a child that runs in_child(). Its output
 * shows it ran to its end; with "exec", it runs itself again without one;
 * with "sleep", it sleeps 30 s first (for gdb's ^C), with "nap" 1 s (for a
 * client that leaves while it runs); with "vfork", a vfork
 * child runs in_child() before its _exit; with "signal", it raises SIGUSR1
 * and its handler says what the siginfo held. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

volatile int counter;
static pthread_barrier_t ready, go;

static int square(int x)
{
	int sq = x * x;
	return sq;
}

static int sum_squares(int n)
{
	int total = 0;
	for (int i = 1; i <= n; i++)
		total += square(i);
	return total;
}

static void *worker(void *arg)
{
	int id = (int)(long)arg;
	pthread_barrier_wait(&ready);
	pthread_barrier_wait(&go);
	counter += id;
	return NULL;
}

void threads_ready(int n)
{
	printf("threads ready: %d\n", n);
	fflush(stdout);
}

int in_child(int v)
{
	int twice = 2 * v;
	return twice;
}

static volatile sig_atomic_t sig_code, sig_self;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	sig_code = si->si_code;
	sig_self = si->si_pid == getpid();
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	if (!strcmp(mode, "threads")) {
		pthread_t t[2];
		pthread_barrier_init(&ready, NULL, 3);
		pthread_barrier_init(&go, NULL, 3);
		for (long i = 0; i < 2; i++)
			pthread_create(&t[i], NULL, worker, (void *)(i + 1));
		pthread_barrier_wait(&ready);
		threads_ready(2);
		pthread_barrier_wait(&go);
		for (int i = 0; i < 2; i++)
			pthread_join(t[i], NULL);
		printf("counter=%d\n", counter);
		return 0;
	}
	if (!strcmp(mode, "signal")) {
		struct sigaction sa = {.sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO};
		sigaction(SIGUSR1, &sa, NULL);
		raise(SIGUSR1);
		printf("SIGUSR1 handled: code %d, from itself %d\n", (int)sig_code, (int)sig_self);
		return 0;
	}
	if (!strcmp(mode, "sleep"))
		sleep(30);
	if (!strcmp(mode, "nap"))
		sleep(1);
	if (!strcmp(mode, "exec")) {
		printf("exec\n");
		fflush(stdout);
		execl(argv[0], argv[0], (char *)NULL);
		return 127;
	}
	if (!strcmp(mode, "vfork")) {
		pid_t pid = vfork();
		if (pid == 0)
			_exit(in_child(1));
		int st;
		waitpid(pid, &st, 0);
		printf("vfork child exited %d\n", WEXITSTATUS(st));
		return 0;
	}
	if (!strcmp(mode, "fork")) {
		pid_t pid = fork();
		if (pid == 0) {
			printf("child: %d\n", in_child(21));
			return 0;
		}
		int st;
		waitpid(pid, &st, 0);
		printf("parent: child exited %d\n", WEXITSTATUS(st));
		return 0;
	}
	int s = sum_squares(4);
	printf("sum=%d\n", s);
	return s == 30 ? 0 : 1;
}
