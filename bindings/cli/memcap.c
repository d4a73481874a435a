/* memcap.c: a tool that allocates without bound must not grow revel until the
 * OOM killer picks something. LuaJIT's own allocator stays (on x86-64 it
 * places objects where the VM can reach them); a wrapper counts the bytes
 * the Lua state holds, garbage not yet collected included. Past the cap
 * revel says so in one line and exits 125: an error raised in the tool could
 * be caught by its own pcall and the allocation tried again, and revel
 * needs memory to unwind. The guest dies with revel (PTRACE_O_EXITKILL). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "memcap.h"

static lua_Alloc inner;
static void *inner_ud;
static size_t used;
static size_t cap;

static void over_cap(void)
{
	char msg[160];
	int n = snprintf(msg, sizeof msg,
	                 "revel: the tool's Lua memory passed its limit of %zu MiB "
	                 "(--lua-memory=SIZE); the guest is killed\n",
	                 cap >> 20);
	fflush(NULL);
	if (n > 0 && write(2, msg, (size_t)n) < 0)
		n = 0;
	_exit(125);
}

static void *capped(void *ud, void *ptr, size_t osize, size_t nsize)
{
	(void)ud;
	/* osize is the old block's size when ptr is set, and otherwise a type
	 * tag: only a block counts. */
	size_t old = ptr ? osize : 0;
	if (nsize > old && cap && used - old + nsize > cap)
		over_cap();
	void *p = inner(inner_ud, ptr, osize, nsize);
	if (p || nsize == 0)
		used = used - old + nsize;
	return p;
}

void revel_memcap_install(lua_State *L, double bytes)
{
	inner = lua_getallocf(L, &inner_ud);
	used = (size_t)lua_gc(L, LUA_GCCOUNT, 0) * 1024 + (size_t)lua_gc(L, LUA_GCCOUNTB, 0);
	revel_memcap_set(bytes);
	lua_setallocf(L, capped, NULL);
}

void revel_memcap_set(double bytes)
{
	cap = bytes >= 1 && bytes < 1e18 ? (size_t)bytes : 0;
}
