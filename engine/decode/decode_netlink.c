/* decode_netlink.c: the messages in a buffer of a NETLINK_ROUTE socket
 * (sendto, recvfrom, sendmsg, recvmsg), as strace 6.1 prints them:
 *   [{nlmsg_len=20, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP,
 *     nlmsg_seq=1, nlmsg_pid=0}, {ifa_family=AF_UNSPEC, ...}]
 * several messages in an array of their own; an address message's
 * attributes after its ifaddrmsg. What is decoded: the header, NLMSG_DONE,
 * and the address messages (RTM_NEWADDR, RTM_DELADDR, RTM_GETADDR: the
 * dump getaddrinfo asks for). A buffer holding another message prints as
 * bytes, as before. */
#include <arpa/inet.h>
#include <inttypes.h>
#include <linux/if_addr.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <string.h>
#include <sys/socket.h>
#include "decode.h"

static bool addr_type(uint16_t t)
{
	return t == RTM_NEWADDR || t == RTM_DELADDR || t == RTM_GETADDR;
}

/* May every message of buf[0..len) be printed, and is it whole? */
static bool decodable(const unsigned char *buf, size_t len)
{
	size_t off = 0;
	while (off < len) {
		struct nlmsghdr h;
		if (len - off < sizeof h)
			return false;
		memcpy(&h, buf + off, sizeof h);
		if (h.nlmsg_len <= sizeof h || h.nlmsg_len > len - off)
			return false;
		if (h.nlmsg_type == NLMSG_DONE ? h.nlmsg_len < sizeof h + 4
		                               : !addr_type(h.nlmsg_type))
			return false;
		off += NLMSG_ALIGN(h.nlmsg_len);
	}
	return true;
}

static void p_header(struct fc *c, const struct nlmsghdr *h)
{
	fo_printf(c->o, "{nlmsg_len=%u, nlmsg_type=", h->nlmsg_len);
	p_xval(c, x_nlmsg_types_route, h->nlmsg_type, "RTM_???");
	fo_puts(c->o, ", nlmsg_flags=");
	/* a get or a new request's flags have names of their own */
	const struct xlat *x = x_nlmsg_flags;
	if (h->nlmsg_type >= RTM_BASE && (h->nlmsg_type - RTM_BASE) % 4 == 2)
		x = x_nlmsg_flags_get;
	else if (h->nlmsg_type >= RTM_BASE && (h->nlmsg_type - RTM_BASE) % 4 == 0)
		x = x_nlmsg_flags_new;
	p_flags(c, x, h->nlmsg_flags, "NLM_F_???");
	fo_printf(c->o, ", nlmsg_seq=%u, nlmsg_pid=%d}", h->nlmsg_seq, (int)h->nlmsg_pid);
}

/* -X raw: the number alone; verbose: the number, the name in a comment. */
static void p_ifindex(struct fc *c, unsigned idx)
{
	char name[IF_NAMESIZE];
	int fl = c->f->flags;
	if (!idx || !if_indextoname(idx, name) || (fl & REVEL_FMT_CONST_RAW)) {
		fo_udec(c->o, idx);
	} else if (fl & REVEL_FMT_CONST_VERBOSE) {
		fo_printf(c->o, "%u /* if_nametoindex(\"%s\") */", idx, name);
	} else {
		fo_printf(c->o, "if_nametoindex(\"%s\")", name);
	}
}

/* An address as strace: inet_addr("1.2.3.4"); under -X its bytes, and for
 * verbose the address in a comment. */
static void p_inaddr(struct fc *c, const char *how, const unsigned char *v, size_t n,
                     const char *text)
{
	int fl = c->f->flags;
	if (fl & (REVEL_FMT_CONST_RAW | REVEL_FMT_CONST_VERBOSE)) {
		p_quoted(c, v, n, true);
		if (fl & REVEL_FMT_CONST_VERBOSE)
			fo_printf(c->o, " /* %s\"%s\") */", how, text);
		return;
	}
	fo_printf(c->o, "%s\"%s\")", how, text);
}

/* One attribute's value: addresses, the label, flags, cache times; the
 * rest as bytes in hex, as strace prints an attribute it does not decode. */
static void p_ifa_attr(struct fc *c, int family, uint16_t type, const unsigned char *v, size_t n)
{
	char text[INET6_ADDRSTRLEN];
	uint32_t u[4];
	switch (type) {
	case IFA_ADDRESS:
	case IFA_LOCAL:
	case IFA_BROADCAST:
	case IFA_ANYCAST:
	case IFA_MULTICAST:
		if (family == AF_INET && n == 4 && inet_ntop(AF_INET, v, text, sizeof text)) {
			p_inaddr(c, "inet_addr(", v, n, text);
			return;
		}
		if (family == AF_INET6 && n == 16 && inet_ntop(AF_INET6, v, text, sizeof text)) {
			p_inaddr(c, "inet_pton(AF_INET6, ", v, n, text);
			return;
		}
		break;
	case IFA_LABEL: {
		const unsigned char *nul = memchr(v, 0, n);
		p_quoted(c, v, nul ? (size_t)(nul - v) : n, false);
		return;
	}
	case IFA_FLAGS:
		if (n == 4) {
			memcpy(u, v, 4);
			p_flags(c, x_ifa_flags, u[0], "IFA_F_???");
			return;
		}
		break;
	case IFA_CACHEINFO:
		if (n == 16) {
			memcpy(u, v, 16);
			fo_printf(c->o, "{ifa_prefered=%u, ifa_valid=%u, cstamp=%u, tstamp=%u}",
			          u[0], u[1], u[2], u[3]);
			return;
		}
		break;
	case IFA_RT_PRIORITY:
		if (n == 4) {
			memcpy(u, v, 4);
			fo_udec(c->o, u[0]);
			return;
		}
		break;
	}
	p_quoted(c, v, n, true);
}

/* Attributes: [{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr("127.0.0.1")],
 * in an array when there is more than one. */
static void p_ifa_attrs(struct fc *c, int family, const unsigned char *p, size_t len)
{
	size_t off = 0;
	bool array = false;
	for (int n = 0; off + sizeof(struct nlattr) <= len; n++) {
		struct nlattr a;
		memcpy(&a, p + off, sizeof a);
		if (a.nla_len < sizeof a || a.nla_len > len - off)
			break;
		if (n == 0 && (size_t)NLA_ALIGN(a.nla_len) < len) {
			array = true;
			fo_putc(c->o, '[');
		}
		if (n)
			fo_puts(c->o, ", ");
		fo_printf(c->o, "[{nla_len=%u, nla_type=", a.nla_len);
		p_xval(c, x_ifa_attrs, a.nla_type, "IFA_???");
		fo_puts(c->o, "}, ");
		p_ifa_attr(c, family, a.nla_type, p + off + sizeof a, a.nla_len - sizeof a);
		fo_putc(c->o, ']');
		off += NLA_ALIGN(a.nla_len);
	}
	if (array)
		fo_putc(c->o, ']');
}

static void p_ifaddrmsg(struct fc *c, const unsigned char *p, size_t len)
{
	struct ifaddrmsg m;
	fo_puts(c->o, "{ifa_family=");
	p_xval(c, x_af, p[0], "AF_???");
	if (len < sizeof m) {
		fo_puts(c->o, ", ...}");
		return;
	}
	memcpy(&m, p, sizeof m);
	fo_printf(c->o, ", ifa_prefixlen=%u, ifa_flags=", m.ifa_prefixlen);
	p_flags(c, x_ifa_flags, m.ifa_flags, "IFA_F_???");
	fo_puts(c->o, ", ifa_scope=");
	p_xval(c, x_rt_scopes, m.ifa_scope, NULL);
	fo_puts(c->o, ", ifa_index=");
	p_ifindex(c, m.ifa_index);
	fo_putc(c->o, '}');
	if (len > NLMSG_ALIGN(sizeof m)) {
		fo_puts(c->o, ", ");
		p_ifa_attrs(c, m.ifa_family, p + NLMSG_ALIGN(sizeof m),
		            len - NLMSG_ALIGN(sizeof m));
	}
}

bool p_netlink(struct fc *c, int fd, uint64_t addr, uint64_t len)
{
	static unsigned char buf[65536];
	if (len < sizeof(struct nlmsghdr) || len > sizeof buf || !fc_verbose(c) ||
	    revel_netlink_protocol(c->f->pid, fd) != NETLINK_ROUTE)
		return false;
	if (!fc_fetch(c, addr, buf, (size_t)len) || !decodable(buf, (size_t)len))
		return false;
	size_t off = 0;
	uint32_t first;
	memcpy(&first, buf, 4);
	bool array = first < len;
	if (array)
		fo_putc(c->o, '[');
	while (off < len) {
		struct nlmsghdr h;
		memcpy(&h, buf + off, sizeof h);
		const unsigned char *p = buf + off + NLMSG_HDRLEN;
		size_t plen = h.nlmsg_len - NLMSG_HDRLEN;
		if (off)
			fo_puts(c->o, ", ");
		fo_putc(c->o, '[');
		p_header(c, &h);
		fo_puts(c->o, ", ");
		if (h.nlmsg_type == NLMSG_DONE) {
			int32_t v;
			memcpy(&v, p, 4);
			fo_dec(c->o, v);
		} else {
			p_ifaddrmsg(c, p, plen);
		}
		fo_putc(c->o, ']');
		off += NLMSG_ALIGN(h.nlmsg_len);
	}
	if (array)
		fo_putc(c->o, ']');
	return true;
}
