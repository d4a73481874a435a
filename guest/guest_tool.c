/* Entering the tool's handler: each thread runs it on a coroutine of its own
 * on the process's Lua state, under one lock. A handler that blocks (g:inject
 * of a call that may block, g:rpc) yields out of it, and the call runs here
 * with the Lua lock free, so the process's other threads run their handlers
 * meanwhile. */
#define _GNU_SOURCE
#include <string.h>
#include <sys/syscall.h>

#include <lauxlib.h>
#include <lua.h>

#include "guest_core.h"
#include "guest_hooks.h"
#include "guest_rpc.h"
#include "guest_signals.h"

lua_State *guest_lua_enter(void)
{
	guest_lock(&guest_lua_lock);
	return guest_L;
}

void guest_lua_leave(void)
{
	guest_unlock(&guest_lua_lock);
}

/* This thread's coroutine (made at its first handled call, kept in the
 * registry). The lock is held. */
static __thread lua_State *my_co __attribute__((tls_model("initial-exec")));

static lua_State *thread_co(void)
{
	if (my_co)
		return my_co;
	lua_State *co = lua_newthread(guest_L);
	luaL_ref(guest_L, LUA_REGISTRYINDEX);
	lua_rawgeti(co, LUA_REGISTRYINDEX, guest_runner_ref);
	if (lua_resume(co, 0) != LUA_YIELD) /* to its first yield: waits for a call */
		guest_fatal(lua_tostring(co, -1));
	lua_settop(co, 0);
	my_co = co;
	return co;
}

/* Resumes co with its nargs values pushed until the tool's answer; the lock
 * is held and released around each call the handler waits on. */
static void resume_tool(lua_State *co, int nargs)
{
	for (;;) {
		guest_cur_co = co;
		int st = lua_resume(co, nargs);
		guest_cur_co = NULL;
		if (st != LUA_YIELD)
			guest_fatal(lua_tostring(co, -1));
		int kind = (int)lua_tointeger(co, 1);
		if (kind == K_SYSCALL) {
			long a[7];
			for (int i = 0; i < 7; i++)
				a[i] = guest_arg_of(
				    co, i + 2); /* strings stay on co's stack meanwhile */
			guest_unlock(&guest_lua_lock);
			long r = guest_raw(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
			guest_lock(&guest_lua_lock);
			lua_settop(co, 0);
			lua_pushnumber(co, (double)r);
			nargs = 1;
		} else if (kind == K_RPC) {
			size_t n, got;
			const char *msg = lua_tolstring(co, 2, &n);
			guest_unlock(&guest_lua_lock);
			long r = guest_exchange(msg, n, &got);
			guest_lock(&guest_lua_lock);
			lua_settop(co, 0);
			if (r < 0) {
				lua_pushnil(co);
				lua_pushfstring(co, "g:rpc: no connection to revel (%s)",
				                strerror((int)-r));
				nargs = 2;
			} else {
				lua_pushlstring(co, guest_rpc_buf, got);
				nargs = 1;
			}
		} else {
			return;
		}
	}
}

int guest_run_tool(long *nr, long *a, greg_t *rax, const struct guest_fault *f)
{
	if (!guest_tid)
		guest_tid = (int)guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0);
	lua_State *co = thread_co();
	lua_pushinteger(co, guest_tid);
	lua_pushinteger(co, *nr);
	for (int i = 0; i < 6; i++)
		lua_pushnumber(co, (double)a[i]);
	if (f->fired && f->fault)
		lua_pushnumber(co, (double)f->value); /* g:fault() */
	else
		lua_pushnil(co);
	resume_tool(co, 9);
	int kind = (int)lua_tointeger(co, 1), answered = 0;
	if (kind == K_RETURN) {
		*rax = guest_to_long(lua_tonumber(co, 2));
		answered = 1;
	} else if (kind == K_CHANGED) {
		*nr = (long)lua_tointeger(co, 2);
		for (int i = 0; i < 6; i++)
			a[i] = guest_to_long(lua_tonumber(co, 3 + i));
	}
	lua_settop(co, 0);
	return answered;
}
