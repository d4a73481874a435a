/* style_names: calls whose decoding names constants that the decoders print
 * themselves (not from a flag table), for -X raw and -X verbose
 * (spec/strace_lines/style.lua): utimensat's UTIME_NOW and UTIME_OMIT, a
 * futex wait with FUTEX_BITSET_MATCH_ANY, sigaltstack's SS_DISABLE,
 * prlimit64's RLIM64_INFINITY, rt_sigaction's SIG_IGN and SIG_DFL, fcntl's
 * F_GETLK lock type, mknodat's S_IFIFO mode, getdents64's d_type. Exit 0. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	char path[4096];
	snprintf(path, sizeof path, "%s/names", dir);
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return 1;
	struct timespec ts[2] = {{0, UTIME_NOW}, {0, UTIME_OMIT}};
	utimensat(AT_FDCWD, path, ts, 0);
	uint32_t word = 0;
	struct timespec zero = {0, 0};
	syscall(SYS_futex, &word, FUTEX_WAIT_BITSET, 1, &zero, NULL, FUTEX_BITSET_MATCH_ANY);
	stack_t ss = {.ss_flags = SS_DISABLE};
	sigaltstack(&ss, NULL);
	struct rlimit rl = {RLIM_INFINITY, RLIM_INFINITY};
	prlimit(0, RLIMIT_CORE, NULL, &rl);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGUSR2, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGUSR2, &sa, NULL);
	struct flock fl = {.l_type = F_RDLCK, .l_whence = SEEK_SET};
	fcntl(fd, F_GETLK, &fl);
	snprintf(path, sizeof path, "%s/fifo", dir);
	unlink(path);
	mknodat(AT_FDCWD, path, S_IFIFO | 0600, 0);
	unlink(path);
	int d = open(dir, O_RDONLY | O_DIRECTORY);
	char buf[4096];
	syscall(SYS_getdents64, d, buf, sizeof buf);
	close(d);
	close(fd);
	return 0;
}
