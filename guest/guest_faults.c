/* guest_faults.c: the fault rules the engine runs without Lua (-e inject=,
 * --inject, --fault, and --rule rules with only fd=, size=, flags=, nth=
 * conditions), run in the guest by the same code: revel hands the specs over
 * in REVEL_GUEST_RULES, this parses them with the engine's parsers
 * (engine/src/inject.c) and decides each call with fault_decide()
 * (engine/src/faults.c). Counts are per thread, as under ptrace: a new
 * thread or a forked child counts from nothing. What handle() does with a
 * verdict follows engine/src/tracer_rules.c: the signal on entry, delays
 * that hold the thread, a skipped call's result, a cut size, a restart. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>

#include <stdio.h>
#include <sys/uio.h>

#include "../engine/src/faults.h"
#include "guest_faults.h"
#include "guest_signals.h"
#include "guest_sigwrap.h"

/* The descriptor that carries the exec'ing thread's counts to the new
 * program (above 900, with the library's others). */
#define COUNTS_FD 948
#define COUNTS_NAME "revel-fault-counts"

static struct fault_rules rules;
static int any;
/* This thread's counts (mapped at its first ruled call). */
static __thread struct fault_counts *counts __attribute__((tls_model("initial-exec")));

static struct fault_counts *new_counts(void)
{
	long p = guest_raw(SYS_mmap, 0, sizeof *counts, PROT_READ | PROT_WRITE,
	                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p < 0 && p > -4096 ? NULL : (struct fault_counts *)p;
}

/* The counts the thread that exec'd this program had, if it left them. */
static void take_counts(void)
{
	char link[64];
	long n = guest_raw(SYS_readlink, (long)"/proc/self/fd/948", (long)link, sizeof link - 1, 0,
	                   0, 0);
	if (n <= 0)
		return;
	link[n] = 0;
	if (!strstr(link, COUNTS_NAME))
		return;
	struct fault_counts *c = new_counts();
	if (c && guest_raw(SYS_pread64, COUNTS_FD, (long)c, sizeof *c, 0, 0, 0) == sizeof *c)
		counts = c;
	guest_raw(SYS_close, COUNTS_FD, 0, 0, 0, 0, 0);
}

void guest_faults_exec(int before)
{
	if (!any || !counts)
		return;
	if (!before) {
		guest_raw(SYS_close, COUNTS_FD, 0, 0, 0, 0, 0);
		return;
	}
	long fd = guest_raw(SYS_memfd_create, (long)COUNTS_NAME, 0, 0, 0, 0, 0);
	if (fd < 0)
		return;
	if (guest_raw(SYS_write, fd, (long)counts, sizeof *counts, 0, 0, 0) == sizeof *counts)
		guest_raw(SYS_dup2, fd, COUNTS_FD, 0, 0, 0, 0);
	guest_raw(SYS_close, fd, 0, 0, 0, 0, 0);
}

/* A string of the guest's at p, as g:string(p, n - 1) reads it: up to the
 * NUL or n - 1 bytes, page by page; 0 when not even its first byte reads. */
static int read_string(uintptr_t p, char *buf, size_t n)
{
	size_t got = 0;
	if (!p)
		return 0;
	while (got < n - 1) {
		size_t page = 4096 - ((p + got) & 4095), k = n - 1 - got;
		if (k > page)
			k = page;
		struct iovec li = {buf + got, k}, ri = {(void *)(p + got), k};
		long r = guest_raw(SYS_process_vm_readv, revel_pid, (long)&li, 1, (long)&ri, 1, 0);
		if (r <= 0)
			break;
		void *z = memchr(buf + got, 0, (size_t)r);
		if (z)
			return 1; /* NUL-terminated in place */
		got += (size_t)r;
	}
	if (!got)
		return 0;
	buf[got] = 0;
	return 1;
}

/* fault.lua's call_path() for path= rules: the string of its path
 * argument, or the file its fd or dirfd names (as g:fd_path: the /proc
 * link), or none. */
static int call_path(void *ctx, long nr, const int64_t args[6], char *buf, size_t n)
{
	(void)ctx;
	int is_fd;
	int i = fault_path_arg(nr, &is_fd);
	if (i < 0)
		return 0;
	if (!is_fd)
		return read_string((uintptr_t)args[i], buf, n);
	int fd = (int)args[i];
	if (fd < 0)
		return 0;
	char link[64];
	snprintf(link, sizeof link, "/proc/thread-self/fd/%d", fd);
	long r = guest_raw(SYS_readlink, (long)link, (long)buf, (long)n - 1, 0, 0, 0);
	if (r < 0)
		return 0;
	buf[r] = 0;
	return 1;
}

int guest_faults_init(unsigned char *ruled, int nr_max)
{
	const char *env = getenv("REVEL_GUEST_RULES");
	if (!env || !*env)
		return 0;
	unsigned char subscribed[REVEL_NR_MAX] = {0};
	char *copy = strdup(env), *save = NULL;
	if (!copy)
		return -1;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct revel_inject_rule r;
		char err[256];
		int bad = line[0] == 'r' ? revel_rule_parse(line + 2, &r, err, sizeof err)
		                         : revel_inject_parse(line + 2, &r, err, sizeof err);
		if (bad || fault_rules_add(&rules, &r, subscribed) < 0) {
			free(copy);
			return -1; /* revel parsed them already: not reached */
		}
	}
	free(copy);
	rules.path_of = call_path;
	for (int nr = 0; nr < nr_max && nr < REVEL_NR_MAX; nr++)
		if (subscribed[nr])
			ruled[nr] = 1;
	any = rules.any;
	if (any)
		take_counts();
	return 0;
}

void guest_faults_forked(void)
{
	counts = NULL; /* the parent's stay mapped in the child: a few KiB */
}

void guest_faults_sleep(int64_t us)
{
	struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
	while (guest_raw(SYS_nanosleep, (long)&ts, (long)&ts, 0, 0, 0, 0) == -EINTR)
		;
}

void guest_faults_enter(long nr, long *a, int handled, struct guest_fault *f)
{
	memset(f, 0, sizeof *f);
	if (!any)
		return;
	if (!counts && !(counts = new_counts()))
		return;
	int64_t args[6];
	for (int i = 0; i < 6; i++)
		args[i] = a[i];
	struct fault_verdict v = fault_decide(&rules, counts, nr, args, handled != 0);
	while (v.fired && v.restart) {
		/* eintr: the kernel restarts a call that returns -ERESTARTSYS with
		 * no signal to deliver; the restarted call is decided again (it is
		 * exempt from the rule that interrupted it) and runs. */
		v = fault_decide(&rules, counts, nr, args, handled != 0);
	}
	if (!v.fired)
		return;
	/* strace delivers the signal on entering the call. */
	if (v.signal)
		guest_raw(SYS_tgkill, revel_pid, guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0), v.signal,
		          0, 0, 0);
	if (v.cut_arg >= 0)
		a[v.cut_arg] = (long)v.cut_to;
	if (v.delay_enter_us > 0)
		guest_faults_sleep(v.delay_enter_us);
	if (v.to_tool && !v.fault)
		return; /* the tool has the call; the rule's delay_exit is lost, as under ptrace */
	f->fired = 1;
	f->fault = v.fault;
	f->value = v.value;
	f->delay_exit_us = v.delay_exit_us;
	f->to_tool = v.to_tool;
}

int guest_restart(ucontext_t *uc, greg_t *rax)
{
	long v = (long)*rax;
	if (v != -512 && v != -513 && v != -514 && v != -516)
		return 0;
	uint64_t pending = 0;
	guest_raw(SYS_rt_sigpending, (long)&pending, 8, 0, 0, 0, 0);
	pending &= ~*guest_mask(uc) & ~(1ull << (SIGSYS - 1));
	if (!pending && !sigwrap_held())
		return 1; /* the kernel restarts it: the handler sees it again */
	if (v == -513)
		return 1; /* ERESTARTNOINTR always restarts */
	*rax = -EINTR;
	return 0;
}
