/* getppid_wrap: calls libc's getppid() (mov $110,%eax; syscall: the site
 * form --backend=guest rewrites) N times (argv[1], default 1000) and prints
 * "forged=F real=R": how many answers were 4242 (a tool's) and how many the
 * real parent pid. Exit 0. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000, forged = 0, real = 0;
	pid_t parent = getppid();
	for (long i = 0; i < n; i++) {
		pid_t p = getppid();
		if (p == 4242)
			forged++;
		else if (p == parent)
			real++;
	}
	printf("forged=%ld real=%ld\n", forged, real);
	return 0;
}
