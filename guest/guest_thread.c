/* A new thread's start (revel_clone_stub in guest/gate.S runs the child
 * here first) and a forked child's: dispatch armed again, the per-process
 * state made anew, the tool's hooks. A thread on a TLS the library did not
 * set up runs this on a block of its own (guest/guest_tblock.c). */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>

#include <lauxlib.h>
#include <lua.h>

#include "guest_core.h"
#include "guest_strace.h"
#include "guest_exec.h"
#include "guest_faults.h"
#include "guest_filters.h"
#include "guest_hooks.h"
#include "guest_rpc.h"
#include "guest_signals.h"
#include "guest_sud.h"
#include "guest_tblock.h"
#include "hstack.h"
#include "rewrite.h"

void revel_guest_child_start(unsigned long child_sp);

void guest_after_fork_child(void)
{
	int parent_tid = guest_tid;
	guest_tblock_forked();
	guest_sud_forked();
	revel_pid = (pid_t)guest_raw(SYS_getpid, 0, 0, 0, 0, 0, 0);
	guest_tid = revel_pid;
	guest_lock_reset(&guest_lua_lock); /* the parent held it across the fork */
	guest_rpc_after_fork();            /* another thread may have been in an rpc */
	rewrite_after_fork();
	guest_life_fork();
	guest_faults_forked();
	guest_strace_forked(); /* its copy of the parent's lines dropped */
	guest_arm();
	if (guest_forked_ref != LUA_NOREF) {
		lua_State *L = guest_L;
		lua_rawgeti(L, LUA_REGISTRYINDEX, guest_forked_ref);
		lua_pushinteger(L, revel_pid);
		lua_pushinteger(L, parent_tid);
		if (lua_pcall(L, 2, 0, 0))
			guest_fatal(lua_tostring(L, -1));
	}
}

/* The child's start on its own TLS (or its block, guest_tblock.c). */
static __attribute__((noinline)) void child_init(unsigned long child_sp)
{
	int parent_tid = (int)*(uint64_t *)(child_sp - 24);
	if (*(uint64_t *)(child_sp - 32)) /* its own TLS: its own handler stack */
		hstack_new();
	guest_tid = (int)guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0);
	guest_filters_adopt((void *)*(uint64_t *)(child_sp - 48)); /* its creator's filters */
	if (guest_arm() < 0)
		guest_fatal("a new thread could not turn on syscall user dispatch");
	guest_hooks_thread(guest_tid,
	                   parent_tid); /* init_thread, thread_start: signals still blocked */
	revel_sel = SEL_BLOCK; /* the mask opens signals: from here on the thread's calls trap */
}

void revel_guest_child_start(unsigned long child_sp)
{
	uint64_t mask = *(uint64_t *)(child_sp - 16);
	unsigned long blk = *(uint64_t *)(child_sp - 40), guest_fs = 0;
	if (blk)
		guest_tblock_adopt(blk, &guest_fs);
	child_init(child_sp);
	if (blk) /* the guest's thread pointer before its signals open */
		guest_tblock_leave(guest_fs);
	gate.syscall(SYS_rt_sigprocmask, SIG_SETMASK, (long)&mask, 0, 8, 0, 0);
}
