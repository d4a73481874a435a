/* fifo_wait: calls getppid N times, prints "before", waits until a byte can
 * be read from the fifo argv[1], then calls getppid N times more and getpid
 * once, and prints "after". A spec changes things (a tool file) while the
 * guest waits, then lets it go on. N = argv[2], default 3. Exit 0; 2 when the
 * fifo cannot be read. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	int n = argc > 2 ? atoi(argv[2]) : 3;
	for (int i = 0; i < n; i++)
		syscall(SYS_getppid);
	printf("before\n");
	fflush(stdout);
	int fd = open(argv[1], O_RDONLY);
	char c;
	if (fd < 0 || read(fd, &c, 1) != 1)
		return 2;
	close(fd);
	for (int i = 0; i < n; i++)
		syscall(SYS_getppid);
	syscall(SYS_getpid);
	printf("after\n");
	return 0;
}
