/* raw_clone: threads made with raw clone (CLONE_VM|CLONE_THREAD), not
 * pthread_create: two on their creator's TLS (no CLONE_SETTLS) and two with a
 * TLS of this program's own making (CLONE_SETTLS, a plain zeroed area). Each
 * makes 100 + 10*i getppid calls and writes one line; the threads run at once
 * with the main thread, which makes its own getppid calls meanwhile, and then
 * waits for each through CLONE_CHILD_CLEARTID's futex wake. The threads'
 * code touches no TLS (no errno, no stdio): it is what such a thread could
 * do natively. Prints each thread's line (in thread order: each waits for
 * the one before), then "main done". Exits 0, or 2..4 on a failure.
 * argv[1] "shared" or "own": only the threads of that kind. */
#define _GNU_SOURCE
#include <linux/futex.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define NT 4
#define STACK (64 * 1024)

static char stacks[NT][STACK] __attribute__((aligned(16)));
static char tls_area[NT][8192] __attribute__((aligned(64)));
static volatile int ctid[NT];
static volatile int turn; /* the thread whose line comes next */

static long raw(long nr, long a1, long a2, long a3)
{
	long r;
	register long r10 __asm__("r10") = 0;
	__asm__ volatile("syscall"
	                 : "=a"(r)
	                 : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10)
	                 : "rcx", "r11", "memory");
	return r;
}

static int thread_main(void *arg)
{
	int i = (int)(intptr_t)arg;
	for (int k = 0; k < 100 + 10 * i; k++)
		raw(SYS_getppid, 0, 0, 0);
	while (turn != i)
		raw(SYS_sched_yield, 0, 0, 0);
	char line[] = "thread 0 done\n";
	line[7] = (char)('0' + i);
	raw(SYS_write, 1, (long)line, sizeof line - 1);
	turn = i + 1;
	return 0; /* clone()'s wrapper calls exit */
}

int main(int argc, char **argv)
{
	/* argv[1] "shared": only the threads on this TLS; "own": only those
	 * with their own */
	int from = 0, to = NT;
	if (argc > 1 && !strcmp(argv[1], "shared"))
		to = 2;
	if (argc > 1 && !strcmp(argv[1], "own"))
		from = turn = 2;
	for (int i = from; i < to; i++) {
		int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
		            CLONE_SYSVSEM | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID;
		void *tls = NULL;
		if (i >= 2) {
			flags |= CLONE_SETTLS;
			tls = tls_area[i] + 4096;
		}
		ctid[i] = -1;
		if (clone(thread_main, stacks[i] + STACK, flags, (void *)(intptr_t)i, NULL, tls,
		          &ctid[i]) < 0)
			return 2;
	}
	for (int k = 0; k < 50; k++)
		getppid();
	for (int i = from; i < to; i++) {
		int t;
		while ((t = ctid[i]) != 0)
			syscall(SYS_futex, &ctid[i], FUTEX_WAIT, t, NULL, NULL, 0);
	}
	if (turn != to)
		return 3;
	if (write(1, "main done\n", 10) != 10)
		return 4;
	return 0;
}
