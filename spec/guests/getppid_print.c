/* getppid_print: prints the raw return value of syscall(SYS_getppid).
 * A tool that suppresses getppid and returns 4242 makes this print 4242;
 * natively it prints the real parent pid (so the native output varies with
 * the parent -- compare against the tool's value, not against native).
 * Exercises: syscall suppression with a forged return value. Exit 0. */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	long r = syscall(SYS_getppid);
	printf("%ld\n", r);
	return 0;
}
