/* many_writes: writes "line K\n" for K = 1..N (N = argv[1], default 5) to
 * stdout with exactly one write(2) per line. Used to count write syscalls.
 * Exit 0 (2 on a bad argument, 1 on a failed/short write). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = 5;
	if (argc > 1) {
		char *end;
		n = strtol(argv[1], &end, 10);
		if (*argv[1] == '\0' || *end != '\0' || n < 0)
			return 2;
	}
	for (long k = 1; k <= n; k++) {
		char buf[32];
		int len = snprintf(buf, sizeof buf, "line %ld\n", k);
		if (write(1, buf, (size_t)len) != len)
			return 1;
	}
	return 0;
}
