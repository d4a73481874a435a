/* altstack_calls: a signal handler on a small sigaltstack (16 KiB, a guard
 * page below it) makes syscalls: raise(SIGUSR1) N times (argv[1], default
 * 10); the handler checks it runs on that stack and calls
 * syscall(SYS_getppid) and getppid(). Prints "handler ran N times on its
 * sigaltstack" and exits 0 (1 if it ran elsewhere). A tool's handler for
 * those calls must not run on that stack: it could overflow it. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define ALT (16 * 1024)

static char *alt;
static volatile int ran, elsewhere;

static void on_usr1(int sig)
{
	(void)sig;
	char here;
	if (&here < alt || &here >= alt + ALT)
		elsewhere++;
	syscall(SYS_getppid);
	getppid();
	ran++;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 10;
	char *m =
	    mmap(NULL, ALT + 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED || mprotect(m, 4096, PROT_NONE) != 0)
		return 2;
	alt = m + 4096;
	stack_t ss = {.ss_sp = alt, .ss_size = ALT, .ss_flags = 0};
	if (sigaltstack(&ss, NULL) != 0)
		return 2;
	struct sigaction sa = {0};
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGUSR1, &sa, NULL) != 0)
		return 2;
	for (int i = 0; i < n; i++)
		raise(SIGUSR1);
	if (elsewhere) {
		printf("handler ran %d times off its sigaltstack\n", elsewhere);
		return 1;
	}
	printf("handler ran %d times on its sigaltstack\n", ran);
	return 0;
}
