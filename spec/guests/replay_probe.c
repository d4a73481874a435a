/* replay_probe: four rounds of calls a fault log can name, each result on
 * stdout: openat of /etc/hostname ("open: fd" or "open: -1 ENAME"), read of
 * 64 bytes from it ("read: N" or the errno name), close, getppid ("ppid" when
 * it is the real parent, else the value), chdir("/") and a write of 6 bytes
 * to /dev/null. SIGUSR1 prints "usr1" at the end of its round. Exit 0. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile sig_atomic_t usr1;

static void on_usr1(int sig)
{
	(void)sig;
	usr1++;
}

static void say(const char *what, long r, int err)
{
	if (r < 0)
		printf("%s: -1 %s\n", what, strerrorname_np(err) ? strerrorname_np(err) : "?");
	else
		printf("%s: %ld\n", what, r);
}

int main(void)
{
	signal(SIGUSR1, on_usr1);
	long parent = getppid();
	int null = open("/dev/null", O_WRONLY);
	for (int i = 0; i < 4; i++) {
		char buf[64];
		errno = 0;
		int fd = open("/etc/hostname", O_RDONLY);
		say("open", fd, errno);
		if (fd >= 0) {
			errno = 0;
			ssize_t n = read(fd, buf, sizeof buf);
			say("read", n > 0 ? 1 : n, errno); /* the host's name is not the point */
			close(fd);
		}
		errno = 0;
		long r = syscall(SYS_getppid);
		if (r == parent)
			printf("getppid: ppid\n");
		else
			say("getppid", r, errno);
		errno = 0;
		r = chdir("/");
		say("chdir", r, errno);
		errno = 0;
		r = write(null, "hello\n", 6);
		say("write", r, errno);
		if (usr1) {
			printf("usr1 x%d\n", (int)usr1);
			usr1 = 0;
		}
		fflush(stdout);
	}
	return 0;
}
