/* librevel_guest_core.so: the in-guest backend (revel --backend=guest).
 *
 * revel puts this library in LD_PRELOAD with REVEL_GUEST_* variables. Its
 * constructor makes a LuaJIT state, loads the tool file there (guest/inguest.lua
 * does the Lua side), installs a SIGSYS handler and turns on Syscall User
 * Dispatch for the thread. From then on every syscall of the guest traps into
 * on_sigsys(): a call the tool handles enters Lua under one lock, the others run
 * at once. The selector byte is per thread (TLS) and set to ALLOW while the
 * handler runs, so the handler's own calls (LuaJIT's, libc's) do not trap; a
 * guest call runs through revel_gate_syscall, inside the range dispatch lets
 * through, with the selector at BLOCK and the guest's signal mask: a guest
 * signal handler that runs during a blocking call still has its calls trapped.
 * Threads (clone onto a new stack) start through revel_clone_stub, forks arm
 * dispatch again in the child, and execve keeps the library in the
 * environment. docs/design.md, "The in-guest backend", has the whole design. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <ucontext.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "guest_exec.h"
#include "guest_faults.h"
#include "guest_hooks.h"
#include "guest_signals.h"
#include "guest_sigwrap.h"
#include "guest_rpc.h"
#include "hstack.h"
#include "guest_vdso.h"
#include "rewrite.h"
#include "revel/systable.h"

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#define PR_SYS_DISPATCH_ON 1
#endif
#ifndef SYS_USER_DISPATCH
#define SYS_USER_DISPATCH 2
#endif
#define KSA_RESTORER 0x04000000
#define NR_MAX 512

extern long revel_clone_stub(long nr, const greg_t *gregs, unsigned long child_sp);
void revel_guest_child_start(unsigned long child_sp);

static __thread int my_tid __attribute__((tls_model("initial-exec")));

static lua_State *L;
static int runner_ref = LUA_NOREF, forked_ref = LUA_NOREF;
static pthread_mutex_t lua_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned char handled[NR_MAX]; /* calls that enter Lua */
static unsigned char ruled[NR_MAX];   /* calls a fault rule names (guest_faults.c) */
static int active;
static int rewriting = 1; /* REVEL_GUEST_REWRITE=0 turns call-site rewriting off */
static int threaded;      /* the process has had a second thread */
pid_t revel_pid;

long guest_raw(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	/* through the gate, never libc's syscall(): its site may be rewritten to
	 * enter this library again */
	return gate.syscall(nr, a1, a2, a3, a4, a5, a6);
}

static void say(const char *s)
{
	guest_raw(SYS_write, 2, (long)s, (long)strlen(s), 0, 0, 0);
}

static int arm(void)
{
	revel_sel = SEL_ALLOW;
	return (int)guest_raw(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON,
	                      (long)gate.base, (long)gate.len, (long)&revel_sel, 0);
}

/* this thread's coroutine on the process's Lua state, while it runs */
static __thread lua_State *cur_co __attribute__((tls_model("initial-exec")));
/* The registers of the call the thread's handler runs for (handle()). */
static __thread ucontext_t *cur_uc __attribute__((tls_model("initial-exec")));
enum { K_RUN, K_RETURN, K_CHANGED, K_SYSCALL, K_RPC };

static int l_rpc(lua_State *l)
{
	size_t n, got;
	const char *s = luaL_checklstring(l, 1, &n);
	if (l == cur_co) { /* handle() waits for revel with the Lua lock free */
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

/* An error in the tool: revel prints it and ends the run. */
static void fatal(const char *what)
{
	static char m[4096];
	size_t n = strlen(what);
	if (n > sizeof m - 2)
		n = sizeof m - 2;
	m[0] = 'E';
	memcpy(m + 1, what, n);
	size_t got;
	if (guest_exchange(m, n + 1, &got) < 0) {
		say("revel: in-guest tool: ");
		say(what);
		say("\n");
	}
	guest_raw(SYS_exit_group, 125, 0, 0, 0, 0, 0);
}

void guest_fatal(const char *what)
{
	fatal(what);
}

lua_State *guest_lua_enter(void)
{
	pthread_mutex_lock(&lua_lock);
	return L;
}

void guest_lua_leave(void)
{
	pthread_mutex_unlock(&lua_lock);
}

/* ---- the Lua side's C functions ---- */

static long to_long(double v)
{
	if (v >= 9223372036854775808.0)
		return (long)(unsigned long)v;
	return (long)v;
}

static long arg_of(lua_State *l, int i)
{
	if (lua_type(l, i) == LUA_TSTRING)
		return (long)lua_tostring(l, i); /* lives while the call does */
	if (lua_type(l, i) == LUA_TBOOLEAN)
		return lua_toboolean(l, i);
	double v = lua_tonumber(l, i);
	if (v >= 9223372036854775808.0)
		return (long)(unsigned long)v;
	return (long)v;
}

/* syscall(nr, a1..a6) -> result (negative errno), run with the selector at
 * ALLOW: g:inject and the runtime's own calls do not re-enter the tool. */
static long perform(ucontext_t *uc, long nr, long *a);

static int l_syscall(lua_State *l)
{
	long a[7];
	for (int i = 0; i < 7; i++)
		a[i] = arg_of(l, i + 1);
	if (l == cur_co && may_block(a[0])) { /* run by handle() with the Lua lock free */
		lua_settop(l, 7);
		lua_pushinteger(l, K_SYSCALL);
		lua_insert(l, 1);
		return lua_yield(l, 8);
	}
	/* g:inject of a signal action or mask: as perform() runs the guest's own */
	if (cur_uc && (a[0] == SYS_rt_sigaction || a[0] == SYS_rt_sigprocmask))
		lua_pushnumber(l, (double)perform(cur_uc, a[0], &a[1]));
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
	lua_newtable(l);
	for (int e = 1; e < 1024; e++) { /* the table's largest is 531 */
		const char *n = revel_errno_name(e);
		if (n) {
			lua_pushinteger(l, e);
			lua_setfield(l, -2, n);
		}
	}
	return 1;
}

/* read(addr, n) -> string or nil, errno: the process's own memory, through
 * process_vm_readv so a bad pointer is EFAULT, not a crash. */
static int l_read(lua_State *l)
{
	uintptr_t p = (uintptr_t)arg_of(l, 1);
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
	uintptr_t p = (uintptr_t)arg_of(l, 1);
	size_t n;
	const char *s = luaL_checklstring(l, 2, &n);
	struct iovec li = {(void *)s, n}, ri = {(void *)p, n};
	long r = guest_raw(SYS_process_vm_writev, revel_pid, (long)&li, 1, (long)&ri, 1, 0);
	lua_pushnumber(l, (double)r);
	return 1;
}

/* A message to revel (tag, then s): its reply in guest_rpc_buf, *got bytes. */
static long tell(char tag, const char *s, size_t *got)
{
	size_t n = strlen(s);
	static char m[4096];
	if (n > sizeof m - 2)
		n = sizeof m - 2;
	m[0] = tag;
	memcpy(m + 1, s, n);
	*got = 0;
	return guest_exchange(m, n + 1, got);
}

void guest_notice(const char *s)
{
	size_t got;
	tell('N', s, &got);
}

int guest_fallback(const char *s, void *bpf, size_t max, size_t *n)
{
	size_t got;
	*n = 0;
	if (tell('F', s, &got) < 0 || got == 0 || guest_rpc_buf[0] != 'k')
		return 0;
	if (got - 1 <= max) {
		memcpy(bpf, guest_rpc_buf + 1, got - 1);
		*n = got - 1;
	}
	return 1;
}

int guest_prelude(const char *s)
{
	size_t got;
	return tell('P', s, &got) >= 0 && got > 0 && guest_rpc_buf[0] == 'k';
}

void guest_filtered(const char *tid)
{
	size_t got;
	tell('G', tid, &got);
}

static int l_notice(lua_State *l)
{
	guest_notice(luaL_checkstring(l, 1));
	return 0;
}

/* ---- special calls: the ones the handler must run itself ---- */

static void after_fork_child(void)
{
	int parent_tid = my_tid;
	revel_pid = (pid_t)guest_raw(SYS_getpid, 0, 0, 0, 0, 0, 0);
	my_tid = revel_pid;
	pthread_mutex_init(&lua_lock, NULL); /* the parent held it across the fork */
	guest_rpc_after_fork();              /* another thread may have been in an rpc */
	rewrite_after_fork();
	guest_life_fork();
	guest_faults_forked();
	arm();
	if (forked_ref != LUA_NOREF) {
		lua_rawgeti(L, LUA_REGISTRYINDEX, forked_ref);
		lua_pushinteger(L, revel_pid);
		lua_pushinteger(L, parent_tid);
		if (lua_pcall(L, 2, 0, 0))
			fatal(lua_tostring(L, -1));
	}
}

void revel_guest_child_start(unsigned long child_sp)
{
	uint64_t mask = *(uint64_t *)(child_sp - 16);
	int parent_tid = (int)*(uint64_t *)(child_sp - 24);
	if (*(uint64_t *)(child_sp - 32)) /* its own TLS: its own handler stack */
		hstack_new();
	my_tid = (int)guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0);
	if (arm() < 0)
		fatal("a new thread could not turn on syscall user dispatch");
	guest_hooks_thread(my_tid,
	                   parent_tid); /* init_thread, thread_start: signals still blocked */
	revel_sel = SEL_BLOCK; /* the mask opens signals: from here on the thread's calls trap */
	gate.syscall(SYS_rt_sigprocmask, SIG_SETMASK, (long)&mask, 0, 8, 0, 0);
}

static long clone_flags(long nr, const long *a, unsigned long *sp)
{
	if (nr == SYS_clone) {
		*sp = (unsigned long)a[1];
		return a[0];
	}
	struct clone_args ca;
	memset(&ca, 0, sizeof ca);
	size_t n = (size_t)a[1] < sizeof ca ? (size_t)a[1] : sizeof ca;
	struct iovec li = {&ca, n}, ri = {(void *)a[0], n};
	if (guest_raw(SYS_process_vm_readv, revel_pid, (long)&li, 1, (long)&ri, 1, 0) != (long)n)
		return -1;
	*sp = ca.stack ? (unsigned long)(ca.stack + ca.stack_size) : 0;
	return (long)ca.flags;
}

/* Runs the guest's call nr(a) and returns its result; the special ones are
 * kept from breaking the handler's frame or the guest's view. */
static long perform(ucontext_t *uc, long nr, long *a)
{
	greg_t *gr = uc->uc_mcontext.gregs;
	uint64_t tmask;
	struct {
		long set;
		long len;
	} ps;
	switch (nr) {
	case SYS_rt_sigsuspend:
		if (strip_mask(&a[0], &tmask))
			return -EFAULT;
		break;
	case SYS_ppoll:
		if (strip_mask(&a[3], &tmask))
			return -EFAULT;
		break;
	case SYS_epoll_pwait:
	case SYS_epoll_pwait2:
		if (strip_mask(&a[4], &tmask))
			return -EFAULT;
		break;
	case SYS_pselect6:
		if (a[5]) {
			struct iovec li = {&ps, sizeof ps}, ri = {(void *)a[5], sizeof ps};
			if (guest_raw(SYS_process_vm_readv, revel_pid, (long)&li, 1, (long)&ri, 1,
			              0) != (long)sizeof ps ||
			    strip_mask(&ps.set, &tmask))
				return -EFAULT;
			a[5] = (long)&ps;
		}
		break;
	case SYS_rt_sigreturn:
		gr[REG_RIP] = (greg_t)gate.sigreturn;
		return SYS_rt_sigreturn; /* rax at the gate */
	case SYS_rt_sigprocmask:
		return sigprocmask_of(uc, a[0], (const uint64_t *)a[1], (uint64_t *)a[2], a[3]);
	case SYS_rt_sigaction:
		if (a[0] == SIGSYS)
			return sigsys_action((const struct ksigaction *)a[1],
			                     (struct ksigaction *)a[2], a[3]);
		return sigwrap_action(a[0], (const struct ksigaction *)a[1],
		                      (struct ksigaction *)a[2], a[3]);
	case SYS_vfork: /* the child would run on this handler's stack: a fork */
		nr = SYS_fork;
		/* fall through */
	case SYS_fork: {
		long r = guest_raw(nr, 0, 0, 0, 0, 0, 0);
		if (r == 0)
			after_fork_child();
		return r;
	}
	case SYS_clone:
	case SYS_clone3: {
		unsigned long sp;
		long fl = clone_flags(nr, a, &sp);
		if (fl == -1)
			return -EFAULT;
		if ((fl & CLONE_VM) && sp) {
			((uint64_t *)sp)[-1] = (uint64_t)gr[REG_RIP];
			((uint64_t *)sp)[-2] = *guest_mask(uc);
			/* the creator, for init_thread; 0 for a thread on its creator's
			 * TLS (no CLONE_SETTLS), which may not run the tool at its start */
			((uint64_t *)sp)[-3] = (fl & CLONE_SETTLS) ? (uint64_t)my_tid : 0;
			((uint64_t *)sp)[-4] = (fl & CLONE_SETTLS) != 0;
			gr[REG_RDI] = a[0], gr[REG_RSI] = a[1], gr[REG_RDX] = a[2];
			gr[REG_R10] = a[3], gr[REG_R8] = a[4], gr[REG_R9] = a[5];
			int tid = my_tid;
			if (fl & CLONE_THREAD)
				threaded = 1;
			long r = revel_clone_stub(nr, gr, sp);
			/* A child without CLONE_SETTLS (posix_spawn's) shares this TLS:
			 * take the selector and tid back. */
			revel_sel = SEL_ALLOW;
			my_tid = tid;
			return r;
		}
		if (fl & CLONE_VM) { /* vfork-like on this stack: run it as a fork */
			if (nr == SYS_clone3)
				return -ENOSYS; /* glibc falls back to clone */
			a[0] &= ~(long)(CLONE_VM | CLONE_VFORK);
		}
		long r = guest_raw(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		if (r == 0)
			after_fork_child();
		return r;
	}
	case SYS_execve:
	case SYS_execveat: {
		guest_hooks_exec();   /* g.process and g.thread live on in the new program */
		guest_faults_exec(1); /* so do the thread's fault rule counts */
		long r = guest_execve(nr, a, run_open, uc);
		guest_hooks_exec_failed();
		guest_faults_exec(0);
		return r;
	}
	case SYS_exit:
	case SYS_exit_group:
		guest_hooks_exit(nr, a[0]); /* exit_thread, exit_process */
		break;
	}
	if (may_block(nr))
		return run_open(uc, nr, a);
	return guest_raw(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}

/* Calls that may take the fast path of a rewritten site: not the ones
 * perform() must see (signal masks and actions, clone, fork, exec, sigreturn). */
static int fast_ok(long nr)
{
	switch (nr) {
	case SYS_rt_sigreturn:
	case SYS_rt_sigprocmask:
	case SYS_rt_sigaction:
	case SYS_vfork:
	case SYS_fork:
	case SYS_clone:
	case SYS_clone3:
	case SYS_execve:
	case SYS_execveat:
	case SYS_rt_sigsuspend:
	case SYS_ppoll:
	case SYS_pselect6:
	case SYS_epoll_pwait:
	case SYS_epoll_pwait2:
	case SYS_prctl:
	case SYS_exit: /* the exit hooks run in perform() */
	case SYS_exit_group:
		return 0;
	}
	return 1;
}

/* This thread's coroutine on the process's state (made at its first handled
 * call, kept in the registry): a handler that blocks (g:inject of a call
 * that may block, g:rpc) yields out of it, and the call runs here with the
 * Lua lock free, so the process's other threads run their handlers
 * meanwhile. The lock is held. */
static __thread lua_State *my_co __attribute__((tls_model("initial-exec")));

static lua_State *thread_co(void)
{
	if (my_co)
		return my_co;
	lua_State *co = lua_newthread(L);
	luaL_ref(L, LUA_REGISTRYINDEX);
	lua_rawgeti(co, LUA_REGISTRYINDEX, runner_ref);
	if (lua_resume(co, 0) != LUA_YIELD) /* to its first yield: waits for a call */
		fatal(lua_tostring(co, -1));
	lua_settop(co, 0);
	my_co = co;
	return co;
}

/* Resumes co with its nargs values pushed until the tool's answer; the lock
 * is held and released around each call the handler waits on. */
static void resume_tool(lua_State *co, int nargs)
{
	for (;;) {
		cur_co = co;
		int st = lua_resume(co, nargs);
		cur_co = NULL;
		if (st != LUA_YIELD)
			fatal(lua_tostring(co, -1));
		int kind = (int)lua_tointeger(co, 1);
		if (kind == K_SYSCALL) {
			long a[7];
			for (int i = 0; i < 7; i++)
				a[i] = arg_of(co, i + 2); /* strings stay on co's stack meanwhile */
			pthread_mutex_unlock(&lua_lock);
			long r = guest_raw(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
			pthread_mutex_lock(&lua_lock);
			lua_settop(co, 0);
			lua_pushnumber(co, (double)r);
			nargs = 1;
		} else if (kind == K_RPC) {
			size_t n, got;
			const char *msg = lua_tolstring(co, 2, &n);
			pthread_mutex_unlock(&lua_lock);
			long r = guest_exchange(msg, n, &got);
			pthread_mutex_lock(&lua_lock);
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

/* The tool's handler for the call *nr(a): 1 when it answered (*rax, the call
 * not run), 0 to run *nr(a), which it may have changed. The lock is held. */
static int run_tool(long *nr, long *a, greg_t *rax, const struct guest_fault *f)
{
	if (!my_tid)
		my_tid = (int)guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0);
	lua_State *co = thread_co();
	lua_pushinteger(co, my_tid);
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
		*rax = to_long(lua_tonumber(co, 2));
		answered = 1;
	} else if (kind == K_CHANGED) {
		*nr = (long)lua_tointeger(co, 2);
		for (int i = 0; i < 6; i++)
			a[i] = to_long(lua_tonumber(co, 3 + i));
	}
	lua_settop(co, 0);
	return answered;
}

/* One call of the guest: uc holds its registers (rax: nr) and the signal
 * mask sigreturn puts back; after: the end of its syscall instruction (a
 * site to rewrite), 0 from a rewritten site. */
static void handle(ucontext_t *uc, long nr, uintptr_t after)
{
	greg_t *gr = uc->uc_mcontext.gregs;
	long a[6] = {gr[REG_RDI], gr[REG_RSI], gr[REG_RDX], gr[REG_R10], gr[REG_R8], gr[REG_R9]};
	long nr0 = nr, a0[6];
	int lua = nr >= 0 && nr < NR_MAX && handled[nr];
	cur_uc = uc;
	int rule = nr >= 0 && nr < NR_MAX && ruled[nr];
	struct guest_fault f = {0};
	if (rule)
		guest_faults_enter(nr, a, lua, &f);
	if (f.fired && f.fault && !f.to_tool) {
		gr[REG_RAX] = f.value;
		goto ruled_exit;
	}
	memcpy(a0, a, sizeof a0);
	if (lua) {
		pthread_mutex_lock(&lua_lock);
		int answered = run_tool(&nr, a, &gr[REG_RAX], &f);
		if (f.fired) {
			/* As fault_combine(): the rule applies when the handler let the
			 * call run unchanged or gave the rule's own result. */
			if (answered ? gr[REG_RAX] == f.value
			             : nr == nr0 && !memcmp(a, a0, sizeof a0)) {
				pthread_mutex_unlock(&lua_lock);
				gr[REG_RAX] = f.value;
				goto ruled_exit;
			}
			f.fired = 0;
		}
		if (answered) {
			pthread_mutex_unlock(&lua_lock);
			if (guest_restart(uc, &gr[REG_RAX])) {
				handle(uc, nr0, after); /* the restarted call, seen again */
				return;
			}
			goto done;
		}
		if (nr == SYS_fork || nr == SYS_vfork || (nr == SYS_clone && !(a[0] & CLONE_VM))) {
			long r = perform(uc, nr, a); /* the child must not inherit a taken lock */
			if (r != 0)
				pthread_mutex_unlock(&lua_lock);
			gr[REG_RAX] = r;
			return;
		}
		pthread_mutex_unlock(&lua_lock);
	} else if (nr == SYS_fork || nr == SYS_vfork || (nr == SYS_clone && !(a[0] & CLONE_VM))) {
		pthread_mutex_lock(&lua_lock);
		long r = perform(uc, nr, a);
		if (r != 0)
			pthread_mutex_unlock(&lua_lock);
		gr[REG_RAX] = r;
		return;
	}
	gr[REG_RAX] = perform(uc, nr, a);
ruled_exit:
	if (f.fired && f.delay_exit_us > 0)
		guest_faults_sleep(f.delay_exit_us);
done:
	if (after && rewriting && fast_ok(nr0))
		rewrite_site(after, nr0, lua || rule, threaded);
}

struct trap {
	ucontext_t *uc;
	siginfo_t *si;
};

static void on_trap(void *p)
{
	struct trap *t = p;
	handle(t->uc, t->si->si_syscall, (uintptr_t)t->si->si_call_addr);
}

static void on_sigsys(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	int saved_errno = errno;
	revel_sel = SEL_ALLOW;
	long nr = si->si_syscall;
	struct trap t = {uc, si};
	if (si->si_code != SYS_USER_DISPATCH)
		forward_sigsys(sig, si, uc);
	else if (nr == SYS_clone || nr == SYS_clone3 || nr == SYS_vfork)
		on_trap(
		    &t); /* a child sharing this memory may run on the handler stack meanwhile */
	else
		hstack_run(on_trap, &t);
	errno = saved_errno;
	revel_sel = SEL_BLOCK;
}

/* A handled call from a rewritten site (revel_fast_entry): as on_sigsys,
 * without a signal and with signals open: a signal of the guest that comes
 * while the tool runs is held by the wrapper of its handler
 * (guest/guest_sigwrap.c) and delivered when the tool is done. */
void revel_fast_dispatch(greg_t *gregs);
void revel_fast_dispatch(greg_t *gregs)
{
	ucontext_t uc;
	if (revel_sel ==
	    SEL_ALLOW) { /* the library's own call (LuaJIT's, libc's) through a rewritten site */
		gregs[REG_RAX] =
		    guest_raw(gregs[REG_RAX], gregs[REG_RDI], gregs[REG_RSI], gregs[REG_RDX],
		              gregs[REG_R10], gregs[REG_R8], gregs[REG_R9]);
		return;
	}
	int saved_errno = errno;
	revel_in_tool = 1; /* first: a signal from here on is held */
	revel_sel = SEL_ALLOW;
	uc.uc_flags = UC_FAST;
	memcpy(uc.uc_mcontext.gregs, gregs, 17 * sizeof(greg_t));
	handle(&uc, gregs[REG_RAX], 0);
	memcpy(gregs, uc.uc_mcontext.gregs, 17 * sizeof(greg_t));
	revel_sel = SEL_BLOCK;
	revel_in_tool = 0;
	if (sigwrap_held())
		sigwrap_flush();
	errno = saved_errno;
}

/* ---- start ---- */

extern const unsigned char luaJIT_BC_inguest[];
extern const size_t luaJIT_BC_inguest_SIZE;
extern const unsigned char luaJIT_BC__wire[];
extern const size_t luaJIT_BC__wire_SIZE;
extern const unsigned char luaJIT_BC_inguest_hooks[];
extern const size_t luaJIT_BC_inguest_hooks_SIZE;

static int load_bc(const unsigned char *bc, size_t n, const char *name)
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
	rewriting = !(rw && !strcmp(rw, "0"));
	if (rewrite_init() < 0)
		fatal("cannot map the gate of syscall user dispatch");
	guest_exec_init();
	guest_life_init();
	revel_pid = (pid_t)guest_raw(SYS_getpid, 0, 0, 0, 0, 0, 0);
	hstack_new();
	my_tid = revel_pid;
	L = luaL_newstate();
	if (!L)
		fatal("cannot make a Lua state");
	luaL_openlibs(L);
	if (load_bc(luaJIT_BC__wire, luaJIT_BC__wire_SIZE, "=revel._wire") || lua_pcall(L, 0, 1, 0))
		fatal(lua_tostring(L, -1));
	lua_setfield(L, LUA_REGISTRYINDEX, "revel._wire");
	if (load_bc(luaJIT_BC_inguest, luaJIT_BC_inguest_SIZE, "=revel.inguest"))
		fatal(lua_tostring(L, -1));
	lua_newtable(L); /* the C functions the Lua side uses */
	static const luaL_Reg fns[] = {{"rpc", l_rpc},         {"syscall", l_syscall},
	                               {"sysinfo", l_sysinfo}, {"errnos", l_errnos},
	                               {"read", l_read},       {"write", l_write},
	                               {"notice", l_notice},   {"class_by_name", l_class_by_name},
	                               {"addr", l_addr},       {NULL, NULL}};
	for (const luaL_Reg *f = fns; f->name; f++) {
		lua_pushcfunction(L, f->func);
		lua_setfield(L, -2, f->name);
	}
	guest_hooks_register(L); /* signal_name, signal_by_name */
	lua_getfield(L, LUA_REGISTRYINDEX, "revel._wire");
	lua_setfield(L, -2, "wire");
	if (load_bc(luaJIT_BC_inguest_hooks, luaJIT_BC_inguest_hooks_SIZE, "=revel.inguest_hooks"))
		fatal(lua_tostring(L, -1));
	lua_setfield(L, -2, "hooks");
	lua_pushstring(L, toolpath);
	lua_setfield(L, -2, "tool");
	const char *cfg = getenv("REVEL_GUEST_CONFIG");
	lua_pushstring(L, cfg ? cfg : "");
	lua_setfield(L, -2, "config");
	lua_pushinteger(L, revel_pid);
	lua_setfield(L, -2, "pid");
	if (lua_pcall(L, 1, 5, 0))
		fatal(lua_tostring(L, -1));
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
		fatal("cannot route the vDSO's calls to the kernel");
	lua_pop(L, 1);
	for (size_t i = 1, n = lua_objlen(L, -1); i <= n; i++) {
		lua_rawgeti(L, -1, (int)i);
		long nr = (long)lua_tointeger(L, -1);
		if (nr >= 0 && nr < NR_MAX)
			handled[nr] = 1;
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	forked_ref = luaL_ref(L, LUA_REGISTRYINDEX);
	runner_ref = luaL_ref(L, LUA_REGISTRYINDEX);

	if (guest_faults_init(ruled, NR_MAX) < 0)
		fatal("cannot read the fault rules");
	struct ksigaction sa = {(void *)on_sigsys, SA_SIGINFO | KSA_RESTORER, (void *)gate.restorer,
	                        ~0ul};
	if (guest_raw(SYS_rt_sigaction, SIGSYS, (long)&sa, 0, 8, 0, 0) < 0 || arm() < 0)
		fatal("cannot turn on syscall user dispatch");
	unsigned char entered[NR_MAX]; /* sites that call the handler: a tool's or a rule's calls */
	for (int nr = 0; nr < NR_MAX; nr++)
		entered[nr] = handled[nr] | ruled[nr];
	rewrite_maps(entered, fast_ok, NR_MAX);
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
