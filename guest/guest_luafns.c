/* The C functions guest/inguest.lua calls (the table it gets at the start):
 * g:rpc, g:inject's syscall, the syscall table, the process's memory,
 * notices. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include <lauxlib.h>
#include <lua.h>

#include "guest_core.h"
#include "guest_regs.h"
#include "guest_exec.h"
#include "guest_rpc.h"
#include "guest_signals.h"
#include "revel/systable.h"

static int l_rpc(lua_State *l)
{
	size_t n, got;
	const char *s = luaL_checklstring(l, 1, &n);
	if (l == guest_cur_co) { /* handle() waits for revel with the Lua lock free */
		lua_pushinteger(l, K_RPC);
		lua_insert(l, 1);
		return lua_yield(l, 2);
	}
	long r = guest_exchange(s, n, &got);
	if (r < 0) {
		lua_pushnil(l);
		lua_pushfstring(l, "g:rpc: no connection to revel (%s)", strerror((int)-r));
		return 2;
	}
	lua_pushlstring(l, guest_rpc_buf, got);
	return 1;
}

/* syscall(nr, a1..a6) -> result (negative errno), run with the selector at
 * ALLOW: g:inject and the runtime's own calls do not re-enter the tool. */
static int l_syscall(lua_State *l)
{
	long a[7];
	for (int i = 0; i < 7; i++)
		a[i] = guest_arg_of(l, i + 1);
	if (l == guest_cur_co && may_block(a[0])) { /* run by handle() with the Lua lock free */
		lua_settop(l, 7);
		lua_pushinteger(l, K_SYSCALL);
		lua_insert(l, 1);
		return lua_yield(l, 8);
	}
	/* g:inject of a signal action or mask: as guest_perform() runs the guest's own */
	if (guest_cur_uc && (a[0] == SYS_rt_sigaction || a[0] == SYS_rt_sigprocmask))
		lua_pushnumber(l, (double)guest_perform(guest_cur_uc, a[0], &a[1]));
	else
		lua_pushnumber(l, (double)guest_raw(a[0], a[1], a[2], a[3], a[4], a[5], a[6]));
	return 1;
}

static int l_sysinfo(lua_State *l)
{
	const struct revel_syscall_info *s = revel_syscall_by_nr(luaL_checkinteger(l, 1));
	if (!s)
		return 0;
	lua_pushstring(l, s->name);
	lua_createtable(l, s->nargs, 0);
	for (int i = 0; i < s->nargs; i++) {
		lua_pushstring(l, s->arg_names[i] ? s->arg_names[i] : "");
		lua_rawseti(l, -2, i + 1);
	}
	lua_pushnumber(l, s->classes);
	return 3;
}

/* systable() -> names (nr -> name), numbers (name -> nr), classes (nr ->
 * class bits), in one pass: the argument names come from sysinfo(nr) at a
 * call's first use (guest/inguest.lua), not for every call at each start. */
static int l_systable(lua_State *l)
{
	lua_createtable(l, REVEL_NR_MAX, 0);
	lua_createtable(l, 0, 512);
	lua_createtable(l, REVEL_NR_MAX, 0);
	for (int nr = 0; nr < REVEL_NR_MAX; nr++) {
		const struct revel_syscall_info *s = revel_syscall_by_nr(nr);
		if (!s)
			continue;
		lua_pushstring(l, s->name);
		lua_pushvalue(l, -1);
		lua_rawseti(l, -5, nr);
		lua_pushinteger(l, nr);
		lua_rawset(l, -4);
		lua_pushnumber(l, s->classes);
		lua_rawseti(l, -2, nr);
	}
	return 3;
}

static int l_class_by_name(lua_State *l)
{
	lua_pushnumber(l, revel_class_by_name(luaL_checkstring(l, 1)));
	return 1;
}

static int l_addr(lua_State *l)
{
	lua_pushnumber(l, (double)(uintptr_t)luaL_checkstring(l, 1));
	return 1;
}

static int l_errnos(lua_State *l)
{
	/* each number's first name, as revel_errno_name() gives it, in one
	 * pass over the table (a lookup per number from 1 to 1023 cost 0.13 ms
	 * at every start) */
	unsigned char seen[1024] = {0};
	int n = revel_errno_count();
	lua_createtable(l, 0, n);
	for (int i = 0; i < n; i++) {
		int e = 0;
		const char *name = revel_errno_at(i, &e);
		if (!name || e <= 0 || e >= 1024 || seen[e])
			continue;
		seen[e] = 1;
		lua_pushinteger(l, e);
		lua_setfield(l, -2, name);
	}
	return 1;
}

/* read(addr, n) -> string or nil, errno: the process's own memory, through
 * process_vm_readv so a bad pointer is EFAULT, not a crash. */
static int l_read(lua_State *l)
{
	uintptr_t p = (uintptr_t)guest_arg_of(l, 1);
	size_t n = (size_t)luaL_checkinteger(l, 2);
	luaL_Buffer b;
	luaL_buffinit(l, &b);
	while (n > 0) {
		char tmp[4096];
		size_t k = n < sizeof tmp ? n : sizeof tmp;
		struct iovec li = {tmp, k}, ri = {(void *)p, k};
		long r = guest_raw(SYS_process_vm_readv, revel_pid, (long)&li, 1, (long)&ri, 1, 0);
		if (r <= 0) {
			lua_pushnil(l);
			lua_pushinteger(l, r < 0 ? -r : EFAULT);
			return 2;
		}
		luaL_addlstring(&b, tmp, (size_t)r);
		p += (size_t)r;
		n -= (size_t)r;
	}
	luaL_pushresult(&b);
	return 1;
}

static int l_write(lua_State *l)
{
	uintptr_t p = (uintptr_t)guest_arg_of(l, 1);
	size_t n;
	const char *s = luaL_checklstring(l, 2, &n);
	struct iovec li = {(void *)s, n}, ri = {(void *)p, n};
	long r = guest_raw(SYS_process_vm_writev, revel_pid, (long)&li, 1, (long)&ri, 1, 0);
	lua_pushnumber(l, (double)r);
	return 1;
}

static int l_notice(lua_State *l)
{
	guest_notice(luaL_checkstring(l, 1));
	return 0;
}

void guest_luafns_register(lua_State *L)
{
	static const luaL_Reg fns[] = {{"rpc", l_rpc},
	                               {"syscall", l_syscall},
	                               {"sysinfo", l_sysinfo},
	                               {"errnos", l_errnos},
	                               {"read", l_read},
	                               {"write", l_write},
	                               {"notice", l_notice},
	                               {"class_by_name", l_class_by_name},
	                               {"addr", l_addr},
	                               {"systable", l_systable},
	                               {"regs", guest_l_regs},
	                               {"set_regs", guest_l_set_regs},
	                               {NULL, NULL}};
	for (const luaL_Reg *f = fns; f->name; f++) {
		lua_pushcfunction(L, f->func);
		lua_setfield(L, -2, f->name);
	}
}
