/* short_write: one write(fd, "hello world\n", 12) to /dev/null and prints
 * "wrote N of 12". A tool that cuts writes to fds other than 1 and 2 down to
 * count 1 makes this print "wrote 1 of 12"; natively "wrote 12 of 12".
 * Exercises: argument rewriting (rdx) on syscall entry. Exit 0. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/dev/null", O_WRONLY);
	if (fd < 0) {
		perror("open /dev/null");
		return 1;
	}
	ssize_t n = write(fd, "hello world\n", 12);
	close(fd);
	printf("wrote %zd of 12\n", n);
	return 0;
}
