/* quiet_signal MODE: the process blocks in a call (MODE "read": read of an
 * empty pipe, restarted by the kernel only after a handler with SA_RESTART;
 * "poll": poll with no timeout, never restarted after a handler) and a child
 * sends it SIGUSR1, whose handler (no SA_RESTART) counts; once the process is
 * blocked in the call again (or has returned), the child writes one byte
 * into the pipe. Natively the handler runs and the call fails with EINTR; a
 * tracer that suppresses SIGUSR1 makes the kernel restart the call, which
 * then gets the byte. Prints "MODE: EINTR handler 1" or "MODE: 1 handler 0"
 * and exits 0 (2..6 when a step cannot run). Each call is made once before
 * (a site the in-guest library rewrites). The child reads the parent's
 * /proc/PID/syscall (and SigPnd) to know it is blocked: no sleeps. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

/* the number of the call pid is blocked in, -1 when it runs or is gone */
static long blocked_in(pid_t pid)
{
	char path[64], buf[256];
	snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -2;
	long nr = -1;
	if (!fgets(buf, sizeof buf, f) || sscanf(buf, "%ld", &nr) != 1)
		nr = -1;
	fclose(f);
	return nr;
}

static int pending_usr1(pid_t pid)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	int p = 0;
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, "SigPnd:", 7) || !strncmp(line, "ShdPnd:", 7))
			if (strtoull(line + 8, NULL, 16) & (1ull << (SIGUSR1 - 1)))
				p = 1;
	fclose(f);
	return p;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	int poll_mode = !strcmp(argv[1], "poll");
	long nr = poll_mode ? SYS_poll : SYS_read;
	int fds[2], done[2];
	if (pipe(fds) || pipe(done))
		return 3;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1; /* no SA_RESTART */
	if (sigaction(SIGUSR1, &sa, NULL))
		return 4;
	/* the same call once first (its call site is then rewritten under
	 * --backend=guest when the tool does not handle it) */
	char c0;
	struct pollfd p0 = {done[0], POLLIN, 0};
	if (write(done[1], "y", 1) != 1 || poll(&p0, 1, 0) != 1 || read(done[0], &c0, 1) != 1)
		return 4;
	pid_t parent = getpid();
	fflush(stdout);
	pid_t child = fork();
	if (child < 0)
		return 5;
	if (child == 0) {
		close(done[1]);
		while (blocked_in(parent) != nr)
			sched_yield();
		kill(parent, SIGUSR1);
		/* until the signal is taken and the call is blocked again, or the
		 * parent says it returned (done) */
		struct pollfd d = {done[0], POLLIN, 0};
		for (;;) {
			long in = blocked_in(parent); /* a poll restarted: restart_syscall */
			if (!pending_usr1(parent) && (in == nr || in == SYS_restart_syscall))
				break;
			if (poll(&d, 1, 0) == 1)
				break;
		}
		if (write(fds[1], "x", 1) != 1)
			_exit(1);
		_exit(0);
	}
	close(done[0]);
	long r;
	if (poll_mode) {
		struct pollfd p = {fds[0], POLLIN, 0};
		r = poll(&p, 1, -1);
	} else {
		char c;
		r = read(fds[0], &c, 1);
	}
	int e = errno;
	close(done[1]);
	if (r < 0)
		printf("%s: %s handler %d\n", argv[1], e == EINTR ? "EINTR" : strerror(e), handled);
	else
		printf("%s: %ld handler %d\n", argv[1], r, handled);
	int st;
	if (waitpid(child, &st, 0) != child || !WIFEXITED(st) || WEXITSTATUS(st))
		return 6;
	return 0;
}
