/* restart_read: signal restart semantics around a call a tool turns into a
 * blocking read. SIGALRM handler (SA_RESTART unless argv[1] is "norestart")
 * counts. Thread A calls syscall(SYS_getppid, pipe_rd, buf, 5); a tool turns
 * that into read(pipe_rd, buf, 5), so A blocks. Thread B polls
 * /proc/self/task/<A>/syscall until A sits in read (first field "0") or A is
 * done. If A is in read, B sends it SIGALRM (tgkill) and waits until the
 * handler ran; in restart mode B then waits until A is back in read and
 * writes "hello". If A is already done (natively: getppid just returned),
 * B sends SIGALRM to itself, so "alarms 1" holds in every case.
 * Exercises: signal delivery to a thread blocked in an injected syscall,
 * ERESTARTSYS restart vs EINTR, handler + rt_sigreturn around injection.
 * Expected stdout, natively (either mode):  A got no read / alarms 1
 * under the tool, restart:                  A got 5: hello / alarms 1
 * under the tool, norestart:                A got EINTR / alarms 1
 * exit 0. A bounded wait that runs out prints "B gave up ..." as well. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_SPINS 2000000

static int data_fds[2], tid_fds[2];
static int restart = 1;
static atomic_int a_done, alarms;
static long a_ret;
static int a_errno;
static char a_buf[8];
static int b_gave_up;

static void on_alarm(int sig)
{
	atomic_fetch_add(&alarms, 1);
}

static void *thread_a(void *arg)
{
	pid_t tid = (pid_t)syscall(SYS_gettid);
	if (write(tid_fds[1], &tid, sizeof tid) != (ssize_t)sizeof tid)
		_exit(90);
	memset(a_buf, 0, sizeof a_buf);
	errno = 0;
	a_ret = syscall(SYS_getppid, (long)data_fds[0], a_buf, 5L);
	a_errno = errno;
	atomic_store(&a_done, 1);
	return NULL;
}

/* 1 if A is in read (nr 0) or gone, 0 otherwise. */
static int a_in_read_or_gone(const char *path)
{
	char buf[64];
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return 1; /* task already gone (then a_done is set) */
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return buf[0] == '0' && (buf[1] == ' ' || buf[1] == '\n');
}

/* Bounded wait until A is in read or done; records a timeout. */
static void wait_a_in_read(const char *path)
{
	for (int spins = 0; !atomic_load(&a_done) && !a_in_read_or_gone(path); spins++) {
		if (spins >= MAX_SPINS) {
			b_gave_up = 1;
			return;
		}
		sched_yield();
	}
}

static void *thread_b(void *arg)
{
	pid_t tid;
	if (read(tid_fds[0], &tid, sizeof tid) != (ssize_t)sizeof tid)
		_exit(91);
	char path[64];
	snprintf(path, sizeof path, "/proc/self/task/%d/syscall", (int)tid);
	wait_a_in_read(path);
	if (atomic_load(&a_done)) /* natively: A never blocked */
		syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGALRM);
	else
		syscall(SYS_tgkill, getpid(), tid, SIGALRM);
	for (int spins = 0; atomic_load(&alarms) < 1; spins++) {
		if (spins >= MAX_SPINS) {
			b_gave_up = 1;
			break;
		}
		sched_yield();
	}
	if (restart) {
		wait_a_in_read(path);
		if (write(data_fds[1], "hello", 5) != 5)
			_exit(92);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "norestart") == 0)
		restart = 0;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_alarm;
	sa.sa_flags = restart ? SA_RESTART : 0;
	if (sigaction(SIGALRM, &sa, NULL) != 0)
		return 1;
	if (pipe(data_fds) != 0 || pipe(tid_fds) != 0)
		return 1;
	pthread_t a, b;
	if (pthread_create(&a, NULL, thread_a, NULL) != 0 ||
	    pthread_create(&b, NULL, thread_b, NULL) != 0)
		return 1;
	pthread_join(a, NULL);
	pthread_join(b, NULL);

	if (a_ret < 0 && a_errno == EINTR)
		printf("A got EINTR\n");
	else if (a_ret < 0)
		printf("A got error %d\n", a_errno);
	else if (a_buf[0] != '\0' && a_ret <= 5)
		printf("A got %ld: %.*s\n", a_ret, (int)a_ret, a_buf);
	else
		printf("A got no read\n");
	printf("alarms %d\n", atomic_load(&alarms));
	if (b_gave_up)
		printf("B gave up waiting\n");
	return 0;
}
