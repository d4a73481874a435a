/* getppid_loop: calls syscall(SYS_getppid) N times (N = argv[1], default
 * 200000) and prints nothing. Used by benchmarks to measure the per-syscall
 * interception overhead. Exit 0 (2 on a bad argument). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = 200000;
	if (argc > 1) {
		char *end;
		n = strtol(argv[1], &end, 10);
		if (*argv[1] == '\0' || *end != '\0' || n < 0)
			return 2;
	}
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	return 0;
}
