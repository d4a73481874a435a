/* lua_api.c: the function table LuaJIT's FFI calls, and the conversions
 * between the engine's 64-bit integers and Lua's doubles. */
#include <cpuid.h>
#include <errno.h>
#include <string.h>
#include <x86intrin.h>
#include "lua_api.h"

static uint64_t lua_rdtsc(uint32_t *aux)
{
	unsigned int a = 0;
	uint64_t v = aux ? __rdtscp(&a) : __rdtsc();
	if (aux)
		*aux = a;
	return v;
}

static void lua_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t out[4])
{
	__cpuid_count(leaf, subleaf, out[0], out[1], out[2], out[3]);
}

/* The event in lev->ev as Lua reads it. */
static int lua_event(revel_engine *e, struct revel_lua_event *lev, int rc)
{
	if (rc < 0)
		return rc;
	double *a[6] = {&lev->a0, &lev->a1, &lev->a2, &lev->a3, &lev->a4, &lev->a5};
	for (int i = 0; i < 6; i++)
		*a[i] = (double)lev->ev.args[i];
	lev->result = (double)lev->ev.result;
	lev->nr = (double)lev->ev.nr;
	lev->kind = lev->ev.kind;
	lev->tid = lev->ev.tid;
	lev->pid = lev->ev.pid;
	lev->flags = lev->ev.flags;
	lev->sig = lev->ev.sig;
	lev->status = lev->ev.status;
	lev->rsp = 0;
	lev->time = (double)lev->ev.time_ns / 1e9;
	if (lev->ev.kind == REVEL_EV_SYSCALL) {
		/* The call's own, known without reading the registers. */
		lev->rsp = (double)revel_call_sp(e, lev->ev.tid);
	} else if (lev->ev.kind == REVEL_EV_INJECTED || lev->ev.kind == REVEL_EV_TASK_NEW ||
	           lev->ev.kind == REVEL_EV_EXEC) {
		struct user_regs_struct r;
		if (revel_get_regs(e, lev->ev.tid, &r) == 0)
			lev->rsp = (double)r.rsp;
	}
	return rc;
}

static int lua_next(revel_engine *e, struct revel_lua_event *lev)
{
	return lua_event(e, lev, revel_next(e, &lev->ev));
}

static int lua_next_queued(revel_engine *e, struct revel_lua_event *lev)
{
	return lua_event(e, lev, revel_next_queued(e, &lev->ev));
}

/* A double back to the 64-bit value it stands for. Values past 2^63 are
 * unsigned (addresses, masks); the rest keep their sign (-1 = AT_FDCWD...).
 * NaN, infinities, fractions and values outside [-2^63, 2^64) stand for no
 * value (converting them is undefined behaviour): -1. The Lua side rejects
 * them first, with the tool's line; this is the boundary's own guard. */
static int to_i64(double d, int64_t *out)
{
	if (!(d >= -9223372036854775808.0 && d < 18446744073709551616.0))
		return -1; /* NaN fails both comparisons */
	if (d >= 9223372036854775808.0) {
		uint64_t u = (uint64_t)d;
		if ((double)u != d)
			return -1;
		*out = (int64_t)u;
		return 0;
	}
	*out = (int64_t)d;
	return (double)*out == d ? 0 : -1;
}

static int lua_resume(revel_engine *e, pid_t tid, const struct revel_lua_action *la,
                      const struct revel_lua_event *orig)
{
	revel_action a;
	memset(&a, 0, sizeof a);
	a.kind = la->kind;
	a.sig = la->sig;
	int64_t nr = 0;
	if (to_i64(la->nr, &nr) < 0 || to_i64(la->value, &a.value) < 0)
		return -EINVAL;
	a.nr = (long)nr;
	const double *la_args[6] = {&la->a0, &la->a1, &la->a2, &la->a3, &la->a4, &la->a5};
	const double *orig_args[6] = {NULL};
	if (orig) {
		const double *o[6] = {&orig->a0, &orig->a1, &orig->a2,
		                      &orig->a3, &orig->a4, &orig->a5};
		memcpy(orig_args, o, sizeof o);
	}
	for (int i = 0; i < 6; i++) {
		/* An argument Lua did not change keeps its exact bits. */
		if (orig && la->nr == (double)orig->ev.nr && *la_args[i] == *orig_args[i])
			a.args[i] = orig->ev.args[i];
		else if (to_i64(*la_args[i], &a.args[i]) < 0)
			return -EINVAL;
	}
	return revel_resume(e, tid, &a);
}

const struct revel_lua_api revel_lua_api = {
    .abi = REVEL_LUA_ABI,
    .engine_new = revel_engine_new,
    .engine_free = revel_engine_free,
    .spawn = revel_spawn,
    .next = lua_next,
    .resume = lua_resume,
    .get_regs = revel_get_regs,
    .set_regs = revel_set_regs,
    .mem_read = revel_mem_read,
    .mem_write = revel_mem_write,
    .mem_string = revel_mem_string,
    .kill_all = revel_kill_all,
    .ppid = revel_ppid,
    .task_count = revel_task_count,
    .syscall_count = revel_syscall_count,
    .syscall_by_nr = revel_syscall_by_nr,
    .class_by_name = revel_class_by_name,
    .errno_name = revel_errno_name,
    .errno_by_name = revel_errno_by_name,
    .signal_name = revel_signal_name,
    .signal_by_name = revel_signal_by_name,
    .get_siginfo = revel_get_siginfo,
    .set_handled = revel_set_handled,
    .set_observed = revel_set_observed,
    .inject_parse = revel_inject_parse,
    .rule_parse = revel_rule_parse,
    .add_inject = revel_add_inject,
    .printer_new = lua_printer_new,
    .printer_free = revel_printer_free,
    .printer_ntasks = revel_printer_ntasks,
    .printer_enter = lua_printer_enter,
    .printer_exit = lua_printer_exit,
    .printer_injected = revel_printer_injected,
    .printer_signal = revel_printer_signal,
    .printer_exited = revel_printer_exited,
    .printer_summary = revel_printer_summary,
    .printer_flush = revel_printer_flush,
    .observe_printer = lua_observe_printer,
    .format_call = lua_format_call,
    .attach = revel_attach,
    .detach_all = revel_detach_all,
    .printer_show = revel_printer_show,
    .printer_detached = revel_printer_detached,
    .printer_root = revel_printer_root,
    .printer_superseded = revel_printer_superseded,
    .backtrace = revel_backtrace,
    .unwind_available = revel_unwind_available,
    .rdtsc = lua_rdtsc,
    .cpuid = lua_cpuid,
    .observe_tee = lua_observe_tee,
    .gdb_monitor_cmd = revel_gdb_monitor_cmd,
    .gdb_monitor_reply = revel_gdb_monitor_reply,
    .sched_runnable = revel_sched_runnable,
    .sched_choose = revel_sched_choose,
    .gdb_inject = revel_gdb_inject,
    .adopt = revel_adopt,
    .feed = revel_feed,
    .next_queued = lua_next_queued,
    .filter_bpf = revel_filter_bpf,
    .filtered = revel_filtered,
    .adopt_prelude = revel_adopt_prelude,
};
