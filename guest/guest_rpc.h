/* The in-guest library's connection to revel (guest/guest_rpc.c): g:rpc,
 * the tool's output, notices and errors. */
#ifndef REVEL_GUEST_RPC_H
#define REVEL_GUEST_RPC_H
#include <stddef.h>

/* this thread's reply buffer: the reply of its last guest_exchange() */
extern __thread char *guest_rpc_buf __attribute__((tls_model("initial-exec")));

/* The socket's (abstract) name, from REVEL_GUEST_SOCK; -1 if too long. */
int guest_rpc_init(const char *sock);
/* send(msg), wait for the reply into guest_rpc_buf: 0 (*got its length) or
 * -errno. Takes only the rpc lock: it may be called with the Lua lock held,
 * never the other way round. */
long guest_exchange(const char *msg, size_t n, size_t *got);
/* The same with the message in pieces (sendmsg: one message, no copy). */
struct iovec;
long guest_exchangev(const struct iovec *v, int nv, size_t *got);
/* Sends msg (at most 64 bytes) without waiting: the next guest_exchange()
 * of the same text takes its reply instead of asking again (the process's
 * state, "Y", asked for before LuaJIT starts and read after: revel answers
 * meanwhile). */
void guest_rpc_post(const char *msg, size_t n);
/* In a forked child: the rpc lock is free (another thread of the parent may
 * have held it). */
void guest_rpc_after_fork(void);

#endif
