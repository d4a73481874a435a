/* signals.c: revel's own signals, for the command line only (a Lua state that
 * loads the module keeps its own). Ctrl-C and Ctrl-\ are the guest's to act
 * on: revel ignores them and lives on until the guest ends. SIGTERM and SIGHUP
 * end the run: the root guest is killed at once, which also wakes the tracer
 * loop, and the loop ends the rest and runs the tool's finish. */
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include "signals.h"

static volatile sig_atomic_t stop_signal;
static volatile pid_t root_pid;
static uint64_t changed; /* signals revel ignores that were not ignored before */

static void on_stop(int sig)
{
	stop_signal = sig;
	if (root_pid > 0)
		kill(root_pid, SIGKILL);
}

void revel_signals_install(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* SIGINT, SIGQUIT, and SIGPIPE (a closed output pipe is an error to
	 * report, not a way to die) are ignored; the guest gets them back. */
	const int ignored[] = {SIGINT, SIGQUIT, SIGPIPE};
	for (size_t i = 0; i < sizeof ignored / sizeof *ignored; i++) {
		struct sigaction old;
		sa.sa_handler = SIG_IGN;
		sigaction(ignored[i], &sa, &old);
		if (old.sa_handler != SIG_IGN)
			changed |= 1ull << ignored[i];
	}
}

uint64_t revel_signals_changed(void)
{
	return changed;
}

int revel_stop_requested(void)
{
	return stop_signal;
}

void revel_signals_root(pid_t pid)
{
	root_pid = pid;
	if (pid > 0 && stop_signal)
		kill(pid, SIGKILL);
}
