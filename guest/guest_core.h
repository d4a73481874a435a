/* What the parts of librevel_guest_core.so share: the process's Lua state
 * and lock, the calls that enter the tool, this thread's tid and the call it
 * runs the tool for.
 *   revel_guest.c     the start: the Lua state, the tool, dispatch armed
 *   guest_dispatch.c  SIGSYS and rewritten sites: one guest call, handled
 *   guest_tool.c      entering the tool's handler on the thread's coroutine
 *   guest_luafns.c    the C functions the Lua side calls
 *   guest_perform.c   the calls the handler must run itself (fork, clone,
 *                     exec, signal masks and actions, sigreturn)
 *   guest_thread.c    a new thread's and a forked child's start
 *   guest_msg.c       messages to revel: errors, notices, fallbacks */
#ifndef REVEL_GUEST_CORE_H
#define REVEL_GUEST_CORE_H
#include "guest_lock.h"
#include <signal.h>
#include <stddef.h>
#include <sys/types.h>
#include <ucontext.h>

#include <lua.h>

#include "guest_faults.h"

#define NR_MAX 512

extern lua_State *guest_L;
extern int guest_runner_ref, guest_forked_ref;
extern guest_lock_t guest_lua_lock;
extern unsigned char guest_handled[NR_MAX]; /* calls that enter Lua */
extern unsigned char guest_ruled[NR_MAX];   /* calls a fault rule names (guest_faults.c) */
extern int guest_rewriting; /* REVEL_GUEST_REWRITE=0 turns call-site rewriting off */
extern int guest_threaded;  /* the process has had a second thread */
/* a rewritten site's handled call traps rather than entering directly
 * (guest/gate.S): threads on blocks, or a dispatch of the guest's own */
extern volatile int guest_slow;

extern __thread int guest_tid __attribute__((tls_model("initial-exec")));
/* this thread's coroutine on the process's Lua state, while it runs */
extern __thread lua_State *guest_cur_co __attribute__((tls_model("initial-exec")));
/* The registers of the call the thread's handler runs for (handle()). */
extern __thread ucontext_t *guest_cur_uc __attribute__((tls_model("initial-exec")));

/* What a yield of the tool's coroutine asks for (guest/inguest.lua). */
enum { K_RUN, K_RETURN, K_CHANGED, K_SYSCALL, K_RPC };

/* Turns on Syscall User Dispatch for the calling thread, selector at ALLOW. */
int guest_arm(void);
/* An error in the tool: revel prints it and ends the run (guest_msg.c). */
void guest_fatal(const char *what);
/* Runs the guest's call nr(a) and returns its result (guest_perform.c). */
long guest_perform(ucontext_t *uc, long nr, long *a);
/* The process has a seccomp filter (of the guest's, or inherited): set at
 * the start and after the guest's seccomp and prctl calls. */
extern int guest_seccomp;
void guest_seccomp_check(void);
/* Calls that may take the fast path of a rewritten site (guest_perform.c). */
int guest_fast_ok(long nr);
/* The tool's handler for the call *nr(a): 1 when it answered (*rax), 0 to
 * run *nr(a), which it may have changed. The Lua lock is held. */
int guest_run_tool(long *nr, long *a, greg_t *rax, const struct guest_fault *f);
/* A forked child's start (guest_thread.c). */
void guest_after_fork_child(void);
/* Puts the Lua side's C functions into the table on top of L's stack. */
void guest_luafns_register(lua_State *L);
/* SIGSYS's handler (guest_dispatch.c). */
void guest_on_sigsys(int sig, siginfo_t *si, void *ucv);

static inline long guest_to_long(double v)
{
	if (v >= 9223372036854775808.0)
		return (long)(unsigned long)v;
	return (long)v;
}

/* A Lua argument as a syscall's: a string's address (it lives while the
 * call does), a boolean's 0 or 1, a number. */
static inline long guest_arg_of(lua_State *l, int i)
{
	if (lua_type(l, i) == LUA_TSTRING)
		return (long)lua_tostring(l, i);
	if (lua_type(l, i) == LUA_TBOOLEAN)
		return lua_toboolean(l, i);
	return guest_to_long(lua_tonumber(l, i));
}

#endif
