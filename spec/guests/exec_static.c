/* exec_static: prints "before", then execs argv[1] with no environment (as
 * env -i would): the program must still be covered, or named. Exit: the
 * exec'd program's, 127 if the exec fails. */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	printf("before\n");
	fflush(stdout);
	char *envp[] = {NULL};
	execve(argv[1], argv + 1, envp);
	perror("execve");
	return 127;
}
