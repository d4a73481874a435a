/* term_io: the terminal ioctls on a pseudo-terminal of its own (no terminal
 * needed), for the termios rows of spec/strace_lines/style.lua: TCGETS of
 * the fresh pty, TCSETS, TCSETSW and TCSETSF with raw mode, input speed
 * 9600 apart and echo off, TIOCGWINSZ and TIOCSWINSZ. It also calls uname
 * and getrusage (-v prints them whole). Prints "ok"; exit 0. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <termios.h>
#include <unistd.h>

int main(void)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0)
		return 1;
	int s = open(ptsname(m), O_RDWR | O_NOCTTY);
	if (s < 0)
		return 1;
	struct termios t;
	if (tcgetattr(s, &t) < 0)
		return 1;
	cfmakeraw(&t);
	tcsetattr(s, TCSANOW, &t);
	t.c_lflag &= ~(tcflag_t)ECHO;
	cfsetispeed(&t, B9600);
	tcsetattr(s, TCSADRAIN, &t);
	t.c_cc[VMIN] = 0;
	tcsetattr(s, TCSAFLUSH, &t);
	tcgetattr(s, &t);
	struct winsize ws = {.ws_row = 24, .ws_col = 80};
	ioctl(s, TIOCSWINSZ, &ws);
	ioctl(s, TIOCGWINSZ, &ws);
	struct utsname u;
	uname(&u);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	close(s);
	close(m);
	puts("ok");
	return 0;
}
