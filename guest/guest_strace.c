/* guest_strace.c: --backend=guest's default tool. Each guest process prints
 * its own strace lines with engine/decode's printer (it links nothing of
 * the tracer), fed here by the library's call path: no Lua per call.
 *
 * - The output is revel's (stderr or -o FILE): the same open file
 *   description, inherited as GUEST_STRACE_OUT_FD (above the library's
 *   other descriptors, not close-on-exec so that exec'd programs have it).
 *   Lines are written whole (one write(2) each, or a few): the lines of
 *   processes never cut into each other. A call that may block is cut as
 *   strace cuts one when another task's line comes ("<unfinished ...>",
 *   later "<... NAME resumed>") when more than one task lives; alone, its
 *   first half is written as strace writes it.
 * - GUEST_STRACE_SHM_FD is a page every printer (revel's too) maps shared:
 *   the tasks alive in the tree (the "[pid N]" prefix) and the -c counts.
 * - A guest's close() of either descriptor fails with EBADF, as it would
 *   natively, and close_range() leaves them open; a dup2 onto them, or a
 *   close by a program that does not load the library, is not seen.
 * - execve: its line is written by revel when the exec has happened (the
 *   new program's loader runs under ptrace first, revel's printer prints
 *   it): the library formats it here as it will stand, " = 0", and sends it
 *   ("L"); an exec that fails prints its line here.
 *
 * The printer allocates (libc's malloc) only when it grows: made at the
 * start, large enough for a few threads and long lines. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <lauxlib.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "guest_rpc.h"
#include "guest_signals.h"
#include "guest_strace.h"
#include "guest_tls.h"
#include "revel/printer.h"

unsigned char guest_strace_calls[GUEST_STRACE_NR];

void guest_alloc_forked(void); /* guest_alloc.c */

/* -t, -tt: the printer's localtime_r is this one (the core is linked with
 * --wrap=localtime_r): the guest's libc keeps its time zone state to itself
 * (its first localtime reads /etc/localtime, as natively), and nothing here
 * allocates. The offset is revel's, when it started. */
static long utc_offset;
struct tm *__wrap_localtime_r(const time_t *t, struct tm *tm);
struct tm *__wrap_localtime_r(const time_t *t, struct tm *tm)
{
	/* not gmtime_r: glibc's reads the time zone too. Days to the civil date
	 * (H. Hinnant's days_from_civil, inverted). */
	long long v = (long long)*t + utc_offset;
	long long days = v / 86400, secs = v % 86400;
	if (secs < 0)
		secs += 86400, days--;
	memset(tm, 0, sizeof *tm);
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
	tm->tm_wday = (int)((days % 7 + 11) % 7); /* 1970-01-01 was a Thursday */
	long long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
	int mday = (int)(doy - (153 * mp + 2) / 5 + 1), mon = (int)(mp < 10 ? mp + 3 : mp - 9);
	long long year = yoe + era * 400 + (mon <= 2);
	tm->tm_mday = mday;
	tm->tm_mon = mon - 1;
	tm->tm_year = (int)(year - 1900);
	static const int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	tm->tm_yday = before[mon - 1] + mday - 1 + (leap && mon > 2);
	tm->tm_gmtoff = utc_offset;
	return tm;
}

static revel_printer *P;    /* this process's */
static revel_printer *side; /* formats an execve's line for revel to print */
static struct revel_printer_opts opts;
static struct revel_printer_shared *shared;
static pthread_mutex_t plock = PTHREAD_MUTEX_INITIALIZER;
static int root_only;

static ssize_t self_read(void *ctx, pid_t tid, uint64_t addr, void *buf, size_t n)
{
	(void)ctx;
	(void)tid;
	/* not memcpy: an address the guest got wrong must not fault here */
	struct iovec l = {buf, n}, r = {(void *)addr, n};
	return guest_raw(SYS_process_vm_readv, revel_pid, (long)&l, 1, (long)&r, 1, 0);
}

/* the thread's CPU time (ns), for -c: the caller is always the thread */
static int64_t self_cpu(void *ctx, pid_t tid)
{
	(void)ctx;
	(void)tid;
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static revel_printer *make(void)
{
	revel_printer *p = revel_printer_new(&opts);
	if (p && root_only && shared)
		revel_printer_root(p, shared->root);
	return p;
}

static int ntasks_add(int d)
{
	return shared ? __atomic_add_fetch(&shared->ntasks, d, __ATOMIC_RELAXED) : 1;
}

static void flush(void)
{
	revel_printer_flush(P);
}

/* ---- the call path ---- */

/* The printer's key for thread tid's call set aside at depth d (>= 1): no
 * thread has it (tids are below 2^22). */
static pid_t parked(int tid, int d)
{
	return (pid_t)(tid + (d << 24));
}

static int revel_fd(long fd)
{
	return fd == GUEST_STRACE_OUT_FD || fd == GUEST_STRACE_SHM_FD;
}

/* close_range(first, last, flags) around revel's descriptors */
static long close_range_around(long first, long last, long flags)
{
	long r = 0;
	long lo = GUEST_STRACE_SHM_FD, hi = GUEST_STRACE_OUT_FD;
	if (first < lo)
		r = guest_raw(SYS_close_range, first, last < lo - 1 ? last : lo - 1, flags, 0, 0,
		              0);
	if (r == 0 && (unsigned long)last > (unsigned long)hi)
		r = guest_raw(SYS_close_range, first > hi + 1 ? first : hi + 1, last, flags, 0, 0,
		              0);
	return r;
}

static int fork_like(long nr)
{
	return nr == SYS_fork || nr == SYS_vfork || nr == SYS_clone || nr == SYS_clone3;
}

/* Calls that wait for another task or for time (not a read of a file):
 * their line is not left unseen while they wait. */
static int waits(long nr)
{
	switch (nr) {
	case SYS_wait4:
	case SYS_waitid:
	case SYS_poll:
	case SYS_ppoll:
	case SYS_select:
	case SYS_pselect6:
	case SYS_epoll_wait:
	case SYS_epoll_pwait:
	case SYS_epoll_pwait2:
	case SYS_nanosleep:
	case SYS_clock_nanosleep:
	case SYS_futex:
	case SYS_pause:
	case SYS_rt_sigsuspend:
	case SYS_rt_sigtimedwait:
	case SYS_accept:
	case SYS_accept4:
	case SYS_msgrcv:
	case SYS_semop:
	case SYS_semtimedop:
	case SYS_mq_timedreceive:
	case SYS_io_getevents:
	case SYS_flock:
		return 1;
	}
	return 0;
}

/* The execve line as it will stand once the exec happened, to revel. */
static void send_exec_line(int tid, long nr, long *a, unsigned long sp)
{
	static char msg[65536];
	int n = snprintf(msg, 64, "L%d\n+", (int)revel_pid);
	size_t len = (size_t)n;
	if (opts.mode != REVEL_PRINT_COUNT || opts.summary) {
		if (!side) {
			struct revel_printer_opts o = opts;
			o.mode = REVEL_PRINT_TEXT;
			o.summary = 0;
			o.fd = -1;
			side = revel_printer_new(&o);
			if (side && root_only)
				revel_printer_root(side, shared ? shared->root : 0);
		}
		if (side) {
			revel_printer_enter(side, tid, nr, (const int64_t *)a, sp);
			revel_printer_exit(side, tid, 0);
			len += revel_printer_take(side, msg + len, sizeof msg - len);
		}
	}
	size_t got;
	guest_exchange(msg, len, &got);
	if (shared && (opts.mode == REVEL_PRINT_COUNT || opts.summary) &&
	    (!root_only || shared->root == revel_pid))
		__atomic_add_fetch(&shared->counts[nr].calls, 1, __ATOMIC_RELAXED); /* as done */
}

int guest_strace_enter(int tid, long nr, long *a, unsigned long sp, long *result)
{
	int skip = 0; /* run here: a close of revel's descriptors */
	if (nr == SYS_close && revel_fd(a[0])) {
		*result = -EBADF; /* as natively: not open */
		skip = 1;
	} else if (nr == SYS_close_range && a[0] <= GUEST_STRACE_OUT_FD &&
	           (unsigned long)a[1] >= GUEST_STRACE_SHM_FD) {
		skip = 1;
	}
	if (fork_like(nr))
		ntasks_add(1); /* before the child can print */
	if (!(guest_strace_calls[nr] & GUEST_STRACE_PRINT) || !P) {
		if (skip && nr == SYS_close_range)
			*result = close_range_around(a[0], a[1], a[2]);
		return skip;
	}
	pthread_mutex_lock(&plock);
	if (revel_tls_strace_depth++) { /* in a signal handler inside a call: set it aside */
		revel_printer_cut(P);
		revel_printer_rekey(P, tid, parked(tid, revel_tls_strace_depth - 1));
	}
	if (nr == SYS_execve || nr == SYS_execveat) {
		flush();
		send_exec_line(tid, nr, a, sp);
	}
	revel_printer_enter(P, tid, nr, (const int64_t *)a, sp);
	/* A call that waits: its first half now, cut when another task may
	 * print meanwhile. (execve's goes to revel; exit's ends at the exit hook.) */
	if (waits(nr) && !opts.status_hide) { /* -z, -Z: lines are kept whole */
		if (ntasks_add(0) > 1)
			revel_printer_cut(P);
		flush();
	}
	pthread_mutex_unlock(&plock);
	if (skip && nr == SYS_close_range) /* after the entry's decode: it reads nothing */
		*result = close_range_around(a[0], a[1], a[2]);
	return skip;
}

void guest_strace_exit(int tid, long nr, long result, int injected)
{
	if (fork_like(nr) && result <= 0) {
		if (result == 0)
			return; /* the child: its parent prints the call */
		ntasks_add(-1);
	}
	if (!(guest_strace_calls[nr] & GUEST_STRACE_PRINT) || !P)
		return;
	pthread_mutex_lock(&plock);
	if ((nr == SYS_execve || nr == SYS_execveat) && shared &&
	    (opts.mode == REVEL_PRINT_COUNT || opts.summary) &&
	    (!root_only || shared->root == revel_pid))
		__atomic_sub_fetch(&shared->counts[nr].calls, 1,
		                   __ATOMIC_RELAXED); /* counted below */
	if (injected)
		revel_printer_injected(P, tid);
	revel_printer_exit(P, tid, result);
	if (revel_tls_strace_depth > 0 && --revel_tls_strace_depth) /* back to the call set aside */
		revel_printer_rekey(P, parked(tid, revel_tls_strace_depth), tid);
	flush();
	pthread_mutex_unlock(&plock);
}

void guest_strace_forked(void)
{
	if (!P)
		return;
	pthread_mutex_init(&plock, NULL);
	guest_alloc_forked();
	revel_tls_strace_depth = 0; /* the fork it returns from is the parent's */
	revel_printer_discard(P);   /* the parent writes its lines */
	revel_printer_free(P);
	if (side) {
		revel_printer_discard(side);
		revel_printer_free(side);
		side = NULL;
	}
	P = make();
}

/* ---- Lua: the tool's start and its life hooks ---- */

static int num(lua_State *L, const char *k, int dflt)
{
	lua_getfield(L, 1, k);
	int v = lua_isnil(L, -1) ? dflt : (int)lua_tointeger(L, -1);
	lua_pop(L, 1);
	return v;
}

static char name_buf[4096];
static unsigned char styles[GUEST_STRACE_NR];

/* strace_start{ calls = { nr, ... }, mode = ..., ... }: the printer's
 * options by their struct revel_printer_opts names (scripts/revel/tools/
 * strace.lua's printer_options()); true when the printer is made. */
static int l_start(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_getfield(L, 1, "utc_offset");
	utc_offset = (long)lua_tointeger(L, -1);
	lua_settop(L, 1);
	void *m =
	    mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED, GUEST_STRACE_SHM_FD, 0);
	shared = m == MAP_FAILED ? NULL : m;
	opts.fd = GUEST_STRACE_OUT_FD;
	opts.mode = num(L, "mode", REVEL_PRINT_TEXT);
	opts.prefix = num(L, "prefix", REVEL_PREFIX_MULTI);
	opts.string_limit = num(L, "string_limit", 32);
	opts.exact_limit = num(L, "exact_limit", 0);
	opts.fmt_flags = num(L, "fmt_flags", 0);
	opts.align = num(L, "align", 0);
	opts.column = num(L, "column", 0);
	opts.quiet_exit = num(L, "quiet_exit", 0);
	opts.quiet_superseded = num(L, "quiet_superseded", 0);
	opts.syscall_number = num(L, "syscall_number", 0);
	opts.abs_time = num(L, "abs_time", 0);
	opts.abs_digits = num(L, "abs_digits", 0);
	opts.rel_time = num(L, "rel_time", 0);
	opts.rel_digits = num(L, "rel_digits", 0);
	opts.syscall_times = num(L, "syscall_times", 0);
	opts.syscall_digits = num(L, "syscall_digits", 0);
	opts.summary = num(L, "summary", 0);
	opts.summary_wall = num(L, "summary_wall", 0);
	opts.summary_sort = num(L, "summary_sort", 0);
	opts.status_hide = (unsigned)num(L, "status_hide", 0);
	root_only = num(L, "root_only", 0);
	opts.root_only = root_only;
	lua_getfield(L, 1, "summary_overhead_ns");
	opts.summary_overhead_ns = (int64_t)lua_tonumber(L, -1);
	lua_getfield(L, 1, "name");
	if (lua_isstring(L, -1)) {
		snprintf(name_buf, sizeof name_buf, "%s", lua_tostring(L, -1));
		opts.name = name_buf;
	}
	lua_settop(L, 1);
	lua_getfield(L, 1, "styles"); /* nr, style, nr, style ... */
	for (size_t i = 1, k = lua_istable(L, -1) ? lua_objlen(L, -1) : 0; i + 1 <= k; i += 2) {
		lua_rawgeti(L, -1, (int)i);
		lua_rawgeti(L, -2, (int)i + 1);
		long nr = (long)lua_tointeger(L, -2);
		if (nr >= 0 && nr < GUEST_STRACE_NR) {
			styles[nr] = (unsigned char)lua_tointeger(L, -1);
			opts.styles = styles;
		}
		lua_pop(L, 2);
	}
	lua_settop(L, 1);
	lua_getfield(L, 1,
	             "signals_hidden"); /* -e signal=: the signals whose lines are not printed */
	for (size_t i = 1, k = lua_istable(L, -1) ? lua_objlen(L, -1) : 0; i <= k; i++) {
		lua_rawgeti(L, -1, (int)i);
		int sig = (int)lua_tointeger(L, -1);
		if (sig > 0 && sig < 256)
			opts.signal_hide[sig / 64] |= 1ull << (sig % 64);
		lua_pop(L, 1);
	}
	lua_settop(L, 1);
	lua_getfield(L, 1, "summary_columns");
	for (int i = 0; i < 11 && lua_istable(L, -1); i++) {
		lua_rawgeti(L, -1, i + 1);
		opts.summary_columns[i] = (unsigned char)lua_tointeger(L, -1);
		lua_pop(L, 1);
	}
	lua_settop(L, 1);
	opts.read = self_read;
	opts.cpu_of = self_cpu;
	opts.shared = shared;
	lua_getfield(L, 1, "calls");
	for (size_t i = 1, k = lua_objlen(L, -1); i <= k; i++) {
		lua_rawgeti(L, -1, (int)i);
		long nr = (long)lua_tointeger(L, -1);
		if (nr >= 0 && nr < GUEST_STRACE_NR)
			guest_strace_calls[nr] |= GUEST_STRACE_PRINT;
		lua_pop(L, 1);
	}
	lua_settop(L, 1);
	static const int watched[] = {SYS_close, SYS_close_range, SYS_fork,
	                              SYS_vfork, SYS_clone,       SYS_clone3};
	for (size_t i = 0; i < sizeof watched / sizeof watched[0]; i++)
		guest_strace_calls[watched[i]] |= GUEST_STRACE_WATCH;
	P = make();
	lua_pushboolean(L, P != NULL);
	return 1;
}

/* strace_signal(tid, sig): "--- SIG {...} ---", with the siginfo the
 * wrapper has (guest_sigwrap.c) */
static int l_signal(lua_State *L)
{
	if (P) {
		pthread_mutex_lock(&plock);
		revel_printer_signal(P, (pid_t)luaL_checkinteger(L, 1),
		                     (int)luaL_checkinteger(L, 2), revel_tls_siginfo);
		flush();
		pthread_mutex_unlock(&plock);
	}
	return 0;
}

/* strace_exited(tid, status): "+++ exited with N +++" or killed, a wait status */
static int l_exited(lua_State *L)
{
	if (P) {
		pthread_mutex_lock(&plock);
		revel_printer_exited(P, (pid_t)luaL_checkinteger(L, 1),
		                     (int)luaL_checkinteger(L, 2));
		flush();
		pthread_mutex_unlock(&plock);
	}
	ntasks_add(-1); /* after: its line has the prefix of a task alive */
	return 0;
}

/* strace_superseded(tid, by): an execve of thread by took tid's place */
static int l_superseded(lua_State *L)
{
	if (P) {
		pthread_mutex_lock(&plock);
		revel_printer_superseded(P, (pid_t)luaL_checkinteger(L, 1),
		                         (pid_t)luaL_checkinteger(L, 2));
		flush();
		pthread_mutex_unlock(&plock);
	}
	ntasks_add(-1);
	return 0;
}

extern const unsigned char luaJIT_BC_inguest_strace[];
extern const size_t luaJIT_BC_inguest_strace_SIZE;

/* strace_tool(): the tool's chunk (guest/inguest_strace.lua, built in) */
static int l_tool(lua_State *L)
{
	if (luaL_loadbuffer(L, (const char *)luaJIT_BC_inguest_strace,
	                    luaJIT_BC_inguest_strace_SIZE, "=revel.inguest_strace"))
		lua_error(L);
	return 1;
}

void guest_strace_register(lua_State *L)
{
	static const luaL_Reg fns[] = {{"strace_tool", l_tool},
	                               {"strace_start", l_start},
	                               {"strace_signal", l_signal},
	                               {"strace_exited", l_exited},
	                               {"strace_superseded", l_superseded},
	                               {NULL, NULL}};
	for (const luaL_Reg *f = fns; f->name; f++) {
		lua_pushcfunction(L, f->func);
		lua_setfield(L, -2, f->name);
	}
}
