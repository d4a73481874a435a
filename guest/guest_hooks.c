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
static int track, exits, signals;

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

void guest_hooks_register(lua_State *L)
{
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
	lua_pop(L, 3);
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

void guest_hooks_killed(int status)
{
	if (!exits)
		return;
	lua_State *L = begin("killed");
	lua_pushinteger(L, guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0));
	lua_pushinteger(L, status);
	call(L, 2);
}

void guest_hooks_exec(void)
{
	if (borrowed())
		return; /* its creator's state is not its own: its program starts anew */
	lua_State *L = begin("exec");
	lua_pushinteger(L, guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0));
	call(L, 1);
	guest_lua_leave();
}

void guest_hooks_thread(int tid, int parent_tid)
{
	if (!track || borrowed())
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
