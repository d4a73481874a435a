/* echo_server: a multithreaded TCP echo server, for attaching to (revel -p).
 * Listens on 127.0.0.1 (a port the kernel picks) and writes the port to
 * argv[1] once it serves. Four threads accept connections and echo every
 * line back until the client closes. Before that it blocks SIGUSR1 and
 * sends it to itself, so a SIGUSR1 stays pending in the process for as
 * long as it lives (a detach must leave it so: /proc/PID/status ShdPnd,
 * SigBlk). Runs until killed. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define WORKERS 4

static int lsock;

static void serve(int c)
{
	char buf[4096];
	ssize_t n;
	while ((n = read(c, buf, sizeof buf)) > 0) {
		ssize_t off = 0;
		while (off < n) {
			ssize_t w = write(c, buf + off, (size_t)(n - off));
			if (w <= 0)
				return;
			off += w;
		}
	}
}

static void *worker(void *arg)
{
	(void)arg;
	for (;;) {
		int c = accept4(lsock, NULL, NULL, SOCK_CLOEXEC);
		if (c < 0)
			continue;
		serve(c);
		close(c);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: echo_server PORTFILE\n");
		return 2;
	}
	sigset_t usr1;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &usr1, NULL); /* the workers inherit it */
	kill(getpid(), SIGUSR1);                 /* pending, in the process */
	int one = 1;
	lsock = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in a;
	socklen_t len = sizeof a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (lsock < 0 || setsockopt(lsock, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
	    bind(lsock, (struct sockaddr *)&a, sizeof a) || listen(lsock, 64) ||
	    getsockname(lsock, (struct sockaddr *)&a, &len))
		return 1;
	pthread_t t[WORKERS];
	for (int i = 0; i < WORKERS; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
	FILE *f = fopen(tmp, "w");
	if (!f)
		return 1;
	fprintf(f, "%d\n", ntohs(a.sin_port));
	fclose(f);
	rename(tmp, argv[1]); /* whole, or not there */
	for (int i = 0; i < WORKERS; i++)
		pthread_join(t[i], NULL);
	return 0;
}
