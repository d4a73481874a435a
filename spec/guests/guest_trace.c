/* guest_trace: the guest installs its own seccomp filter that returns
 * SECCOMP_RET_TRACE for getppid and for getuid (a call revel's own filter
 * traces too). With no tracer that asks for seccomp stops the kernel fails
 * such a call with ENOSYS; a tracer that is not the guest's own must give
 * the guest the same. Other calls are allowed.
 * Expected stdout: "getppid: ENOSYS\ngetuid: ENOSYS\ngetpid ok\n", exit 0. */
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
#include <unistd.h>

static void report(const char *name, long nr)
{
	errno = 0;
	long r = syscall(nr);
	if (r < 0)
		printf("%s: %s\n", name, errno == ENOSYS ? "ENOSYS" : strerror(errno));
	else
		printf("%s: ran\n", name);
}

int main(void)
{
	struct sock_filter code[] = {
	    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
	    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
	    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
	    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_getppid, 2, 0),
	    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_getuid, 1, 0),
	    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | 0x123),
	};
	struct sock_fprog prog = {sizeof code / sizeof code[0], code};
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0) {
		perror("seccomp");
		return 1;
	}
	report("getppid", SYS_getppid);
	report("getuid", SYS_getuid);
	if (syscall(SYS_getpid) > 0)
		printf("getpid ok\n");
	return 0;
}
