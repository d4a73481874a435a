/* raw_clone_sig: two threads of raw clone (one on its creator's TLS, one
 * with a TLS of the program's own) each take a SIGUSR1 whose handler makes
 * a call (getppid), then fork a child that makes a call and exits 7, and
 * wait for it. Prints, in order:
 *   child / thread 0 signal fork 7 / child / thread 1 signal fork 7 /
 *   main done
 * (one a line) and exits 0, or 2 when a clone fails. */
#define _GNU_SOURCE
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
static char stacks[2][65536] __attribute__((aligned(16)));
static char tls_area[2][8192] __attribute__((aligned(64)));
static volatile int ctid[2], got[2], tids[2];
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
static void on_usr1(int sig)
{
	(void)sig;
	int t = (int)raw(SYS_gettid, 0, 0, 0);
	for (int i = 0; i < 2; i++)
		if (tids[i] == t)
			got[i] = 1;
	raw(SYS_getppid, 0, 0, 0);
}
static int thread_main(void *arg)
{
	int i = (int)(intptr_t)arg;
	tids[i] = (int)raw(SYS_gettid, 0, 0, 0);
	while (!got[i])
		raw(SYS_sched_yield, 0, 0, 0);
	long pid = raw(SYS_fork, 0, 0, 0);
	if (pid == 0) {
		raw(SYS_getppid, 0, 0, 0);
		raw(SYS_write, 1, (long)"child\n", 6);
		raw(SYS_exit_group, 7, 0, 0);
	}
	int st = 0;
	raw(SYS_wait4, pid, (long)&st, 0);
	char l[] = "thread 0 signal fork 0\n";
	l[7] = (char)('0' + i);
	l[21] = (char)('0' + ((st >> 8) & 0xff));
	raw(SYS_write, 1, (long)l, sizeof l - 1);
	return 0;
}
int main(void)
{
	signal(SIGUSR1, on_usr1);
	for (int i = 0; i < 2; i++) {
		int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
		            CLONE_SYSVSEM | CLONE_CHILD_CLEARTID;
		ctid[i] = -1;
		if (clone(thread_main, stacks[i] + 65536, flags | (i ? CLONE_SETTLS : 0),
		          (void *)(intptr_t)i, NULL, tls_area[i] + 4096, &ctid[i]) < 0)
			return 2;
		while (!tids[i])
			sched_yield();
		syscall(SYS_tgkill, getpid(), tids[i], SIGUSR1);
		int t;
		while ((t = ctid[i]) != 0)
			syscall(SYS_futex, &ctid[i], FUTEX_WAIT, t, NULL, NULL, 0);
	}
	write(1, "main done\n", 10);
	return 0;
}
