/* librevel_guest_core.so: the in-guest backend (revel --backend=guest).
 *
 * revel puts this library in LD_PRELOAD with REVEL_GUEST_* variables. Its
 * constructor makes a LuaJIT state, loads the tool file there (guest/inguest.lua
 * does the Lua side), installs a SIGSYS handler and turns on Syscall User
 * Dispatch for the thread. From then on every syscall of the guest traps into
 * guest_on_sigsys() (guest_dispatch.c): a call the tool handles enters Lua under one lock, the
 * others run at once. The selector byte is per thread (TLS) and set to ALLOW while the handler
 * runs, so the handler's own calls (LuaJIT's, libc's) do not trap; a guest call runs through
 * revel_gate_syscall, inside the range dispatch lets through, with the selector at BLOCK and the
 * guest's signal mask: a guest signal handler that runs during a blocking call still has its calls
 * trapped. Threads (clone onto a new stack) start through revel_clone_stub, forks arm dispatch
 * again in the child, and execve keeps the library in the environment. guest_core.h lists the
 * library's parts by job; docs/design.md, "The in-guest backend", has the whole design. This file
 * is the start. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "guest_core.h"
#include "guest_strace.h"
#include "guest_exec.h"
#include "guest_faults.h"
#include "guest_hooks.h"
#include "guest_rpc.h"
#include "guest_signals.h"
#include "guest_tblock.h"
#include "guest_vdso.h"
#include "hstack.h"
#include "rewrite.h"

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#define PR_SYS_DISPATCH_ON 1
#endif
#define KSA_RESTORER 0x04000000

lua_State *guest_L;
int guest_runner_ref = LUA_NOREF, guest_forked_ref = LUA_NOREF;
guest_lock_t guest_lua_lock = GUEST_LOCK_INIT;
unsigned char guest_handled[NR_MAX];
unsigned char guest_ruled[NR_MAX];
int guest_rewriting = 1;
int guest_threaded;
volatile int guest_slow;
pid_t revel_pid;
__thread int guest_tid __attribute__((tls_model("initial-exec")));
__thread lua_State *guest_cur_co __attribute__((tls_model("initial-exec")));
__thread ucontext_t *guest_cur_uc __attribute__((tls_model("initial-exec")));
static int active;

long guest_raw(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	/* through the gate, never libc's syscall(): its site may be rewritten to
	 * enter this library again */
	return gate.syscall(nr, a1, a2, a3, a4, a5, a6);
}

int guest_arm(void)
{
	revel_sel = SEL_ALLOW;
	return (int)guest_raw(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON,
	                      (long)gate.base, (long)gate.len, (long)&revel_sel, 0);
}

extern const unsigned char luaJIT_BC_inguest[];
extern const size_t luaJIT_BC_inguest_SIZE;
extern const unsigned char luaJIT_BC__wire[];
extern const size_t luaJIT_BC__wire_SIZE;
extern const unsigned char luaJIT_BC_inguest_hooks[];
extern const size_t luaJIT_BC_inguest_hooks_SIZE;

static int load_bc(lua_State *L, const unsigned char *bc, size_t n, const char *name)
{
	return luaL_loadbuffer(L, (const char *)bc, n, name);
}

__attribute__((constructor)) static void revel_guest_init(void)
{
	const char *sock = getenv("REVEL_GUEST_SOCK");
	const char *toolpath = getenv("REVEL_GUEST_TOOL");
	if (!sock || !toolpath || guest_rpc_init(sock) < 0)
		return;
	const char *rw = getenv("REVEL_GUEST_REWRITE");
	guest_rewriting = !(rw && !strcmp(rw, "0"));
	if (rewrite_init() < 0)
		guest_fatal("cannot map the gate of syscall user dispatch");
	guest_exec_init();
	guest_life_init();
	revel_pid = (pid_t)guest_raw(SYS_getpid, 0, 0, 0, 0, 0, 0);
	guest_tblock_init();
	guest_seccomp_check();
	/* The process's state (guest/inguest.lua's first request): asked now,
	 * read when the Lua side asks, so revel answers while LuaJIT starts. */
	char y[24];
	int yn = snprintf(y, sizeof y, "Y%d", (int)revel_pid);
	guest_rpc_post(y, (size_t)yn);
	hstack_new();
	guest_tid = revel_pid;
	lua_State *L = guest_L = luaL_newstate();
	if (!L)
		guest_fatal("cannot make a Lua state");
	luaL_openlibs(L);
	if (load_bc(L, luaJIT_BC__wire, luaJIT_BC__wire_SIZE, "=revel._wire") ||
	    lua_pcall(L, 0, 1, 0))
		guest_fatal(lua_tostring(L, -1));
	lua_setfield(L, LUA_REGISTRYINDEX, "revel._wire");
	if (load_bc(L, luaJIT_BC_inguest, luaJIT_BC_inguest_SIZE, "=revel.inguest"))
		guest_fatal(lua_tostring(L, -1));
	lua_newtable(L); /* the C functions the Lua side uses */
	guest_luafns_register(L);
	guest_hooks_register(L);  /* signal_name, signal_by_name */
	guest_strace_register(L); /* the default tool's printer */
	lua_getfield(L, LUA_REGISTRYINDEX, "revel._wire");
	lua_setfield(L, -2, "wire");
	if (load_bc(L, luaJIT_BC_inguest_hooks, luaJIT_BC_inguest_hooks_SIZE,
	            "=revel.inguest_hooks"))
		guest_fatal(lua_tostring(L, -1));
	lua_setfield(L, -2, "hooks");
	lua_pushstring(L, toolpath);
	lua_setfield(L, -2, "tool");
	const char *cfg = getenv("REVEL_GUEST_CONFIG");
	lua_pushstring(L, cfg ? cfg : "");
	lua_setfield(L, -2, "config");
	lua_pushinteger(L, revel_pid);
	lua_setfield(L, -2, "pid");
	if (lua_pcall(L, 1, 5, 0))
		guest_fatal(lua_tostring(L, -1));
	/* returns dispatch, forked, the handled numbers, the vDSO calls to route,
	 * the life hooks */
	guest_hooks_init(L);
	const char *vnames[16];
	int nv = 0;
	for (size_t i = 1, n = lua_objlen(L, -1); i <= n && nv < 16; i++) {
		lua_rawgeti(L, -1, (int)i);
		const char *v = lua_tostring(L, -1);
		if (v && guest_vdso_routable(v))
			vnames[nv++] = v; /* the list stays on the stack until routed */
		lua_pop(L, 1);
	}
	if (guest_vdso_route(vnames, nv) < 0)
		guest_fatal("cannot route the vDSO's calls to the kernel");
	lua_pop(L, 1);
	for (size_t i = 1, n = lua_objlen(L, -1); i <= n; i++) {
		lua_rawgeti(L, -1, (int)i);
		long nr = (long)lua_tointeger(L, -1);
		if (nr >= 0 && nr < NR_MAX)
			guest_handled[nr] = 1;
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	guest_forked_ref = luaL_ref(L, LUA_REGISTRYINDEX);
	guest_runner_ref = luaL_ref(L, LUA_REGISTRYINDEX);

	if (guest_faults_init(guest_ruled, NR_MAX) < 0)
		guest_fatal("cannot read the fault rules");
	struct ksigaction sa = {(void *)guest_on_sigsys, SA_SIGINFO | KSA_RESTORER,
	                        (void *)gate.restorer, ~0ul};
	if (guest_raw(SYS_rt_sigaction, SIGSYS, (long)&sa, 0, 8, 0, 0) < 0 || guest_arm() < 0)
		guest_fatal("cannot turn on syscall user dispatch");
	unsigned char entered[NR_MAX]; /* sites that call the handler: a tool's or a rule's calls */
	for (int nr = 0; nr < NR_MAX; nr++)
		entered[nr] = guest_handled[nr] | guest_ruled[nr] | guest_strace_calls[nr];
	rewrite_maps(entered, guest_fast_ok, NR_MAX);
	active = 1;
}

/* The preloaded library's last step (guest/preload.c), once dlopen has
 * returned (its own last calls are revel's too): the program's first
 * call from here on is the tool's. */
__attribute__((visibility("default"))) void revel_guest_go(void);
void revel_guest_go(void)
{
	if (!active)
		return;
	guest_hooks_start(); /* thread_start, post_exec */
	revel_sel = SEL_BLOCK;
}
