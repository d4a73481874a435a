/* decode_gaps: one call of each kind issue 11 found decoded short, for
 * spec/strace_lines/gaps.lua to compare with strace: sendmsg with
 * SCM_RIGHTS and SCM_CREDENTIALS, rt_sigtimedwait, pselect6 and select with
 * a ready fd, utimensat, utimes, futimesat, utime, time, times, chmod,
 * faccessat2 with AT_EACCESS, pipe2 and
 * socketpair (their fds, for -y). Works in $TMPDIR (the spec's own
 * directory), else the current one; prints "ok" and exits 0. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <time.h>
#include <utime.h>
#include <unistd.h>

static void send_cmsgs(void)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		return;
	int one = 1;
	setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof one);
	char data[] = "x";
	struct iovec iov = {data, 1};
	union {
		char buf[CMSG_SPACE(sizeof(int)) + CMSG_SPACE(sizeof(struct ucred))];
		struct cmsghdr align;
	} u;
	memset(&u, 0, sizeof u);
	struct msghdr m = {0};
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = u.buf;
	m.msg_controllen = sizeof u.buf;
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	int fd = 0;
	memcpy(CMSG_DATA(c), &fd, sizeof fd);
	c = CMSG_NXTHDR(&m, c);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_CREDENTIALS;
	c->cmsg_len = CMSG_LEN(sizeof(struct ucred));
	/* Fixed ids (root's): a pid would differ between runs. The kernel
	 * checks them; an unprivileged run gets EPERM, printed the same. */
	struct ucred cr = {0, 0, 0};
	cr.pid = getpid();
	memcpy(CMSG_DATA(c), &cr, sizeof cr);
	sendmsg(sv[0], &m, 0);
	/* The same control data with only the fd, which any user may send. */
	m.msg_controllen = CMSG_SPACE(sizeof(int));
	sendmsg(sv[0], &m, MSG_DONTWAIT);
	close(sv[0]);
	close(sv[1]);
}

int main(void)
{
	const char *dir = getenv("TMPDIR");
	if (dir && chdir(dir) != 0)
		return 1;
	send_cmsgs();

	/* A pending SIGUSR2, blocked: rt_sigtimedwait returns it at once. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR2);
	struct timespec ts = {1, 0};
	sigtimedwait(&set, NULL, &ts);
	kill(getpid(), SIGUSR2);
	siginfo_t si;
	sigtimedwait(&set, &si, &ts);

	int p[2];
	if (pipe2(p, O_CLOEXEC) != 0)
		return 1;
	if (write(p[1], "y", 1) != 1)
		return 1;
	fd_set rd;
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	struct timespec pts = {5, 0};
	pselect(p[0] + 1, &rd, NULL, NULL, &pts, NULL);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	struct timeval tv = {5, 0};
	select(p[0] + 1, &rd, NULL, NULL, &tv);
	/* select itself (glibc's select is pselect6), a set ready to write. */
	fd_set wr;
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	FD_ZERO(&wr);
	FD_SET(p[1], &wr);
	syscall(SYS_select, p[1] + 1, &rd, &wr, NULL, &tv);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	syscall(SYS_select, p[0] + 1, &rd, NULL, NULL, NULL);
	close(p[0]);
	close(p[1]);

	int f = open("gaps.tmp", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	if (f < 0)
		return 1;
	close(f);
	struct timespec times2[2] = {{1000000000, 0}, {1000000000, 500}};
	utimensat(AT_FDCWD, "gaps.tmp", times2, 0);
	struct timespec now2[2] = {{0, UTIME_NOW}, {0, UTIME_OMIT}};
	utimensat(AT_FDCWD, "gaps.tmp", now2, 0);
	/* The older calls glibc no longer makes for utime and utimes. */
	struct timeval tv2[2] = {{1000000000, 5}, {1000000001, 0}};
	syscall(SYS_utimes, "gaps.tmp", tv2);
	syscall(SYS_futimesat, AT_FDCWD, "gaps.tmp", tv2);
	struct utimbuf ub = {1000000000, 1000000002};
	syscall(SYS_utime, "gaps.tmp", &ub);
	time_t now;
	syscall(SYS_time, &now);
	chmod("gaps.tmp", 0100744);
	chmod("gaps.tmp", 0600);
	syscall(SYS_faccessat2, AT_FDCWD, "gaps.tmp", R_OK, AT_EACCESS);
	syscall(SYS_faccessat2, AT_FDCWD, "gaps.tmp", W_OK, AT_EACCESS | AT_SYMLINK_NOFOLLOW);
	unlink("gaps.tmp");
	struct tms t;
	times(&t);
	puts("ok");
	return 0;
}
