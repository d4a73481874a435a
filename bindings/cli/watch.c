/* watch.c: the tick and the file stamp of revel --watch (see watch.h). The
 * tick's timer is not inherited by the guest (fork drops timers) and its
 * handler is reset by execve. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include "watch.h"

static volatile sig_atomic_t ticked;
static struct sigaction old_alarm;
static int ticking;

static void on_tick(int sig)
{
	ticked = 1;
}

int revel_tick_start(int ms)
{
	if (ms <= 0)
		return -EINVAL;
	if (!ticking) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_tick;
		sigemptyset(&sa.sa_mask);
		sa.sa_flags = 0; /* interrupt waitpid: the loop must wake */
		if (sigaction(SIGALRM, &sa, &old_alarm) < 0)
			return -errno;
	}
	struct itimerval it;
	it.it_interval.tv_sec = ms / 1000;
	it.it_interval.tv_usec = (ms % 1000) * 1000;
	it.it_value = it.it_interval;
	if (setitimer(ITIMER_REAL, &it, NULL) < 0)
		return -errno;
	ticking = 1;
	return 0;
}

void revel_tick_stop(void)
{
	if (!ticking)
		return;
	struct itimerval it;
	memset(&it, 0, sizeof it);
	setitimer(ITIMER_REAL, &it, NULL);
	sigaction(SIGALRM, &old_alarm, NULL);
	ticking = 0;
	ticked = 0;
}

int revel_tick_take(void)
{
	if (!ticked)
		return 0;
	ticked = 0;
	return 1;
}

int revel_file_stamp(const char *path, double out[4])
{
	struct stat st;
	if (stat(path, &st) < 0)
		return -errno;
	out[0] = (double)st.st_mtim.tv_sec;
	out[1] = (double)st.st_mtim.tv_nsec;
	out[2] = (double)st.st_size;
	out[3] = (double)st.st_ino;
	return 0;
}
