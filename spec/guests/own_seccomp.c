/* own_seccomp: the guest installs its own seccomp filter (hand-written
 * classic BPF, PR_SET_NO_NEW_PRIVS + seccomp(SECCOMP_SET_MODE_FILTER)) that
 * makes getppid fail with EPERM and allows everything else. Then getppid
 * fails with EPERM, getpid still works, and a forked child inherits the
 * filter. Under a tracer that also filters getppid (SECCOMP_RET_TRACE) the
 * kernel applies the most restrictive result, ERRNO beats TRACE, so the
 * guest sees EPERM either way (and the tracer sees no getppid stop).
 * Exercises: stacked seccomp filters, SECCOMP_RET_ERRNO, filter inheritance
 * across fork, /proc/self/status Seccomp field.
 * Expected stdout:
 *   seccomp mode 2
 *   getppid: EPERM
 *   getpid ok
 *   child getppid: EPERM
 * exit 0. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int seccomp_mode(void)
{
	char line[256];
	int mode = -1;
	FILE *f = fopen("/proc/self/status", "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "Seccomp: %d", &mode) == 1)
			break;
	fclose(f);
	return mode;
}

static const char *getppid_result(void)
{
	errno = 0;
	long r = syscall(SYS_getppid);
	if (r < 0 && errno == EPERM)
		return "EPERM";
	return r < 0 ? strerror(errno) : "returned a pid";
}

int main(void)
{
	struct sock_filter code[] = {
	    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
	    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
	    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
	    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_getppid, 0, 1),
	    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
	    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = {.len = sizeof code / sizeof code[0], .filter = code};
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		perror("PR_SET_NO_NEW_PRIVS");
		return 1;
	}
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
		perror("seccomp");
		return 1;
	}
	printf("seccomp mode %d\n", seccomp_mode());
	printf("getppid: %s\n", getppid_result());
	pid_t me = getpid();
	printf("getpid %s\n", me > 0 && me == (pid_t)syscall(SYS_getpid) ? "ok" : "odd");

	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		printf("child getppid: %s\n", getppid_result());
		fflush(stdout);
		_exit(0);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		printf("child status odd\n");
	return 0;
}
