/* The in-guest library's connection to revel: one SOCK_SEQPACKET connection
 * per process (made at the first message, again after a fork or if the
 * guest closed it), moved above fd 900. SEQPACKET keeps messages whole. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

#include "guest_lock.h"
#include "guest_rpc.h"
#include "guest_signals.h"

static char sock_name[108];
static int conn_fd = -1;
static pid_t conn_pid;

int guest_rpc_init(const char *sock)
{
	if (strlen(sock) + 2 > sizeof sock_name)
		return -1;
	sock_name[0] = 0;
	strcpy(sock_name + 1, sock);
	return 0;
}

static int conn(void)
{
	pid_t pid = (pid_t)guest_raw(SYS_getpid, 0, 0, 0, 0, 0, 0);
	if (conn_fd >= 0 && conn_pid == pid)
		return conn_fd;
	int fd = (int)guest_raw(SYS_socket, AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, 0, 0, 0);
	if (fd < 0)
		return fd;
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	size_t n = strlen(sock_name + 1) + 1; /* abstract: a NUL first */
	memcpy(a.sun_path, sock_name, n);
	long r = guest_raw(SYS_connect, fd, (long)&a,
	                   (long)(offsetof(struct sockaddr_un, sun_path) + n), 0, 0, 0);
	if (r < 0) {
		guest_raw(SYS_close, fd, 0, 0, 0, 0, 0);
		return (int)r;
	}
	/* Out of the guest's usual range: a program that closes "its" low fds
	 * should not close ours. */
	int hi = (int)guest_raw(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 900, 0, 0, 0);
	if (hi >= 0) {
		guest_raw(SYS_close, fd, 0, 0, 0, 0, 0);
		fd = hi;
	}
	conn_fd = fd;
	conn_pid = pid;
	return fd;
}

/* One request in flight per process on the connection (rpc_lock), the reply
 * into the calling thread's own buffer: the Lua lock is not held while a
 * handler waits for revel (a thread's rpc does not stall the others), and the
 * two locks are never waited for in the order rpc, Lua. */
#define RPC_MAX (1 << 16)
static guest_lock_t rpc_lock = GUEST_LOCK_INIT;
__thread char *guest_rpc_buf __attribute__((tls_model("initial-exec")));

/* A request sent ahead (guest_rpc_post()), its reply not taken yet: its
 * text and the pid that sent it (a forked child has a connection of its
 * own); the reply, when another request came first and read it. */
static char posted[64];
static size_t posted_n;
static pid_t posted_pid;
static char *kept;
static long kept_n = -1;

static int rpc_buf(char **buf)
{
	if (!*buf) {
		long m = guest_raw(SYS_mmap, 0, RPC_MAX, PROT_READ | PROT_WRITE,
		                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (m < 0 && m > -4096)
			return (int)m;
		*buf = (char *)m;
	}
	return 0;
}

void guest_rpc_post(const char *msg, size_t n)
{
	if (n > sizeof posted)
		return;
	guest_lock(&rpc_lock);
	int fd = conn();
	if (fd >= 0 &&
	    guest_raw(SYS_sendto, fd, (long)msg, (long)n, MSG_NOSIGNAL, 0, 0) == (long)n) {
		memcpy(posted, msg, n);
		posted_n = n;
		posted_pid = conn_pid;
		kept_n = -1;
	}
	guest_unlock(&rpc_lock);
}

static int is_posted(const struct iovec *v, int nv)
{
	size_t at = 0;
	for (int i = 0; i < nv; i++) {
		if (at + v[i].iov_len > posted_n ||
		    memcmp(posted + at, v[i].iov_base, v[i].iov_len))
			return 0;
		at += v[i].iov_len;
	}
	return at == posted_n;
}

/* The posted request's reply, if v is that request; else, if its reply is
 * still on the connection, it is read aside for later (it is the next
 * message there). 1 when *got bytes of it are in guest_rpc_buf. */
static int take_posted(const struct iovec *v, int nv, size_t *got)
{
	if (!posted_n)
		return 0;
	if (posted_pid != (pid_t)guest_raw(SYS_getpid, 0, 0, 0, 0, 0, 0) || conn_fd < 0) {
		posted_n = 0;
		return 0;
	}
	int same = is_posted(v, nv);
	if (kept_n < 0) {
		char *into = same ? guest_rpc_buf : (rpc_buf(&kept) < 0 ? NULL : kept);
		long r = into ? guest_raw(SYS_recvfrom, conn_fd, (long)into, RPC_MAX, 0, 0, 0) : -1;
		if (r <= 0) {
			posted_n = 0;
			return 0;
		}
		if (!same) {
			kept_n = r;
			return 0;
		}
		*got = (size_t)r;
	} else if (same) {
		memcpy(guest_rpc_buf, kept, (size_t)kept_n);
		*got = (size_t)kept_n;
		kept_n = -1;
	} else {
		return 0;
	}
	posted_n = 0;
	return 1;
}

long guest_exchange(const char *msg, size_t n, size_t *got)
{
	struct iovec v = {(void *)msg, n};
	return guest_exchangev(&v, 1, got);
}

long guest_exchangev(const struct iovec *v, int nv, size_t *got)
{
	long r = rpc_buf(&guest_rpc_buf);
	if (r < 0)
		return r;
	guest_lock(&rpc_lock);
	if (take_posted(v, nv, got)) {
		guest_unlock(&rpc_lock);
		return 0;
	}
	r = -EIO;
	for (int attempt = 0; attempt < 2; attempt++) {
		int fd = conn();
		if (fd < 0) {
			r = fd;
			break;
		}
		struct msghdr mh = {.msg_iov = (struct iovec *)v, .msg_iovlen = (size_t)nv};
		r = guest_raw(SYS_sendmsg, fd, (long)&mh, MSG_NOSIGNAL, 0, 0, 0);
		if (r >= 0)
			r = guest_raw(SYS_recvfrom, fd, (long)guest_rpc_buf, RPC_MAX, 0, 0, 0);
		if (r > 0) {
			*got = (size_t)r;
			r = 0;
			break;
		}
		conn_fd = -1; /* closed by the guest (close_range...): connect again once */
		if (r == 0)
			r = -EPIPE;
	}
	guest_unlock(&rpc_lock);
	return r;
}

void guest_rpc_after_fork(void)
{
	guest_lock_reset(&rpc_lock);
	posted_n = 0;
}
