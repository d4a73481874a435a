/* signals.c: revel's own signals, for the command line only (a Lua state that
 * loads the module keeps its own). Ctrl-C and Ctrl-\ are the guest's to act
 * on: revel ignores them and lives on until the guest ends (but with -p,
 * see revel_signals_attach). SIGTERM and SIGHUP
 * end the run: the root guest is killed at once, which also wakes the tracer
 * loop, and the loop ends the rest and runs the tool's finish. A tool's code
 * that never returns to the loop is interrupted (see arm_interrupt); a second
 * signal ends revel at once. strace's -I N changes that set (see
 * revel_signals_mode). */
#include <lauxlib.h>
#include <luajit.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <revel/engine.h>
#include <sys/time.h>
#include <unistd.h>
#include "signals.h"

static volatile sig_atomic_t stop_signal;
static volatile pid_t root_pid;
static uint64_t changed;     /* signals revel ignores that were not ignored before */
static uint64_t was_ignored; /* of those revel sets, the ones ignored when it started */
static lua_State *lua;
static volatile sig_atomic_t interruptible; /* a run is going on, finish not yet */
static volatile sig_atomic_t no_interrupt;  /* -I 2: the tool's code runs on */
static int mode_set;                        /* -I N, 0 without */
#define MAX_WAKE 64
static volatile pid_t attached[MAX_WAKE]; /* interrupted to wake the tracer */
static volatile sig_atomic_t nattached;

/* Runs at each instruction once armed: an error in the tool's own code ends
 * whatever it was doing; revel's scripts (chunks "@revel/...") run on to the
 * loop, which then runs finish. It keeps firing, so a tool's pcall cannot
 * swallow it, until the run says it is over. */
static void interrupt_hook(lua_State *L, lua_Debug *ar)
{
	if (!interruptible) {
		lua_sethook(L, NULL, 0, 0);
		return;
	}
	if (!lua_getinfo(L, "Sl", ar) || strncmp(ar->source, "@revel/", 7) == 0 ||
	    strcmp(ar->what, "C") == 0)
		return;
	const char *name = stop_signal == SIGHUP    ? "SIGHUP"
	                   : stop_signal == SIGINT  ? "SIGINT"
	                   : stop_signal == SIGQUIT ? "SIGQUIT"
	                   : stop_signal == SIGPIPE ? "SIGPIPE"
	                                            : "SIGTERM";
	luaL_error(L, "%s:%d: interrupted by %s", ar->short_src, ar->currentline, name);
}

/* The interpreter checks hooks at each instruction, but code LuaJIT compiled
 * does not: a `while true do end` trace never leaves machine code. The
 * profiler's line mode puts a check of its flag at each line of every trace
 * (profiling is started with its timer off); raising SIGPROF sets that flag,
 * the trace exits to the interpreter and the hook runs. Both lua_sethook and
 * the profiler's signal handler only set fields and switch dispatch tables:
 * this is what lua.c and LuaJIT's own profiler do from a signal handler. */
static void arm_interrupt(void)
{
	if (!lua || !interruptible || no_interrupt)
		return;
	lua_sethook(lua, interrupt_hook, LUA_MASKCOUNT, 1);
	raise(SIGPROF);
}

static void on_stop(int sig)
{
	if (stop_signal)
		_exit(128 + sig); /* the second: at once, the tracees die with revel */
	stop_signal = sig;
	if (root_pid > 0)
		kill(root_pid, SIGKILL);
	/* An attached process is not killed: a stop of it (PTRACE_INTERRUPT,
	 * made by this very thread, the tracer) wakes the tracer's wait
	 * instead, should the signal have come just before it began. */
	for (int i = 0; i < nattached; i++)
		revel_wake(attached[i]);
	arm_interrupt();
}

void revel_signals_install(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	struct sigaction old;
	const int mine[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTSTP};
	for (size_t i = 0; i < sizeof mine / sizeof *mine; i++)
		if (sigaction(mine[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			was_ignored |= 1ull << mine[i];
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* SIGINT, SIGQUIT, and SIGPIPE (a closed output pipe is an error to
	 * report, not a way to die) are ignored; the guest gets them back. */
	const int ignored[] = {SIGINT, SIGQUIT, SIGPIPE};
	for (size_t i = 0; i < sizeof ignored / sizeof *ignored; i++) {
		sa.sa_handler = SIG_IGN;
		sigaction(ignored[i], &sa, &old);
		if (old.sa_handler != SIG_IGN)
			changed |= 1ull << ignored[i];
	}
}

static void no_sample(void *data, lua_State *L, int samples, int vmstate)
{
	(void)data, (void)L, (void)samples, (void)vmstate;
}

void revel_signals_lua(lua_State *L)
{
	struct itimerval off;
	memset(&off, 0, sizeof off);
	if (L) {
		luaJIT_profile_start(L, "li1000000", no_sample, NULL);
		setitimer(ITIMER_PROF, &off, NULL); /* no samples: only the checks */
	} else if (lua) {
		interruptible = 0;
		luaJIT_profile_stop(lua);
	}
	lua = L;
}

void revel_signals_interruptible(int on)
{
	interruptible = on;
	if (on && stop_signal)
		arm_interrupt();
}

/* strace's fatal signals: what -I says of them. */
static const int fatal[] = {SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM};

static void set_disposition(int sig, void (*handler)(int))
{
	uint64_t bit = 1ull << sig;
	/* A signal revel was started with ignored stays so (a command run
	 * with & ignores SIGINT): the guest inherits it ignored, as it would. */
	if (was_ignored & bit)
		handler = SIG_IGN;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
	/* What revel ignores the guest gets back as it came (exec resets a
	 * handler by itself). */
	changed &= ~bit;
	if (handler == SIG_IGN && !(was_ignored & bit))
		changed |= bit;
}

/* strace -I: 1 (anywhere) and 2 (waiting): each fatal signal ends the run,
 * the guest killed and finish run; 1 also interrupts the tool's code, 2
 * lets it run to the loop. 3 (never): revel ignores them (the guest gets
 * them as it would have); 4 (never_tstp): SIGTSTP too. Without -I, revel's
 * own: SIGTERM and SIGHUP end the run, Ctrl-C and Ctrl-\ are the guest's. */
void revel_signals_mode(int mode)
{
	mode_set = mode;
	no_interrupt = mode == 2;
	for (size_t i = 0; i < sizeof fatal / sizeof *fatal; i++)
		set_disposition(fatal[i], mode >= 3 ? SIG_IGN : on_stop);
	if (mode == 4)
		set_disposition(SIGTSTP, SIG_IGN);
}

uint64_t revel_signals_changed(void)
{
	return changed;
}

const volatile int *revel_stop_flag(void)
{
	return &stop_signal;
}

int revel_stop_requested(void)
{
	return stop_signal;
}

/* revel -p: the attached processes are not revel's to end, so Ctrl-C and
 * Ctrl-\ end the run (revel detaches) as SIGTERM does. No SA_RESTART: the
 * tracer's blocking wait returns EINTR and the loop looks at the signal. */
void revel_signals_attach(pid_t pid)
{
	if (nattached < MAX_WAKE)
		attached[nattached++] = pid;
	if (mode_set < 3) { /* -I 3 and 4: revel ignores them, as asked */
		set_disposition(SIGINT, on_stop);
		set_disposition(SIGQUIT, on_stop);
	}
}

void revel_signals_root(pid_t pid)
{
	root_pid = pid;
	if (pid > 0 && stop_signal)
		kill(pid, SIGKILL);
}
