/* net_echo: a TCP echo over loopback. The parent listens on 127.0.0.1 (a
 * port the kernel picks), forks a client that connects, sends "ping" and
 * reads the echo back; the parent accepts, echoes, and waits for the child.
 * Exercises: socket, setsockopt, bind, listen, getsockname, accept4,
 * connect, sendto, recvfrom, shutdown, wait4 and SIGCHLD.
 * Expected: prints "echo ping" and exits 0. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int one = 1, s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in a;
	socklen_t len = sizeof a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (s < 0 || setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
	    bind(s, (struct sockaddr *)&a, sizeof a) || listen(s, 4) ||
	    getsockname(s, (struct sockaddr *)&a, &len))
		return 1;
	pid_t child = fork();
	if (child == 0) {
		char buf[16];
		int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (c < 0 || connect(c, (struct sockaddr *)&a, sizeof a) ||
		    sendto(c, "ping", 4, 0, NULL, 0) != 4)
			_exit(2);
		ssize_t n = recvfrom(c, buf, sizeof buf, 0, NULL, NULL);
		if (n != 4 || memcmp(buf, "ping", 4))
			_exit(3);
		close(c);
		_exit(0);
	}
	struct sockaddr_in peer;
	socklen_t plen = sizeof peer;
	char buf[16];
	int c = accept4(s, (struct sockaddr *)&peer, &plen, SOCK_CLOEXEC);
	ssize_t n = c < 0 ? -1 : recvfrom(c, buf, sizeof buf, 0, NULL, NULL);
	if (n != 4 || sendto(c, buf, 4, MSG_NOSIGNAL, NULL, 0) != 4)
		return 4;
	int status;
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status))
		return 5;
	shutdown(c, SHUT_RDWR);
	close(c);
	close(s);
	printf("echo %.4s\n", buf);
	return 0;
}
