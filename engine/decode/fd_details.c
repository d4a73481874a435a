/* fd_details.c: what -yy adds to an fd, as strace 6.1 prints it: a socket's
 * protocol and addresses asked of the kernel with sock_diag netlink (the
 * protocol name from the fd's system.sockprotoname attribute):
 *   3<TCP:[127.0.0.1:41257->127.0.0.1:47248]>, 4<TCPv6:[[::1]:38457]>,
 *   5<UNIX-STREAM:[40609->40610]>, 6<UNIX:[40611,"/tmp/sock"]>,
 *   7<TCP:[40607]> (a socket the kernel lists nowhere yet: its inode);
 * a device's type and numbers after its path: 3</dev/null<char 1:3>>; a
 * pidfd's process: 3<pid:1234>. Asked at print time, as strace asks. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>
#include "decode.h"

/* Sends req and hands each answer to fn until it says done (true) or the
 * dump ends. */
static bool diag_query(void *req, size_t len,
                       bool (*fn)(struct fc *, const struct nlmsghdr *, const char *,
                                  unsigned long),
                       struct fc *c, const char *proto, unsigned long inode)
{
	int s = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (s < 0)
		return false;
	struct sockaddr_nl nl = {.nl_family = AF_NETLINK};
	struct iovec iov = {req, len};
	struct msghdr msg = {
	    .msg_name = &nl, .msg_namelen = sizeof nl, .msg_iov = &iov, .msg_iovlen = 1};
	bool found = false;
	if (sendmsg(s, &msg, 0) < 0) {
		close(s);
		return false;
	}
	static char buf[32768] __attribute__((aligned(8)));
	for (;;) {
		ssize_t n = recv(s, buf, sizeof buf, 0);
		if (n <= 0)
			break;
		bool end = false;
		for (const struct nlmsghdr *h = (const void *)buf; NLMSG_OK(h, (size_t)n);
		     h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR) {
				end = true;
				break;
			}
			if (!found && fn(c, h, proto, inode))
				found = true;
		}
		if (end)
			break;
	}
	close(s);
	return found;
}

static void put_addr(struct fc *c, int family, const void *addr, unsigned port)
{
	char text[INET6_ADDRSTRLEN];
	if (!inet_ntop(family, addr, text, sizeof text))
		text[0] = 0;
	if (family == AF_INET6)
		fo_printf(c->o, "[%s]:%u", text, port);
	else
		fo_printf(c->o, "%s:%u", text, port);
}

static bool inet_answer(struct fc *c, const struct nlmsghdr *h, const char *proto,
                        unsigned long inode)
{
	const struct inet_diag_msg *m = NLMSG_DATA(h);
	if (h->nlmsg_len < NLMSG_LENGTH(sizeof *m) || m->idiag_inode != inode)
		return false;
	static const uint32_t zero[4];
	size_t alen = m->idiag_family == AF_INET6 ? 16 : 4;
	fo_printf(c->o, "%s:[", proto);
	put_addr(c, m->idiag_family, m->id.idiag_src, ntohs(m->id.idiag_sport));
	if (m->id.idiag_dport || memcmp(m->id.idiag_dst, zero, alen)) {
		fo_puts(c->o, "->");
		put_addr(c, m->idiag_family, m->id.idiag_dst, ntohs(m->id.idiag_dport));
	}
	fo_putc(c->o, ']');
	return true;
}

static bool inet_details(struct fc *c, const char *proto, unsigned long inode, int family,
                         int protocol)
{
	struct {
		struct nlmsghdr nlh;
		struct inet_diag_req_v2 idr;
	} req = {
	    .nlh = {.nlmsg_len = sizeof req,
	            .nlmsg_type = SOCK_DIAG_BY_FAMILY,
	            .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP},
	    .idr = {.sdiag_family = (uint8_t)family,
	            .sdiag_protocol = (uint8_t)protocol,
	            .idiag_states = ~0u},
	};
	return diag_query(&req, sizeof req, inet_answer, c, proto, inode);
}

static bool unix_answer(struct fc *c, const struct nlmsghdr *h, const char *proto,
                        unsigned long inode)
{
	const struct unix_diag_msg *m = NLMSG_DATA(h);
	if (h->nlmsg_len < NLMSG_LENGTH(sizeof *m) || m->udiag_ino != inode)
		return false;
	uint32_t peer = 0;
	const char *path = NULL;
	size_t plen = 0;
	int left = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof *m));
	for (const struct rtattr *a = (const void *)(m + 1); RTA_OK(a, left);
	     a = RTA_NEXT(a, left)) {
		if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= 4)
			memcpy(&peer, RTA_DATA(a), 4);
		else if (a->rta_type == UNIX_DIAG_NAME) {
			path = RTA_DATA(a);
			plen = RTA_PAYLOAD(a);
		}
	}
	if (!peer && !plen)
		return false; /* strace then prints the inode alone */
	fo_printf(c->o, "%s:[%lu", proto, inode);
	if (peer)
		fo_printf(c->o, "->%u", peer);
	if (plen) {
		fo_putc(c->o, ',');
		if (path[0] == 0) { /* abstract: @"name" */
			fo_putc(c->o, '@');
			path++;
			plen--;
		}
		const void *nul = memchr(path, 0, plen);
		if (nul)
			plen = (size_t)((const char *)nul - path);
		p_quoted(c, (const unsigned char *)path, plen, false);
	}
	fo_putc(c->o, ']');
	return true;
}

static bool unix_details(struct fc *c, const char *proto, unsigned long inode)
{
	struct {
		struct nlmsghdr nlh;
		struct unix_diag_req udr;
	} req = {
	    .nlh = {.nlmsg_len = sizeof req,
	            .nlmsg_type = SOCK_DIAG_BY_FAMILY,
	            .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP},
	    .udr = {.sdiag_family = AF_UNIX,
	            .udiag_states = ~0u,
	            .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER},
	};
	return diag_query(&req, sizeof req, unix_answer, c, proto, inode);
}

/* NETLINK:[ROUTE:1234]: the protocol and port id of a bound netlink socket
 * (an unbound one is not listed: its inode then, as strace). */
static bool netlink_answer(struct fc *c, const struct nlmsghdr *h, const char *proto,
                           unsigned long inode)
{
	const struct netlink_diag_msg *m = NLMSG_DATA(h);
	if (h->nlmsg_len < NLMSG_LENGTH(sizeof *m) || m->ndiag_ino != inode ||
	    m->ndiag_family != AF_NETLINK)
		return false;
	const char *name = xlat_name(x_nl_proto, m->ndiag_protocol);
	if (name)
		fo_printf(c->o, "%s:[%s:%u]", proto, name + strlen("NETLINK_"), m->ndiag_portid);
	else
		fo_printf(c->o, "%s:[%u]", proto, (unsigned)m->ndiag_protocol);
	return true;
}

static bool netlink_details(struct fc *c, const char *proto, unsigned long inode)
{
	struct {
		struct nlmsghdr nlh;
		struct netlink_diag_req ndr;
	} req = {
	    .nlh = {.nlmsg_len = sizeof req,
	            .nlmsg_type = SOCK_DIAG_BY_FAMILY,
	            .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP},
	    .ndr = {.sdiag_family = AF_NETLINK, .sdiag_protocol = NDIAG_PROTO_ALL},
	};
	return diag_query(&req, sizeof req, netlink_answer, c, proto, inode);
}

/* revel_netlink_protocol: what the dump says of one inode. */
static int found_protocol;
static bool protocol_answer(struct fc *c, const struct nlmsghdr *h, const char *proto,
                            unsigned long inode)
{
	(void)c;
	(void)proto;
	const struct netlink_diag_msg *m = NLMSG_DATA(h);
	if (h->nlmsg_len < NLMSG_LENGTH(sizeof *m) || m->ndiag_ino != inode ||
	    m->ndiag_family != AF_NETLINK)
		return false;
	found_protocol = m->ndiag_protocol;
	return true;
}

int revel_netlink_protocol(pid_t pid, int fd)
{
	static struct {
		unsigned long inode;
		int protocol;
	} known[16];
	static unsigned next;
	char link[64], path[64], proto[32];
	snprintf(link, sizeof link, "/proc/%d/fd/%d", (int)pid, fd);
	ssize_t n = readlink(link, path, sizeof path - 1);
	unsigned long inode;
	if (n <= 0)
		return -1;
	path[n] = 0;
	if (sscanf(path, "socket:[%lu]", &inode) != 1)
		return -1;
	for (unsigned i = 0; i < sizeof known / sizeof known[0]; i++)
		if (known[i].inode == inode)
			return known[i].protocol;
	n = getxattr(link, "system.sockprotoname", proto, sizeof proto - 1);
	if (n <= 0)
		return -1;
	proto[n] = 0;
	if (strcmp(proto, "NETLINK") != 0)
		return -1;
	struct {
		struct nlmsghdr nlh;
		struct netlink_diag_req ndr;
	} req = {
	    .nlh = {.nlmsg_len = sizeof req,
	            .nlmsg_type = SOCK_DIAG_BY_FAMILY,
	            .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP},
	    .ndr = {.sdiag_family = AF_NETLINK, .sdiag_protocol = NDIAG_PROTO_ALL},
	};
	if (!diag_query(&req, sizeof req, protocol_answer, NULL, proto, inode))
		return -1; /* not bound yet: not listed */
	unsigned i = next++ % (sizeof known / sizeof known[0]);
	known[i].inode = inode;
	known[i].protocol = found_protocol;
	return found_protocol;
}

/* The protocols strace 6.1 knows by name; another (PACKET, ...) prints as
 * the fd's link, socket:[inode]. */
static const char *const known_protos[] = {
    "TCP",   "UDP",       "UDPLITE", "DCCP",   "SCTP",      "L2TP/IP", "PING",  "RAW",     "TCPv6",
    "UDPv6", "UDPLITEv6", "DCCPv6",  "SCTPv6", "L2TP/IPv6", "PINGv6",  "RAWv6", "NETLINK",
};

static const struct {
	const char *name;
	int family, protocol;
} inet_protos[] = {
    {"TCP", AF_INET, IPPROTO_TCP},         {"TCPv6", AF_INET6, IPPROTO_TCP},
    {"UDP", AF_INET, IPPROTO_UDP},         {"UDPv6", AF_INET6, IPPROTO_UDP},
    {"UDPLITE", AF_INET, IPPROTO_UDPLITE}, {"UDPLITEv6", AF_INET6, IPPROTO_UDPLITE},
};

/* strace keeps the details it found by inode and prints those first: a
 * socket shows what it was first seen as with an address (a UDP socket
 * connected later keeps its bound address), and a closed peer's inode stays
 * known. The same here: a direct-mapped cache of strace's size. */
#define CACHE_SIZE 1024
static struct {
	unsigned long inode;
	char text[160];
} cache[CACHE_SIZE];

/* "<TCP:[...]>" for socket:[inode]; the protocol name alone with the inode
 * when the kernel does not list the socket. */
static void socket_details(struct fc *c, const char *link, unsigned long inode)
{
	unsigned slot = (unsigned)(inode % CACHE_SIZE);
	if (cache[slot].inode == inode && inode) {
		fo_printf(c->o, "<%s>", cache[slot].text);
		return;
	}
	char proto[32];
	ssize_t n = getxattr(link, "system.sockprotoname", proto, sizeof proto - 1);
	if (n <= 0) {
		fo_printf(c->o, "<socket:[%lu]>", inode);
		return;
	}
	proto[n] = 0;
	char text[sizeof cache[0].text];
	struct fo tmp, *out = c->o;
	fo_init(&tmp, text, sizeof text);
	c->o = &tmp;
	bool done = false;
	bool known = !strncmp(proto, "UNIX", 4);
	for (size_t i = 0; i < sizeof known_protos / sizeof known_protos[0] && !known; i++)
		known = !strcmp(proto, known_protos[i]);
	if (!known) {
		c->o = out;
		fo_printf(c->o, "<socket:[%lu]>", inode);
		return;
	}
	if (!strncmp(proto, "UNIX", 4)) {
		done = unix_details(c, proto, inode);
	} else if (!strcmp(proto, "NETLINK")) {
		done = netlink_details(c, proto, inode);
	} else {
		for (size_t i = 0; i < sizeof inet_protos / sizeof inet_protos[0] && !done; i++)
			if (!strcmp(proto, inet_protos[i].name))
				done = inet_details(c, proto, inode, inet_protos[i].family,
				                    inet_protos[i].protocol);
	}
	c->o = out;
	size_t len = (size_t)fo_done(&tmp);
	if (done && len < sizeof text) {
		cache[slot].inode = inode;
		memcpy(cache[slot].text, text, len + 1);
		fo_printf(c->o, "<%s>", text);
	} else if (done) {
		fo_putc(c->o, '<');
		fo_write(c->o, text, strlen(text));
		fo_putc(c->o, '>');
	} else {
		fo_printf(c->o, "<%s:[%lu]>", proto, inode);
	}
}

/* The pid a pidfd refers to, from its fdinfo ("Pid:\t1234"); 0 if none. */
static int pidfd_pid(pid_t pid, int fd)
{
	char name[64], line[256];
	snprintf(name, sizeof name, "/proc/%d/fdinfo/%d", (int)pid, fd);
	FILE *f = fopen(name, "re");
	int found = 0;
	if (!f)
		return 0;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "Pid:\t%d", &found) == 1)
			break;
	fclose(f);
	return found;
}

bool p_fd_details(struct fc *c, int fd, const char *path, size_t n)
{
	char link[64];
	snprintf(link, sizeof link, "/proc/%d/fd/%d", (int)c->f->pid, fd);
	unsigned long inode;
	char tail;
	char text[4096];
	if (n >= sizeof text)
		return false;
	memcpy(text, path, n);
	text[n] = 0;
	int fl = c->f->flags;
	if (sscanf(text, "socket:[%lu]%c", &inode, &tail) == 1) {
		if (!(fl & REVEL_FMT_FD_DETAILS))
			return false;
		socket_details(c, link, inode);
		return true;
	}
	if (!strcmp(text, "anon_inode:[pidfd]")) {
		if (!(fl & REVEL_FMT_FD_PIDFDS))
			return false;
		int pid = pidfd_pid(c->f->pid, fd);
		if (pid > 0) {
			fo_printf(c->o, "<pid:%d>", pid);
			return true;
		}
		return false;
	}
	struct stat st;
	if ((fl & REVEL_FMT_FD_DEVS) && text[0] == '/' && stat(link, &st) == 0 &&
	    (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))) {
		/* "</dev/null<char 1:3>>": the path, then the device inside */
		p_fd_path(c, path, n, true);
		fo_printf(c->o, "<%s %u:%u>>", S_ISCHR(st.st_mode) ? "char" : "block",
		          major(st.st_rdev), minor(st.st_rdev));
		return true;
	}
	return false;
}
