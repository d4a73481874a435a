/* exit_group_refused: calls exit_group(3); if that returns (an inject rule
 * failed it), writes "exit_group returned -1 ENOSYS" (or what it got) and
 * ends the thread with exit(4). Natively: no output, exit 3. Under
 * -e inject=exit_group:error=ENOSYS: the line on stdout, exit 4; the trace
 * shows exit_group's result, then exit(4) = ?. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	long r = syscall(SYS_exit_group, 3);
	char line[64];
	int n = snprintf(line, sizeof line, "exit_group returned %ld %s\n", r,
	                 r == -1 && errno == ENOSYS ? "ENOSYS" : strerror(errno));
	if (write(1, line, (size_t)n) != n)
		syscall(SYS_exit, 5);
	syscall(SYS_exit, 4);
	return 6;
}
