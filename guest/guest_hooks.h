/* The life hooks of a tool under --backend=guest (thread_start, post_exec,
 * exit_thread, exit_process, signal): guest/guest_hooks.c calls the Lua side
 * (guest/inguest_hooks.lua) at the points ptrace would stop the thread. */
#ifndef REVEL_GUEST_HOOKS_H
#define REVEL_GUEST_HOOKS_H
#include <lua.h>
#include <signal.h>
#include <ucontext.h>

/* Adds the hooks' C functions to the table at the top of L's stack. */
void guest_hooks_register(lua_State *L);
/* Takes the hooks table at the top of L's stack (popped). */
void guest_hooks_init(lua_State *L);
/* The end of the library's start: thread_start (the command's first program)
 * and post_exec for the process's thread. */
void guest_hooks_start(void);
/* Before an execve: the process's state to revel, for the new program. */
void guest_hooks_exec(void);
/* After an execve that failed: as before it. */
void guest_hooks_exec_failed(void);
/* A new thread (clone onto its own stack), before its first instruction. */
void guest_hooks_thread(int tid, int parent_tid);
/* The thread calls exit (SYS_exit) or exit_group with code: the exit hooks.
 * After exit_group's the Lua lock stays taken: the process is ending. */
void guest_hooks_exit(long nr, long code);

/* A signal about to be delivered to this thread: tool.signal's answer, the
 * signal to deliver (0: none). */
int guest_hooks_signal(int sig);
/* The process dies of a signal (status: as wait gives it): the exit hooks.
 * The Lua lock stays taken. */
void guest_hooks_killed(int status);

/* An rdtsc, rdtscp or cpuid of the guest: gr holds the machine's answer,
 * which tool.rdtsc or tool.cpuid may replace. */
enum { GUEST_TRAP_RDTSC = 1, GUEST_TRAP_RDTSCP, GUEST_TRAP_CPUID };
void guest_hooks_trap(int kind, long leaf, long sub, greg_t *gr);

/* The thread's timer ran out: tool.timer. */
void guest_hooks_timer(void);

/* From guest_tool.c: the Lua state with its lock taken, and let go. */
lua_State *guest_lua_enter(void);
void guest_lua_leave(void);
/* An error in the tool: said by revel, exit 125. */
void guest_fatal(const char *what);
#endif
