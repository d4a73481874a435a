/* static_hello: a statically linked program (the build links it -static):
 * prints "static hello N" with N = getppid() != 0, exit 3. The in-guest
 * backend cannot preload into it: --backend=guest refuses it as a command,
 * auto runs it under ptrace, and exec'd from a guest it is named. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	printf("static hello %d\n", getppid() != 0);
	return 3;
}
