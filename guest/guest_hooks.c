/* The life hooks of a tool under --backend=guest. The ptrace runtime calls
 * thread_start, post_exec, exit_thread and exit_process at the thread's
 * stops; here the library calls them itself at the same points: a new
 * thread before its first instruction, the library's start after an exec,
 * the thread's exit or exit_group before it runs. The Lua side is
 * guest/inguest_hooks.lua. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>

#include "guest_hooks.h"
#include "guest_signals.h"
#include "guest_sigwrap.h"
#include "revel/systable.h"

static int hooks_ref = LUA_NOREF;
static int track, exits, signals, rdtsc, cpuid, timers;

static int l_signal_name(lua_State *L)
{
	const char *s = revel_signal_name((int)luaL_checkinteger(L, 1));
	if (!s)
		return 0;
	lua_pushstring(L, s);
	return 1;
}

static int l_signal_by_name(lua_State *L)
{
	lua_pushinteger(L, revel_signal_by_name(luaL_checkstring(L, 1)));
	return 1;
}

/* revel.rdtsc() -> counter, TSC_AUX; revel.cpuid(leaf, subleaf) -> eax..edx:
 * the machine's */
static int l_rdtsc(lua_State *L)
{
	greg_t gr[NGREG] = {0};
	sigwrap_machine(GUEST_TRAP_RDTSCP, gr);
	lua_pushnumber(L, (double)((uint64_t)(uint32_t)gr[REG_RDX] << 32 | (uint32_t)gr[REG_RAX]));
	lua_pushnumber(L, (double)(uint32_t)gr[REG_RCX]);
	return 2;
}

static int l_cpuid(lua_State *L)
{
	greg_t gr[NGREG] = {0};
	gr[REG_RAX] = (greg_t)luaL_optnumber(L, 1, 0);
	gr[REG_RCX] = (greg_t)luaL_optnumber(L, 2, 0);
	sigwrap_machine(GUEST_TRAP_CPUID, gr);
	lua_pushnumber(L, (double)(uint32_t)gr[REG_RAX]);
	lua_pushnumber(L, (double)(uint32_t)gr[REG_RBX]);
	lua_pushnumber(L, (double)(uint32_t)gr[REG_RCX]);
	lua_pushnumber(L, (double)(uint32_t)gr[REG_RDX]);
	return 4;
}

/* timer_set(ns) -> 0 or -errno; timer_cancel() -> ns left, or -1 */
static int l_timer_set(lua_State *L)
{
	lua_pushnumber(L, (double)guest_timer_set((long)luaL_checknumber(L, 1)));
	return 1;
}

static int l_timer_cancel(lua_State *L)
{
	lua_pushnumber(L, (double)guest_timer_cancel());
	return 1;
}

/* readlink(path) -> the link, or nil, errno (g:fd_path) */
static int l_readlink(lua_State *L)
{
	char buf[4097];
	long n =
	    guest_raw(SYS_readlink, (long)luaL_checkstring(L, 1), (long)buf, sizeof buf, 0, 0, 0);
	if (n < 0) {
		lua_pushnil(L);
		lua_pushinteger(L, -n);
		return 2;
	}
	lua_pushlstring(L, buf, (size_t)n);
	return 1;
}

void guest_hooks_register(lua_State *L)
{
	lua_pushcfunction(L, l_readlink);
	lua_setfield(L, -2, "readlink");
	lua_pushcfunction(L, l_timer_set);
	lua_setfield(L, -2, "timer_set");
	lua_pushcfunction(L, l_timer_cancel);
	lua_setfield(L, -2, "timer_cancel");
	lua_pushcfunction(L, l_rdtsc);
	lua_setfield(L, -2, "rdtsc");
	lua_pushcfunction(L, l_cpuid);
	lua_setfield(L, -2, "cpuid");
	lua_pushcfunction(L, l_signal_name);
	lua_setfield(L, -2, "signal_name");
	lua_pushcfunction(L, l_signal_by_name);
	lua_setfield(L, -2, "signal_by_name");
}

void guest_hooks_init(lua_State *L)
{
	lua_getfield(L, -1, "track");
	track = lua_toboolean(L, -1);
	lua_getfield(L, -2, "exits");
	exits = lua_toboolean(L, -1);
	lua_getfield(L, -3, "signals");
	signals = lua_toboolean(L, -1);
	lua_getfield(L, -4, "rdtsc");
	rdtsc = lua_toboolean(L, -1);
	lua_getfield(L, -5, "cpuid");
	cpuid = lua_toboolean(L, -1);
	lua_getfield(L, -6, "timers");
	timers = lua_toboolean(L, -1);
	lua_pop(L, 6);
	hooks_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

/* A process that shares its creator's memory without being its thread
 * (posix_spawn's clone(CLONE_VM | CLONE_VFORK)) runs on its creator's Lua
 * state until it execs: no hooks of its own (revel_pid is the creator's). */
static int borrowed(void)
{
	return guest_raw(SYS_getpid, 0, 0, 0, 0, 0, 0) != revel_pid;
}

/* H[fn](args...) with the lock taken; the args are pushed by the caller
 * between begin() and call(). */
static lua_State *begin(const char *fn)
{
	lua_State *L = guest_lua_enter();
	lua_rawgeti(L, LUA_REGISTRYINDEX, hooks_ref);
	lua_getfield(L, -1, fn);
	lua_remove(L, -2);
	return L;
}

static void call(lua_State *L, int nargs)
{
	if (lua_pcall(L, nargs, 0, 0))
		guest_fatal(lua_tostring(L, -1));
	lua_settop(L, 0);
}

void guest_hooks_start(void)
{
	/* the hooks take the Lua lock: no signal handler of ours may run meanwhile */
	uint64_t all = ~0ull, old;
	guest_raw(SYS_rt_sigprocmask, SIG_SETMASK, (long)&all, (long)&old, 8, 0, 0);
	if (exits || signals)
		sigwrap_hooks_init();
	if (rdtsc || cpuid)
		sigwrap_traps_init(rdtsc, cpuid);
	if (timers)
		sigwrap_timers_init();
	if (track) {
		lua_State *L = begin("start");
		lua_pushinteger(L, revel_pid);
		call(L, 1);
		guest_lua_leave();
	}
	guest_raw(SYS_rt_sigprocmask, SIG_SETMASK, (long)&old, 0, 8, 0, 0);
}

int guest_hooks_signal(int sig)
{
	if (!signals)
		return sig;
	lua_State *L = begin("signal");
	lua_pushinteger(L, guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0));
	lua_pushinteger(L, sig);
	if (lua_pcall(L, 2, 1, 0))
		guest_fatal(lua_tostring(L, -1));
	int to = (int)lua_tointeger(L, -1);
	lua_settop(L, 0);
	guest_lua_leave();
	return to;
}

void guest_hooks_trap(int kind, long leaf, long sub, greg_t *gr)
{
	lua_State *L = begin("trap");
	lua_pushinteger(L, guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0));
	lua_pushinteger(L, kind);
	lua_pushnumber(L, (double)leaf);
	lua_pushnumber(L, (double)sub);
	if (lua_pcall(L, 4, 4, 0))
		guest_fatal(lua_tostring(L, -1));
	if (!lua_isnil(L, 1)) {
		/* rdtsc: low, high[, aux]; cpuid: eax, ebx, ecx, edx */
		static const int regs[2][4] = {{REG_RAX, REG_RDX, REG_RCX, -1},
		                               {REG_RAX, REG_RBX, REG_RCX, REG_RDX}};
		const int *r = regs[kind == GUEST_TRAP_CPUID];
		for (int i = 0; i < 4; i++)
			if (r[i] >= 0 && !lua_isnil(L, i + 1))
				gr[r[i]] = (greg_t)(uint32_t)lua_tonumber(L, i + 1);
	}
	lua_settop(L, 0);
	guest_lua_leave();
}

void guest_hooks_timer(void)
{
	lua_State *L = begin("timer");
	lua_pushinteger(L, guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0));
	call(L, 1);
	guest_lua_leave();
}

void guest_hooks_killed(int status)
{
	if (!exits)
		return;
	lua_State *L = begin("killed");
	lua_pushinteger(L, guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0));
	lua_pushinteger(L, status);
	call(L, 2);
}

/* rdtsc stays trapped across an exec (PR_SET_TSC survives it), but the new
 * program's loader reads the counter (its start-up timing) before the
 * library can answer: the trap is off from the execve until the library's
 * start in the new program turns it on again. */
#define PR_SET_TSC_ 26
#define PR_TSC_ENABLE_ 1
#define PR_TSC_SIGSEGV_ 2

void guest_hooks_exec_failed(void)
{
	if (rdtsc)
		guest_raw(SYS_prctl, PR_SET_TSC_, PR_TSC_SIGSEGV_, 0, 0, 0, 0);
}

void guest_hooks_exec(void)
{
	if (rdtsc)
		guest_raw(SYS_prctl, PR_SET_TSC_, PR_TSC_ENABLE_, 0, 0, 0, 0);
	if (borrowed())
		return; /* its creator's state is not its own: its program starts anew */
	lua_State *L = begin("exec");
	lua_pushinteger(L, guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0));
	call(L, 1);
	guest_lua_leave();
}

void guest_hooks_thread(int tid, int parent_tid)
{
	if (!track || !parent_tid || borrowed())
		return;
	lua_State *L = begin("started");
	lua_pushinteger(L, tid);
	lua_pushinteger(L, parent_tid);
	call(L, 2);
	guest_lua_leave();
}

void guest_hooks_exit(long nr, long code)
{
	if (!exits || borrowed())
		return;
	int tid = (int)guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0);
	lua_State *L = begin("exit");
	lua_pushinteger(L, tid);
	lua_pushinteger(L, nr);
	lua_pushinteger(L, (int)code);
	call(L, 3);
	if (nr == SYS_exit)
		guest_lua_leave();
	/* exit_group: the lock stays taken, so that no other thread enters the
	 * tool (a handler, a second exit_group's hooks) while the process ends. */
}
