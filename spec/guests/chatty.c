/* chatty: makes N getppid calls (argv[1], default 2000), so that a trace of
 * it is far larger than one output buffer, then writes "chatty: N calls" on
 * stdout (a write that fails is not its concern) and exits with argv[2]
 * (default 0). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 2000;
	int status = argc > 2 ? atoi(argv[2]) : 0;
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	printf("chatty: %ld calls\n", n);
	return status;
}
