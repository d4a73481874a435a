/* style_io: the calls the output style options show: writev and readv on a
 * file (-e read=, -e write= dumps of vectors), a TCP connection over
 * loopback and a unix socketpair (-yy: addresses, peers), /dev/null (-yy:
 * the device numbers), getpid, getppid and kill (-Y: pids with names).
 * argv[1]: a scratch file to write and read back.
 * Expected: prints "abcdefgh" and exits 0. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	char a[] = "ab", b[] = "cdefgh\n";
	struct iovec w[2] = {{a, 2}, {b, 7}};
	int fd = open(argv[1], O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || writev(fd, w, 2) != 9 || lseek(fd, 0, SEEK_SET) != 0)
		return 1;
	char r1[3], r2[16];
	struct iovec rv[2] = {{r1, 3}, {r2, sizeof r2}};
	if (readv(fd, rv, 2) != 9 || writev(1, w, 2) != 9)
		return 1;
	close(fd);

	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in sa;
	socklen_t len = sizeof sa;
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (s < 0 || bind(s, (struct sockaddr *)&sa, sizeof sa) || listen(s, 1) ||
	    getsockname(s, (struct sockaddr *)&sa, &len))
		return 1;
	int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (c < 0 || connect(c, (struct sockaddr *)&sa, sizeof sa))
		return 1;
	int d = accept4(s, NULL, NULL, SOCK_CLOEXEC);
	char x[4];
	if (d < 0 || send(c, "hi", 2, 0) != 2 || recv(d, x, sizeof x, 0) != 2)
		return 1;
	close(d);
	close(c);
	close(s);

	int sp[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp) || write(sp[0], "x", 1) != 1 ||
	    read(sp[1], x, 1) != 1)
		return 1;
	close(sp[0]);
	close(sp[1]);

	int n = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (n < 0 || write(n, "z", 1) != 1)
		return 1;
	close(n);

	if (getppid() <= 0 || kill(getpid(), 0))
		return 1;
	int pfd = (int)syscall(SYS_pidfd_open, getpid(), 0);
	if (pfd >= 0) /* absent before Linux 5.3: then nothing to show */
		close(pfd);
	return 0;
}
