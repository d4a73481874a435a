/* siginfo_self: a SIGUSR1 handler (SA_SIGINFO) notes who sent the signal and
 * how; main makes one getppid() and prints "signal from self SI_TKILL" when
 * the signal it got came from its own process by tgkill, else what it was
 * ("no signal" when none came). Natively nothing sends it: a tool does, by
 * injecting tgkill into the guest (held_signal_spec), and the sender must
 * stay the guest even when revel held the signal while it injected. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile sig_atomic_t got, code;
static volatile pid_t from;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	got = 1;
	from = si->si_pid;
	code = si->si_code;
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGUSR1, &sa, NULL) != 0)
		return 2;
	syscall(SYS_getppid);
	if (!got)
		printf("no signal\n");
	else if (from == getpid() && code == SI_TKILL)
		printf("signal from self SI_TKILL\n");
	else
		printf("signal from %s, si_code %d\n",
		       from == getpid() ? "self" : "another process", (int)code);
	return 0;
}
