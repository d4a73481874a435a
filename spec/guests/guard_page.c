/* guard_page: arguments that run into a PROT_NONE page. The kernel fails
 * both calls with EFAULT; a tracer's decoder must read what the kernel
 * reads (no read through the protection) and print as strace does.
 * - openat of a path "/etc/h" with no NUL before the guard page
 * - execve of "/bin/true" with an argv whose last slot before the guard
 *   page is not NULL.
 * Expected stdout: "open: EFAULT\nexecve: EFAULT\n", exit 0. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED || mprotect(m + pg, pg, PROT_NONE) < 0) {
		perror("mmap");
		return 1;
	}
	char *path = m + pg - 6;
	memcpy(path, "/etc/h", 6);
	errno = 0;
	long r = syscall(SYS_openat, AT_FDCWD, path, O_RDONLY);
	printf("open: %s\n", r < 0 && errno == EFAULT ? "EFAULT" : "no fault");
	static char prog[] = "/bin/true", a1[] = "one";
	char **argv = (char **)(m + pg - 2 * sizeof(char *));
	argv[0] = prog;
	argv[1] = a1;
	errno = 0;
	r = syscall(SYS_execve, prog, argv, NULL);
	printf("execve: %s\n", r < 0 && errno == EFAULT ? "EFAULT" : "no fault");
	return 0;
}
