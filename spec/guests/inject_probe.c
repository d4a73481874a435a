/* inject_probe: makes calls whose results it prints, so fault injection shows
 * in its output: 6 getppid (the value, or its errno name; the pid itself is
 * printed as "ppid" when it is the real parent's), 3 chdir("/tmp"), one open
 * of /etc/hostname, one write to /dev/null; a SIGUSR1 handler prints "usr1".
 * A getppid result other than the parent's pid is printed as is. */
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
	usr1++;
}

static void report(const char *what, long r, int err)
{
	if (r < 0)
		printf("%s: -1 %s\n", what, strerrorname_np(err) ? strerrorname_np(err) : "?");
	else
		printf("%s: %ld\n", what, r);
	if (usr1) {
		printf("usr1 x%d\n", (int)usr1);
		usr1 = 0;
	}
	fflush(stdout);
}

int main(void)
{
	signal(SIGUSR1, on_usr1);
	/* The real parent, from /proc: a getppid here could be a faulted one. */
	long parent = -1;
	FILE *st = fopen("/proc/self/stat", "r");
	if (!st || fscanf(st, "%*d (%*[^)]) %*c %ld", &parent) != 1)
		return 2;
	fclose(st);
	for (int i = 0; i < 6; i++) {
		errno = 0;
		long r = syscall(SYS_getppid);
		if (r == parent)
			printf("getppid: ppid\n");
		else
			report("getppid", r, errno);
		fflush(stdout);
	}
	for (int i = 0; i < 3; i++) {
		errno = 0;
		long r = chdir("/tmp");
		report("chdir", r, errno);
	}
	errno = 0;
	int fd = open("/etc/hostname", O_RDONLY);
	report("open", fd < 0 ? -1 : 3, errno);
	if (fd >= 0)
		close(fd);
	int null = open("/dev/null", O_WRONLY);
	errno = 0;
	report("write", write(null, "abcdef", 6), errno);
	return 0;
}
