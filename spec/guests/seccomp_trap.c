/* seccomp_trap: the guest's own seccomp filter answers getppid with
 * SECCOMP_RET_TRAP and its own SIGSYS handler emulates it (4242), as a
 * sandbox's broker would; the handler makes a call of its own (getpid).
 * A forked child inherits the filter and the handler. Prints:
 *   trap 2 code 1 nr ok
 *   child trap
 *   getpid real
 * Exits 0, or 1..5 when a step cannot run. */
#define _GNU_SOURCE
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

static volatile int hits, code = -1, nr_ok = 1;

static void on_sigsys(int sig, siginfo_t *si, void *ucv)
{
	(void)sig;
	ucontext_t *uc = ucv;
	hits++;
	code = si->si_code;
	if (si->si_syscall != SYS_getppid)
		nr_ok = 0;
	uc->uc_mcontext.gregs[REG_RAX] = 4242 + 0 * syscall(SYS_getpid);
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_sigsys;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGSYS, &sa, NULL))
		return 1;
	struct sock_filter f[] = {
	    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
	    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
	    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
	    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
	    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
	    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = {sizeof f / sizeof f[0], f};
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog))
		return 2;
	long a = syscall(SYS_getppid), b = getppid();
	if (a != 4242 || b != 4242)
		return 3;
	printf("trap %d code %d nr %s\n", hits, code, nr_ok ? "ok" : "bad");
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		return 4;
	if (pid == 0) {
		printf("child %s\n", getppid() == 4242 ? "trap" : "real");
		fflush(stdout);
		_exit(0);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid)
		return 5;
	printf("getpid %s\n", syscall(SYS_getpid) == getpid() && getpid() > 0 ? "real" : "wrong");
	return 0;
}
