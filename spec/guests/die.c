/* die: dies by a signal. argv[1] == "kill": SIGKILL to self (shell sees 137);
 * argv[1] == "segv": NULL dereference -> SIGSEGV (shell sees 139).
 * Prints (and flushes) one line to stdout before dying.
 * Exercises: tracer reporting of signal deaths (WIFSIGNALED), SIGKILL that
 * cannot be intercepted, and a fault signal passed through a
 * signal-delivery-stop. Without/unknown argument: prints usage, exits 2.
 * Expected stdout: "about to die by kill" / "about to die by segv". */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	if (strcmp(mode, "kill") == 0) {
		printf("about to die by kill\n");
		fflush(stdout);
		kill(getpid(), SIGKILL);
	} else if (strcmp(mode, "segv") == 0) {
		printf("about to die by segv\n");
		fflush(stdout);
		volatile int *volatile p = NULL;
		*p = 42;
	} else {
		printf("usage: die kill|segv\n");
		return 2;
	}
	printf("still alive (unexpected)\n");
	return 1;
}
