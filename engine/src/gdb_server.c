/* gdb_server.c: the gdbserver's connection and its packets: listening,
 * one client at a time, reading and answering packets, and the commands
 * that need nothing but the stopped guest (threads, memory, registers). */
#define _GNU_SOURCE
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "gdb_server.h"

void gdb_say(revel_engine *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	flockfile(e->log); /* one line, also from the watcher thread */
	fputs("revel: gdbserver: ", e->log);
	vfprintf(e->log, fmt, ap);
	fputc('\n', e->log);
	fflush(e->log);
	funlockfile(e->log);
	va_end(ap);
}

void gdb_gone(revel_engine *e, struct gdb_server *g)
{
	if (__atomic_exchange_n(&g->gone_said, true, __ATOMIC_SEQ_CST))
		return;
	gdb_say(e, "gdb went away: the guest %s", g->kill_on_disconnect ? "is killed" : "goes on");
	if (g->kill_on_disconnect)
		for (int i = 0; i < g->npids; i++)
			kill(g->pids[i], SIGKILL);
}

static int listen_unix(struct gdb_server *g, const char *path, char *err, size_t errlen)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	if (strlen(path) >= sizeof sa.sun_path) {
		snprintf(err, errlen, "--gdbserver %s: socket path too long", path);
		return -1;
	}
	strcpy(sa.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(fd, 1) < 0) {
		snprintf(err, errlen, "--gdbserver %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	strcpy(g->sock_path, path);
	snprintf(g->where, sizeof g->where, "%s", path);
	return fd;
}

static int listen_tcp(struct gdb_server *g, const char *addr, char *err, size_t errlen)
{
	char host[128] = "127.0.0.1";
	const char *colon = strrchr(addr, ':');
	const char *port = addr;
	if (colon) {
		size_t n = (size_t)(colon - addr);
		if (n >= sizeof host) {
			snprintf(err, errlen, "--gdbserver %s: host name too long", addr);
			return -1;
		}
		if (n) {
			memcpy(host, addr, n);
			host[n] = 0;
		}
		port = colon + 1;
	}
	char *end;
	long p = strtol(port, &end, 10);
	if (!*port || *end || p < 0 || p > 65535) {
		snprintf(err, errlen, "--gdbserver takes [HOST:]PORT or a socket path, not %s",
		         addr);
		return -1;
	}
	struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM}, *ai;
	int rc = getaddrinfo(host, port, &hints, &ai);
	if (rc) {
		snprintf(err, errlen, "--gdbserver %s: %s", addr, gai_strerror(rc));
		return -1;
	}
	int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;
	if (fd >= 0)
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (fd < 0 || bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 || listen(fd, 1) < 0) {
		snprintf(err, errlen, "--gdbserver %s: %s", addr, strerror(errno));
		if (fd >= 0)
			close(fd);
		freeaddrinfo(ai);
		return -1;
	}
	freeaddrinfo(ai);
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	getsockname(fd, (struct sockaddr *)&ss, &sl);
	int bound = ss.ss_family == AF_INET6 ? ntohs(((struct sockaddr_in6 *)&ss)->sin6_port)
	                                     : ntohs(((struct sockaddr_in *)&ss)->sin_port);
	snprintf(g->where, sizeof g->where, "%s:%d", host, bound);
	return fd;
}

int gdb_server_open(revel_engine *e, const char *addr, int disconnect_kill, char *err,
                    size_t errlen)
{
	struct gdb_server *g = calloc(1, sizeof *g);
	if (!g) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	g->fd = -1;
	for (size_t i = 0; i < sizeof g->vfile_fd / sizeof *g->vfile_fd; i++)
		g->vfile_fd[i] = -1;
	g->kill_on_disconnect = disconnect_kill != 0;
	g->listen_fd = strchr(addr, '/') ? listen_unix(g, addr, err, errlen)
	                                 : listen_tcp(g, addr, err, errlen);
	if (g->listen_fd < 0) {
		free(g);
		return -1;
	}
	gdb_reader_init(&g->rd);
	e->gdb = g;
	gdb_say(e, "listening on %s", g->where);
	return 0;
}

void gdb_server_free(revel_engine *e)
{
	struct gdb_server *g = e->gdb;
	if (!g)
		return;
	gdb_wake_stop(g);
	if (g->fd >= 0)
		close(g->fd);
	if (g->listen_fd >= 0)
		close(g->listen_fd);
	if (g->sock_path[0])
		unlink(g->sock_path);
	for (size_t i = 0; i < sizeof g->vfile_fd / sizeof *g->vfile_fd; i++)
		if (g->vfile_fd[i] >= 0)
			close(g->vfile_fd[i]);
	free(g->bps);
	free(g);
	e->gdb = NULL;
}

/* ---- replies ---- */

static void send_all(struct gdb_server *g, const char *p, size_t n)
{
	while (n && g->fd >= 0) {
		/* a client gone mid-write is an error here, never a SIGPIPE */
		ssize_t w = send(g->fd, p, n, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return; /* the reader sees the end of the connection */
		p += w;
		n -= (size_t)w;
	}
}

static void send_frame(struct gdb_server *g, const void *p, size_t n, bool binary)
{
	g->outlen = gdb_frame(g->out, sizeof g->out, p, n, binary);
	if (!g->outlen) /* cannot happen for replies kept under the limit */
		g->outlen = gdb_frame(g->out, sizeof g->out, "E01", 3, false);
	send_all(g, g->out, g->outlen);
}

void gdb_reply(struct gdb_server *g, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(g->reply, sizeof g->reply, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof g->reply)
		n = snprintf(g->reply, sizeof g->reply, "E01");
	send_frame(g, g->reply, (size_t)n, false);
}

void gdb_reply_bin(struct gdb_server *g, const void *p, size_t n)
{
	send_frame(g, p, n, true);
}

void gdb_reply_xfer(struct gdb_server *g, const void *data, size_t n, uint64_t offset, uint64_t len)
{
	/* Escapes can double the bytes: half the packet is always safe. */
	if (len > GDB_PACKET_MAX / 2 - 8)
		len = GDB_PACKET_MAX / 2 - 8;
	static char buf[GDB_PACKET_MAX];
	if (offset >= n) {
		gdb_reply(g, "l");
		return;
	}
	size_t k = n - offset < len ? n - offset : len;
	buf[0] = k < n - offset ? 'm' : 'l';
	memcpy(buf + 1, (const char *)data + offset, k);
	gdb_reply_bin(g, buf, k + 1);
}

/* ---- reading ---- */

/* The next packet in g->rd.buf; false when the connection is over. */
static bool next_packet(revel_engine *e, struct gdb_server *g)
{
	for (;;) {
		while (g->rpos < g->rend) {
			enum gdb_in k = gdb_reader_feed(&g->rd, (unsigned char)g->rbuf[g->rpos++]);
			if (k == GDB_IN_PACKET) {
				if (!g->no_ack)
					send_all(g, "+", 1);
				return true;
			}
			if (k == GDB_IN_BAD) {
				gdb_say(e, "%s", g->rd.err);
				if (!g->no_ack)
					send_all(g, "-", 1);
			} else if (k == GDB_IN_NACK && g->outlen) {
				send_all(g, g->out, g->outlen);
			}
		}
		ssize_t n = read(g->fd, g->rbuf, sizeof g->rbuf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		g->rpos = 0;
		g->rend = (size_t)n;
	}
}

/* A second client is told no, in one line, and the first keeps on. */
void gdb_refuse_others(revel_engine *e, struct gdb_server *g)
{
	struct pollfd p = {g->listen_fd, POLLIN, 0};
	while (poll(&p, 1, 0) == 1 && (p.revents & POLLIN)) {
		int fd = accept4(g->listen_fd, NULL, NULL, SOCK_CLOEXEC);
		if (fd < 0)
			return;
		gdb_say(e, "a second client refused: gdb is connected already");
		static const char msg[] = "E.revel gdbserver: a client is connected already";
		char frame[128];
		size_t n = gdb_frame(frame, sizeof frame, msg, sizeof msg - 1, false);
		(void)!send(fd, frame, n, MSG_NOSIGNAL);
		close(fd);
	}
}

static bool accept_client(revel_engine *e, struct gdb_server *g)
{
	for (;;) {
		int fd = accept4(g->listen_fd, NULL, NULL, SOCK_CLOEXEC);
		if (fd >= 0) {
			int one = 1;
			setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
			g->fd = fd;
			g->connected = true;
			g->rpos = g->rend = 0;
			gdb_reader_init(&g->rd);
			return true;
		}
		if (errno != EINTR && errno != ECONNABORTED) {
			gdb_say(e, "accept: %s", strerror(errno));
			return false;
		}
		if (e->opt.interrupt && *e->opt.interrupt)
			return false;
	}
}

/* ---- commands ---- */

static pid_t thread_id(const char *s, const char **end)
{
	uint64_t v;
	if (s[0] == '-' && s[1] == '1') {
		*end = s + 2;
		return -1;
	}
	if (s[0] == 'p') { /* multiprocess form pPID.TID: the TID */
		s++;
		if (!gdb_hex_u64(&s, &v))
			return -2;
		if (*s == '.')
			s++;
		else {
			*end = s;
			return 0;
		}
		if (s[0] == '-' && s[1] == '1') {
			*end = s + 2;
			return -1;
		}
	}
	if (!gdb_hex_u64(&s, &v) || v > 0x7fffffff)
		return -2;
	*end = s;
	return (pid_t)v;
}

/* The thread g and p/P/m/M work on. */
static struct task *g_thread(revel_engine *e)
{
	struct gdb_server *g = e->gdb;
	struct task *t = g->g_tid > 0 ? gdb_thread(e, g->g_tid) : NULL;
	if (!t)
		t = gdb_thread(e, g->report_tid);
	if (!t)
		t = gdb_thread(e, g->pid);
	if (!t && g->npids)
		t = gdb_thread(e, g->pids[0]);
	return t;
}

static void thread_list(revel_engine *e)
{
	struct gdb_server *g = e->gdb;
	char *p = g->reply, *end = g->reply + sizeof g->reply - 24;
	*p++ = 'm';
	size_t i = 0;
	struct task *t;
	bool first = true;
	/* The reported thread first: gdb takes the first as the current one. */
	while ((t = tasks_next(&e->tasks, &i))) {
		if (!t->proc || !gdb_debugs(g, t->proc->pid) || p >= end)
			continue;
		p += sprintf(p, "%s%s", first ? "" : ",", gdb_tid(g, t, t->tid));
		first = false;
	}
	if (first)
		gdb_reply(g, "l");
	else
		send_frame(g, g->reply, (size_t)(p - g->reply), false);
}

/* A packet gdb never sends (its arguments do not parse): E01, and the
 * cause in one line. */
static void malformed(revel_engine *e, const char *p)
{
	gdb_say(e, "malformed packet \"%.40s\": answered E01", p);
	gdb_reply(e->gdb, "E01");
}

/* False: the arguments do not parse. */
static bool read_memory(revel_engine *e, const char *args, bool binary)
{
	struct gdb_server *g = e->gdb;
	uint64_t addr, len;
	const char *s = args;
	struct task *t = g_thread(e);
	if (!gdb_hex_u64(&s, &addr) || *s++ != ',' || !gdb_hex_u64(&s, &len) || *s)
		return false;
	if (!t) {
		gdb_reply(g, "E01");
		return true;
	}
	static unsigned char buf[GDB_PACKET_MAX / 2];
	if (len > sizeof buf / 2)
		len = sizeof buf / 2;
	ssize_t n = gdb_mem_read(e, t->tid, addr, buf, len);
	if (n <= 0 && len) {
		gdb_reply(g, "E14"); /* EFAULT */
		return true;
	}
	if (n < 0)
		n = 0;
	if (binary) {
		gdb_reply_bin(g, buf, (size_t)n);
		return true;
	}
	gdb_hex_encode(buf, (size_t)n, g->reply);
	send_frame(g, g->reply, 2 * (size_t)n, false);
	return true;
}

static bool write_memory(revel_engine *e, char *args, size_t len, bool binary)
{
	struct gdb_server *g = e->gdb;
	uint64_t addr, n;
	const char *s = args;
	struct task *t = g_thread(e);
	if (!gdb_hex_u64(&s, &addr) || *s++ != ',' || !gdb_hex_u64(&s, &n) || *s++ != ':')
		return false;
	if (!t) {
		gdb_reply(g, "E01");
		return true;
	}
	static unsigned char buf[GDB_PACKET_MAX];
	size_t have = len - (size_t)(s - args);
	long got;
	if (binary) {
		memcpy(buf, s, have);
		got = gdb_unescape((char *)buf, have);
	} else {
		got = gdb_hex_decode(s, have, buf, sizeof buf);
	}
	if (got < 0 || (uint64_t)got != n)
		return false;
	if (n && gdb_mem_write(e, t->tid, addr, buf, n) != (ssize_t)n)
		gdb_reply(g, "E14");
	else
		gdb_reply(g, "OK");
	return true;
}

static bool breakpoint(revel_engine *e, const char *args, bool insert)
{
	struct gdb_server *g = e->gdb;
	uint64_t addr, kind;
	const char *s = args + 2;
	if (args[0] < '0' || args[0] > '4' || args[0] == '1') {
		gdb_reply(g, "%s", ""); /* hardware breakpoints (Z1): gdb uses Z0 */
		return true;
	}
	if (args[1] != ',' || !gdb_hex_u64(&s, &addr) || *s++ != ',' || !gdb_hex_u64(&s, &kind))
		return false;
	int type = args[0] - '0', rc;
	struct task *t = g_thread(e);
	pid_t pid = t && t->proc ? t->proc->pid : g->pid;
	if (type == 0)
		rc = insert ? gdb_bp_insert(e, pid, addr) : gdb_bp_remove(e, pid, addr);
	else
		rc = insert ? gdb_watch_insert(e, type, addr, kind)
		            : gdb_watch_remove(e, type, addr, kind);
	if (rc < 0)
		gdb_reply(g, "E%02x", -rc & 0xff);
	else
		gdb_reply(g, "OK");
	return true;
}

static void set_thread(revel_engine *e, const char *args)
{
	struct gdb_server *g = e->gdb;
	const char *end;
	pid_t tid = thread_id(args + 1, &end);
	if (tid < -1 || (tid > 0 && !gdb_thread(e, tid))) {
		gdb_reply(g, "E01");
		return;
	}
	if (args[0] == 'g')
		g->g_tid = tid;
	else
		g->c_tid = tid;
	gdb_reply(g, "OK");
}

/* Does gdb's qSupported:F1;F2... offer feature f (a whole word)? */
static bool offers(const char *p, const char *f)
{
	size_t n = strlen(f);
	for (const char *s = strchr(p, ':'); s; s = strchr(s, ';')) {
		s++;
		if (!strncmp(s, f, n) && (s[n] == ';' || !s[n]))
			return true;
	}
	return false;
}

/* What gdb offers (multiprocess+, fork-events+, exec-events+) is taken. */
static void q_supported(struct gdb_server *g, const char *p)
{
	g->multiprocess = offers(p, "multiprocess+");
	g->fork_events = g->multiprocess && offers(p, "fork-events+");
	g->exec_events = g->multiprocess && offers(p, "exec-events+");
	g->vfork_events = g->fork_events && offers(p, "vfork-events+");
	gdb_reply(g,
	          "PacketSize=%x;QStartNoAckMode+;qXfer:features:read+;qXfer:auxv:read+;"
	          "qXfer:exec-file:read+;qXfer:libraries-svr4:read+;QPassSignals+;"
	          "vContSupported+;QCatchSyscalls+;QThreadEvents-;no-resumed-%s%s%s%s",
	          GDB_PACKET_MAX, g->multiprocess ? ";multiprocess+" : "",
	          g->fork_events ? ";fork-events+" : "", g->exec_events ? ";exec-events+" : "",
	          g->vfork_events ? ";vfork-events+" : "");
}

static void pass_signals(struct gdb_server *g, const char *s)
{
	g->pass_sigs = 0;
	uint64_t v;
	while (*s && gdb_hex_u64(&s, &v)) {
		int sig = gdb_sig_from_gdb((int)v);
		if (sig > 0 && sig < 64)
			g->pass_sigs |= 1ull << sig;
		if (*s == ';')
			s++;
	}
	gdb_reply(g, "OK");
}

/* QCatchSyscalls:0, :1 (every call) or :1;NR;NR... */
static void catch_syscalls(struct gdb_server *g, const char *s)
{
	uint64_t v;
	memset(g->catch_set, 0, sizeof g->catch_set);
	g->catching = *s == '1';
	g->catch_all = g->catching && !s[1];
	if (*s == '1')
		s++;
	while (g->catching && *s == ';') {
		s++;
		if (!gdb_hex_u64(&s, &v)) {
			gdb_reply(g, "E01");
			return;
		}
		if (v < REVEL_NR_MAX)
			g->catch_set[v / 8] |= (unsigned char)(1u << (v % 8));
	}
	gdb_reply(g, "OK");
}

static bool query(revel_engine *e, const char *p)
{
	struct gdb_server *g = e->gdb;
	uint64_t off, len;
	if (!strncmp(p, "qSupported", 10)) {
		q_supported(g, p);
	} else if (!strcmp(p, "QStartNoAckMode")) {
		gdb_reply(g, "OK");
		g->no_ack = true;
	} else if (!strncmp(p, "qXfer:features:read:target.xml:", 31)) {
		const char *s = p + 31;
		if (!gdb_hex_u64(&s, &off) || *s++ != ',' || !gdb_hex_u64(&s, &len)) {
			gdb_reply(g, "E01");
			return true;
		}
		const char *xml = gdb_target_xml();
		gdb_reply_xfer(g, xml, strlen(xml), off, len);
	} else if (!strncmp(p, "QCatchSyscalls:", 15)) {
		catch_syscalls(g, p + 15);
	} else if (!strncmp(p, "QPassSignals:", 13)) {
		pass_signals(g, p + 13);
	} else if (!strcmp(p, "qfThreadInfo")) {
		thread_list(e);
	} else if (!strcmp(p, "qsThreadInfo")) {
		gdb_reply(g, "l");
	} else if (!strcmp(p, "qC")) {
		gdb_reply(g, "QC%s",
		          gdb_tid(g, tasks_find(&e->tasks, g->report_tid), g->report_tid));
	} else if (!strncmp(p, "qAttached", 9)) {
		gdb_reply(g, "0"); /* revel started it: gdb's quit kills it */
	} else if (!strncmp(p, "qRcmd,", 6)) {
		gdb_monitor(e, p + 6);
	} else if (!strcmp(p, "qSymbol::")) {
		gdb_reply(g, "OK");
	} else if (!gdb_files_packet(e, p)) {
		return false;
	}
	return true;
}

/* One packet; false when gdb resumed the guest or left it. */
static bool handle(revel_engine *e, char *p, size_t len)
{
	struct gdb_server *g = e->gdb;
	const char *end;
	uint64_t v;
	switch (p[0]) {
	case '?':
		gdb_stop_reply(e);
		return true;
	case 'g':
		if (g_thread(e))
			gdb_regs_read_all(e, g_thread(e));
		else
			gdb_reply(g, "E01");
		return true;
	case 'G':
		gdb_reply(g,
		          g_thread(e) && gdb_regs_write_all(e, g_thread(e), p + 1) ? "OK" : "E01");
		return true;
	case 'p':
		end = p + 1;
		if (!gdb_hex_u64(&end, &v) || *end)
			malformed(e, p);
		else if (!g_thread(e) || !gdb_reg_read(e, g_thread(e), (int)v))
			gdb_reply(g, "E01");
		return true;
	case 'P': {
		end = p + 1;
		if (!gdb_hex_u64(&end, &v) || *end != '=') {
			malformed(e, p);
			return true;
		}
		bool ok = g_thread(e) && gdb_reg_write(e, g_thread(e), (int)v, end + 1);
		gdb_reply(g, ok ? "OK" : "E01");
		return true;
	}
	case 'm':
	case 'x':
		if (!read_memory(e, p + 1, p[0] == 'x'))
			malformed(e, p);
		return true;
	case 'M':
	case 'X':
		if (!write_memory(e, p + 1, len - 1, p[0] == 'X'))
			malformed(e, p);
		return true;
	case 'Z':
	case 'z':
		if (!breakpoint(e, p + 1, p[0] == 'Z'))
			malformed(e, p);
		return true;
	case 'H':
		set_thread(e, p + 1);
		return true;
	case 'T': {
		pid_t tid = thread_id(p + 1, &end);
		gdb_reply(g, tid > 0 && gdb_thread(e, tid) ? "OK" : "E01");
		return true;
	}
	case 'c':
	case 's':
	case 'C':
	case 'S':
		if (gdb_resume(e, p))
			return false;
		malformed(e, p);
		return true;
	case 'D':
		gdb_reply(g, "OK");
		end = p + 2;
		if (p[1] == ';' && gdb_hex_u64(&end, &v) && g->npids > 1) {
			gdb_detach_pid(e, (pid_t)v); /* one process of several: the rest stay */
			return true;
		}
		gdb_let_go(e, false);
		return false;
	case 'k':
		gdb_let_go(e, true);
		return false;
	case 'v':
		if (!strncmp(p, "vCont?", 6)) {
			gdb_reply(g, "vCont;c;C;s;S");
			return true;
		}
		if (!strncmp(p, "vCont;", 6)) {
			if (gdb_resume(e, p))
				return false;
			malformed(e, p);
			return true;
		}
		if (!strncmp(p, "vFile:", 6) && gdb_files_packet(e, p))
			return true;
		if (!strncmp(p, "vKill", 5)) {
			gdb_reply(g, "OK");
			gdb_let_go(e, true);
			return false;
		}
		break;
	case 'q':
	case 'Q':
		if (query(e, p))
			return true;
		break;
	}
	gdb_reply(g, "%s", ""); /* not supported: gdb falls back or says so */
	return true;
}

void gdb_serve(revel_engine *e)
{
	struct gdb_server *g = e->gdb;
	if (!g->connected && !g->finished) {
		gdb_say(e, "waiting for gdb on %s", g->where);
		if (!accept_client(e, g)) {
			gdb_let_go(e, g->kill_on_disconnect);
			return;
		}
		gdb_say(e, "gdb connected");
		gdb_wake_start(e);
	} else if (g->connected) {
		gdb_wake_watch(e, false);
		gdb_stop_reply(e); /* gdb is waiting for it since it resumed */
	}
	gdb_serve_more(e);
}

void gdb_serve_more(revel_engine *e)
{
	struct gdb_server *g = e->gdb;
	gdb_wake_watch(e, false);
	while (g->connected && !g->monitor_pending) {
		gdb_refuse_others(e, g);
		if (!next_packet(e, g)) {
			gdb_gone(e, g);
			gdb_let_go(e, g->kill_on_disconnect);
			return;
		}
		if (!handle(e, g->rd.buf, g->rd.len))
			break;
	}
	if (g->connected && !g->monitor_pending) {
		/* A ^C read with the resume packet is the guest's already. */
		while (g->rpos < g->rend && g->rbuf[g->rpos] == 0x03) {
			g->rpos++;
			gdb_interrupt(g);
		}
		gdb_wake_watch(e, true); /* the guest runs: ^C and second clients */
	}
}
