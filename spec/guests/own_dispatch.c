/* own_dispatch: the guest turns on Syscall User Dispatch itself
 * (prctl(PR_SET_SYSCALL_USER_DISPATCH)) with a SIGSYS handler of its own that
 * answers getppid with 4242, as an emulator would. Checks, each one line:
 *   - with its selector at BLOCK, getppid from outside its range goes to its
 *     handler (si_code SYS_USER_DISPATCH, si_syscall, si_call_addr right
 *     after the syscall instruction, the call not run);
 *   - at ALLOW, and from inside its range at BLOCK, the call runs;
 *   - a thread (pthread) and a forked child do not inherit it;
 *   - PR_SYS_DISPATCH_OFF ends it; a bad mode is EINVAL.
 * Prints the lines below and exits 0 (1..9 when a step cannot run):
 *   dispatched 3 code 2 nr ok addr ok
 *   allowed real
 *   in range real
 *   thread real
 *   child real
 *   off real
 *   bad mode EINVAL */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#define SUD 59 /* PR_SET_SYSCALL_USER_DISPATCH */
#define ALLOW 0
#define BLOCK 1

static volatile char sel = ALLOW;
static volatile int hits, code_ok = -1, nr_ok = 1, addr_ok = 1;
static volatile unsigned long last_after;

/* getppid from a fixed instruction; its address after the syscall */
extern char ppid_after[], in_range_start[], in_range_after[];
__asm__(".text\n"
        "ppid_call: mov $110, %eax\n"
        "syscall\n"
        "ppid_after: ret\n"
        "in_range_start: mov $110, %eax\n"
        "syscall\n"
        "in_range_after: ret\n");
extern long ppid_call(void), in_range_start_fn(void) __asm__("in_range_start");

static void on_sigsys(int sig, siginfo_t *si, void *ucv)
{
	sel = ALLOW;
	(void)sig;
	ucontext_t *uc = ucv;
	hits++;
	code_ok = si->si_code;
	if (si->si_syscall != SYS_getppid || uc->uc_mcontext.gregs[REG_RAX] != SYS_getppid)
		nr_ok = 0;
	if ((unsigned long)si->si_call_addr != (unsigned long)ppid_after)
		addr_ok = 0;
	uc->uc_mcontext.gregs[REG_RAX] = 4242;
	/* sel back to BLOCK is the interrupted code's business */
}

static const char *kind(long r)
{
	return r == 4242 ? "dispatched" : r == getppid() ? "real" : "wrong";
}

static volatile long thread_r;
static volatile int thread_done;

static void *thread_main(void *arg)
{
	(void)arg;
	sel = BLOCK;
	thread_r = ppid_call(); /* its own thread: no dispatch */
	sel = ALLOW;
	thread_done = 1;
	return NULL;
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_sigsys;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGSYS, &sa, NULL))
		return 1;
	/* the range: in_range_start's two instructions only */
	unsigned long start = (unsigned long)in_range_start;
	/* the kernel compares the address after the syscall instruction */
	unsigned long len = (unsigned long)in_range_after - start + 1;
	if (prctl(SUD, 1, start, len, &sel))
		return 2;
	long r[3];
	for (int i = 0; i < 3; i++) {
		sel = BLOCK;
		r[i] = ppid_call();
		sel = ALLOW;
	}
	printf("dispatched %d code %d nr %s addr %s\n", hits, code_ok, nr_ok ? "ok" : "bad",
	       addr_ok ? "ok" : "bad");
	for (int i = 0; i < 3; i++)
		if (r[i] != 4242)
			return 3;
	printf("allowed %s\n", kind(ppid_call()));
	sel = BLOCK;
	long in = in_range_start_fn();
	sel = ALLOW;
	printf("in range %s\n", kind(in));

	pthread_t t;
	if (pthread_create(&t, NULL, thread_main, NULL))
		return 4;
	while (!thread_done) /* no call meanwhile: the selector is shared */
		;
	if (pthread_join(t, NULL))
		return 5;
	printf("thread %s\n", kind(thread_r));
	fflush(stdout);

	pid_t pid = fork();
	if (pid < 0)
		return 6;
	if (pid == 0) {
		sel = BLOCK;
		long c = ppid_call();
		sel = ALLOW;
		printf("child %s\n", c == 4242 ? "dispatched" : c == getppid() ? "real" : "wrong");
		fflush(stdout);
		_exit(0);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return 7;

	if (prctl(SUD, 0, 0, 0, 0))
		return 8;
	sel = BLOCK;
	long off = ppid_call();
	sel = ALLOW;
	printf("off %s\n", kind(off));
	errno = 0;
	if (prctl(SUD, 7, 0, 0, 0) != -1)
		return 9;
	printf("bad mode %s\n", errno == EINVAL ? "EINVAL" : strerror(errno));
	return 0;
}
