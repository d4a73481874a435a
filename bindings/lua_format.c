/* lua_format.c: the strace printer and formatter for Lua: adapters that take
 * the Lua event (exact 64-bit arguments, the stack pointer) and the engine's
 * memory reader, so the default tool's per-call work stays in C. */
#include <stdbool.h>
#include <string.h>
#include <sys/syscall.h>
#include <revel/format.h>
#include "lua_api.h"

/* While on (--timeline's second printer decodes the call the first one just
 * did, at the same stop), reads are kept and a read of the same memory is
 * served from here: the guest is stopped, its memory the same, and the
 * second decode costs no second process_vm_readv. Off, and emptied, outside
 * one observer hook. */
enum { READS_KEPT = 1024, KEPT_BYTES = 1 << 18 };
static struct kept_read {
	unsigned gen; /* kept in this hook when it is kept_gen */
	pid_t tid;
	uint64_t addr;
	size_t n;    /* asked for */
	ssize_t got; /* the result */
	size_t at;   /* its bytes in kept_bytes */
} kept[READS_KEPT];  /* by address: a decode reads many small pieces (dirents) */
static unsigned char kept_bytes[KEPT_BYTES];
static size_t kept_used;
static unsigned kept_gen = 1;
static int keeping;

static void keep(int on)
{
	keeping = on;
	kept_gen++;
	kept_used = 0;
}

/* The decoder reads what the kernel would: no read through PROT_NONE. */
static ssize_t engine_reader(void *ctx, pid_t tid, uint64_t addr, void *buf, size_t n)
{
	if (!keeping)
		return revel_mem_read_checked(ctx, tid, addr, buf, n);
	struct kept_read *k = &kept[(addr ^ (addr >> 12)) % READS_KEPT];
	if (k->gen == kept_gen && k->tid == tid && k->addr == addr && n <= k->n) {
		if (k->got < 0)
			return k->got;
		size_t m = (size_t)k->got < n ? (size_t)k->got : n;
		memcpy(buf, kept_bytes + k->at, m);
		return (ssize_t)m;
	}
	ssize_t got = revel_mem_read_checked(ctx, tid, addr, buf, n);
	size_t size = got > 0 ? (size_t)got : 0;
	if (size <= KEPT_BYTES - kept_used) {
		k->gen = kept_gen;
		k->tid = tid;
		k->addr = addr;
		k->n = n;
		k->got = got;
		k->at = kept_used;
		memcpy(kept_bytes + kept_used, buf, size);
		kept_used += size;
	}
	return got;
}

/* -i: the ip of a stopped thread, from the registers read at its stop; a
 * call an observer sees runs on, so its ip is the one saved at the call. */
static uint64_t engine_ip(void *ctx, pid_t tid)
{
	struct user_regs_struct r;
	if (revel_get_regs(ctx, tid, &r) != 0)
		return revel_call_ip(ctx, tid);
	return r.rip;
}

/* -c without -w: a call's system CPU time, from the stops' wait4. */
static int64_t engine_cputime(void *ctx, pid_t tid)
{
	return revel_stop_cputime(ctx, tid);
}

/* -k: the thread's frames, names only (strace 6.1 prints no source lines). */
static int engine_stack(void *ctx, pid_t tid, struct revel_frame *frames, int max)
{
	return revel_backtrace(ctx, tid, frames, max, 0);
}

/* --stack-traces=source: with file and line, read from DWARF line tables. */
static int engine_stack_source(void *ctx, pid_t tid, struct revel_frame *frames, int max)
{
	return revel_backtrace(ctx, tid, frames, max, REVEL_BT_SOURCE);
}

revel_printer *lua_printer_new(revel_engine *e, const struct revel_printer_opts *o)
{
	struct revel_printer_opts opts = *o;
	if (!opts.read) {
		opts.read = engine_reader;
		opts.ctx = e;
		if (!opts.ip_of)
			opts.ip_of = engine_ip;
		int counting = opts.mode == REVEL_PRINT_COUNT || opts.summary;
		if (!opts.cpu_of && counting && !opts.summary_wall) {
			opts.cpu_of = engine_cputime;
			revel_want_cputime(e, 1);
		}
		if (!opts.stack_of)
			opts.stack_of = opts.stack_trace > 1 ? engine_stack_source : engine_stack;
	}
	return revel_printer_new(&opts);
}

int lua_printer_enter(revel_printer *p, const struct revel_lua_event *ev)
{
	return revel_printer_enter(p, ev->ev.tid, ev->ev.nr, ev->ev.args, (uint64_t)ev->rsp);
}

int lua_printer_exit(revel_printer *p, pid_t tid, double result)
{
	return revel_printer_exit(p, tid, (int64_t)result);
}

/* One call's entry half closed with ")": the line a handler's tostring(sc)
 * can show before the call has run. A call that ran (ev->ev.kind
 * REVEL_EV_INJECTED, result in ev->ev.result: g:inject's) gets its exit half
 * instead, output arguments decoded, and "= RESULT" at strace's column. */
int lua_format_call(revel_engine *e, const struct revel_lua_event *ev, int string_limit, char *out,
                    size_t len)
{
	bool ran = ev->ev.kind == REVEL_EV_INJECTED;
	int64_t result = ran ? ev->ev.result : -14;
	struct revel_fmt f = {.read = engine_reader,
	                      .ctx = e,
	                      .string_limit = string_limit > 0 ? string_limit : 32,
	                      .pid = ev->ev.tid,
	                      .tid = ev->ev.tid,
	                      .sp = (uint64_t)ev->rsp};
	struct revel_fmt_state st;
	int n = revel_format_enter(&f, ev->ev.nr, ev->ev.args, &st, out, len);
	if (n < 0)
		return n;
	size_t at = (size_t)n < len ? (size_t)n : (len ? len - 1 : 0);
	int m = revel_format_exit(&f, ev->ev.nr, ev->ev.args, &st, result,
	                          len > at ? out + at : NULL, len > at ? len - at : 0);
	if (m < 0 || !ran)
		return m < 0 ? m : n + m;
	/* Spaces up to column 40 (at least one) and "= ", as the printer's
	 * to_result_column, then the result. */
	size_t col = (size_t)n + (size_t)m;
	size_t pad = col + 1 < 40 ? 40 - col : 1;
	for (size_t i = 0; i < pad + 2; i++) {
		if (col + i + 1 < len) {
			out[col + i] = i < pad ? ' ' : "= "[i - pad];
			out[col + i + 1] = 0;
		}
	}
	col += pad + 2;
	int k = revel_format_result(&f, ev->ev.nr, ev->ev.args, &st, result,
	                            len > col ? out + col : NULL, len > col ? len - col : 0);
	return k < 0 ? k : (int)col + k;
}

/* --timeline's printer (a second one, its own format), fed the calls the
 * observer takes along with the tool's: the timeline stays in C as the
 * default tool does. NULL: none. */
static revel_printer *tee;

/* The default tool's per-call work as an engine observer: no Lua, no
 * coroutine for a call that is only printed. */
static int observe_enter(void *ctx, revel_engine *e, pid_t tid, long nr, const int64_t args[6],
                         uint64_t sp)
{
	revel_printer *p = ctx;
	keep(tee != NULL);
	int hidden = revel_printer_enter(p, tid, nr, args, sp) == 1;
	if (tee && revel_printer_enter(tee, tid, nr, args, sp) != 1)
		hidden = 0;
	keep(0);
	if (hidden)
		return REVEL_OBSERVE_DONE; /* -P: not printed, so its exit is not needed */
	if (nr == SYS_exit || nr == SYS_exit_group)
		return REVEL_OBSERVE_DONE; /* the line ends when the thread does */
	if (nr == SYS_rt_sigreturn) {
		/* Its result is the rax the signal frame restores. */
		int64_t rax = 0;
		if (revel_mem_read(e, tid, sp + 144, &rax, sizeof rax) != sizeof rax)
			rax = 0;
		keep(tee != NULL);
		revel_printer_exit(p, tid, rax);
		if (tee)
			revel_printer_exit(tee, tid, rax);
		keep(0);
		return REVEL_OBSERVE_DONE;
	}
	return REVEL_OBSERVE_EXIT;
}

static void observe_exit(void *ctx, revel_engine *e, pid_t tid, int64_t result)
{
	(void)e;
	keep(tee != NULL);
	revel_printer_exit(ctx, tid, result);
	if (tee)
		revel_printer_exit(tee, tid, result);
	keep(0);
}

static void observe_stopped(void *ctx, revel_engine *e, pid_t tid, int sig)
{
	(void)e;
	revel_printer_stopped(ctx, tid, sig);
	if (tee)
		revel_printer_stopped(tee, tid, sig);
}

static void observe_idle(void *ctx, revel_engine *e)
{
	(void)e;
	revel_printer_flush(ctx);
	if (tee)
		revel_printer_flush(tee);
}

static struct revel_observer printer_observer;

void lua_observe_tee(revel_printer *p)
{
	tee = p;
}

void lua_observe_printer(revel_engine *e, revel_printer *p)
{
	if (!p) {
		revel_set_observer(e, NULL);
		return;
	}
	printer_observer.ctx = p;
	printer_observer.enter = observe_enter;
	printer_observer.exit = observe_exit;
	printer_observer.stopped = observe_stopped;
	printer_observer.idle = observe_idle;
	revel_set_observer(e, &printer_observer);
}
