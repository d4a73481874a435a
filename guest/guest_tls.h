/* The in-guest library's thread-local variables. They live in the small
 * preloaded librevel_guest.so (guest/preload.c), in the static TLS block the
 * loader makes at the program's start (initial-exec: never allocated lazily,
 * as the SIGSYS handler needs); librevel_guest_core.so, which that library
 * dlopens, reaches them there. */
#ifndef REVEL_GUEST_TLS_H
#define REVEL_GUEST_TLS_H
#include <signal.h>
#include <stdint.h>

#define REVEL_TLS __attribute__((tls_model("initial-exec")))
#define HELD_INFO 4

struct lua_State;

/* the selector byte of Syscall User Dispatch */
extern __thread volatile char revel_sel REVEL_TLS;
/* 1 while the tool runs on this thread with signals open */
extern __thread volatile int revel_in_tool REVEL_TLS;
extern __thread int revel_tls_tid REVEL_TLS;                  /* this thread's tid */
extern __thread char *revel_tls_rpc_buf REVEL_TLS;            /* its rpc reply buffer */
extern __thread struct lua_State *revel_tls_cur_co REVEL_TLS; /* the coroutine running */
extern __thread struct lua_State *revel_tls_my_co REVEL_TLS;  /* its own coroutine */
extern __thread uint64_t revel_tls_held REVEL_TLS;            /* signals held on it */
extern __thread int revel_tls_nheld_info REVEL_TLS;
extern __thread siginfo_t revel_tls_held_info[HELD_INFO] REVEL_TLS;
extern __thread int revel_tls_t_id REVEL_TLS; /* its timer (guest_timer.c) */
extern __thread int revel_tls_t_tid REVEL_TLS;
extern __thread int revel_tls_t_armed REVEL_TLS;
/* the siginfo of the signal tool.signal is asked about (guest_strace.c) */
extern __thread const siginfo_t *revel_tls_siginfo REVEL_TLS;
/* the default tool's calls in flight on the thread (a signal handler's
 * calls inside a blocking one nest: guest_strace.c) */
extern __thread int revel_tls_strace_depth REVEL_TLS;

#endif
