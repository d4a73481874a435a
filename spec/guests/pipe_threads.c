/* pipe_threads: thread A calls syscall(SYS_getppid, pipe_rd, buf, 5); a tool
 * turns that getppid into read(pipe_rd, buf, 5) by injection, so A blocks.
 * Thread B loops calling getppid once per iteration and polling
 * /proc/self/task/<A's tid>/syscall until its first field is "0" (A sits in
 * read) or A has finished, then writes "hello" into the pipe.
 * Main joins both and prints from the stored results (fixed order).
 * Exercises: syscall replacement/injection in one thread while another
 * thread keeps making (intercepted) syscalls.
 * Natively A's getppid just returns the ppid and leaves buf untouched, so A
 * is reported by whether buf received data, not by the value of N.
 * Expected native stdout:        Under the tool:
 *   A got no read                  A got 5: hello
 *   B wrote                        B wrote
 * exit 0. If B gives up (after MAX_SPINS polls) it says so instead. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_SPINS 200000

static int data_fds[2], tid_fds[2];
static atomic_int a_done;
static long a_ret;
static char a_buf[8];
static int b_gave_up;

static void *thread_a(void *arg)
{
	pid_t tid = (pid_t)syscall(SYS_gettid);
	if (write(tid_fds[1], &tid, sizeof tid) != (ssize_t)sizeof tid)
		_exit(90);
	memset(a_buf, 0, sizeof a_buf);
	a_ret = syscall(SYS_getppid, (long)data_fds[0], a_buf, 5L);
	atomic_store(&a_done, 1);
	return NULL;
}

/* 1 if A is in read (nr 0) or gone, 0 otherwise. */
static int a_blocked_or_gone(const char *path)
{
	char buf[64];
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return 1; /* task already gone */
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return buf[0] == '0' && (buf[1] == ' ' || buf[1] == '\n');
}

static void *thread_b(void *arg)
{
	pid_t tid;
	if (read(tid_fds[0], &tid, sizeof tid) != (ssize_t)sizeof tid)
		_exit(91);
	char path[64];
	snprintf(path, sizeof path, "/proc/self/task/%d/syscall", (int)tid);
	int spins = 0;
	for (;;) {
		syscall(SYS_getppid);
		if (atomic_load(&a_done) || a_blocked_or_gone(path))
			break;
		if (++spins >= MAX_SPINS) {
			b_gave_up = 1;
			break;
		}
	}
	if (write(data_fds[1], "hello", 5) != 5)
		_exit(92);
	return NULL;
}

int main(void)
{
	if (pipe(data_fds) != 0 || pipe(tid_fds) != 0)
		return 1;
	pthread_t a, b;
	if (pthread_create(&a, NULL, thread_a, NULL) != 0 ||
	    pthread_create(&b, NULL, thread_b, NULL) != 0)
		return 1;
	pthread_join(a, NULL);
	pthread_join(b, NULL);

	if (a_buf[0] != '\0' && a_ret >= 0 && a_ret <= 5)
		printf("A got %ld: %.*s\n", a_ret, (int)a_ret, a_buf);
	else if (a_ret < 0)
		printf("A got error\n");
	else
		printf("A got no read\n");
	printf(b_gave_up ? "B gave up waiting, then wrote\n" : "B wrote\n");
	return 0;
}
