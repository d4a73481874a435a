/* decode_net.c: decoders of socket calls: socket and socketpair, connect and
 * bind, accept and the get*name calls, sendto, recvfrom, sendmsg/recvmsg and
 * their control messages, and the socket options. */
#include <inttypes.h>
#include <string.h>
#include <sys/syscall.h>
#include "decode.h"

static void p_sock_type(struct fc *c, uint64_t t)
{
	t &= 0xffffffffu;
	p_xval(c, x_sock_type, t & 0xf, "SOCK_???");
	if (t & ~0xfull) {
		fo_putc(c->o, '|');
		p_flags(c, x_sock_flags, t & ~0xfull, NULL);
	}
}

static void p_proto(struct fc *c, int family, uint64_t proto)
{
	proto &= 0xffffffffu;
	if (family == 2 || family == 10)
		p_xval(c, x_ipproto, proto, "IPPROTO_???");
	else if (family == 16)
		p_xval(c, x_nl_proto, proto, "NETLINK_???");
	else if (family == 17) { /* AF_PACKET: an ethertype in network order */
		fo_puts(c->o, "htons(");
		p_xval(c, x_eth_protos, __builtin_bswap16((uint16_t)proto), "ETH_P_???");
		fo_putc(c->o, ')');
	} else
		fo_printf(c->o, "%u", (unsigned)proto);
}

void d_socket(DEC)
{
	if (!c->exiting) {
		ARG(0, p_xval(c, x_af, U(0) & 0xffffffffu, "AF_???"));
		ARG(1, p_sock_type(c, U(1)));
		ARG(2, p_proto(c, (int)a[0], U(2)));
		if (nr == __NR_socket) {
			st->printed = REVEL_FMT_MAXARGS;
			return;
		}
		split_at(c, st, 3);
		return;
	}
	if (nr == __NR_socketpair)
		ARG(3, if (c->result == 0) p_fd_pair(c, U(3)); else p_addr(c, U(3)));
}

void d_connect(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_fd(c, (int)a[0]));
	ARG(1, p_sockaddr(c, U(1), U(2) & 0xffffffffu));
	ARG(2, fo_printf(c->o, "%u", (unsigned)a[2]));
	st->printed = REVEL_FMT_MAXARGS;
}

/* A socklen_t in/out: "[16]", or "[128 => 16]" when the kernel changed it. */
static void p_socklen(struct fc *c, struct revel_fmt_state *st, uint64_t addr)
{
	int v;
	if (!addr || !fc_fetch(c, addr, &v, sizeof v)) {
		p_addr(c, addr);
		return;
	}
	if (st->saved[1] && (int)st->saved[0] != v)
		fo_printf(c->o, "[%d => %d]", (int)st->saved[0], v);
	else
		fo_printf(c->o, "[%d]", v);
}

static void save_socklen(struct fc *c, struct revel_fmt_state *st, uint64_t addr)
{
	int v;
	if (addr && fc_fetch(c, addr, &v, sizeof v)) {
		st->saved[0] = v;
		st->saved[1] = 1;
	}
}

/* accept, accept4, getsockname, getpeername: the address on exit. */
void d_getname(DEC)
{
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		save_socklen(c, st, U(2));
		split_at(c, st, 1);
		return;
	}
	int len = 0;
	bool ok = c->result >= 0 && U(2) && fc_fetch(c, U(2), &len, sizeof len);
	ARG(1, if (ok && U(1)) p_sockaddr(c, U(1), (uint64_t)(len < 0 ? 0 : len));
	    else p_addr(c, U(1)));
	ARG(2, if (c->result >= 0) p_socklen(c, st, U(2));
	    else if (st->saved[1]) fo_printf(c->o, "[%d]", (int)st->saved[0]);
	    else p_addr(c, U(2)));
	if (nr == __NR_accept4)
		ARG(3, p_flags(c, x_sock_flags, U(3) & 0xffffffffu, NULL));
}

void d_sendto(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_fd(c, (int)a[0]));
	ARG(1, p_buf(c, U(1), U(2), false));
	ARG(2, fo_printf(c->o, "%" PRIu64, U(2)));
	ARG(3, p_flags(c, x_msg_flags, U(3) & 0xffffffffu, NULL));
	ARG(4, p_sockaddr(c, U(4), U(5) & 0xffffffffu));
	ARG(5, fo_printf(c->o, "%u", (unsigned)a[5]));
	st->printed = REVEL_FMT_MAXARGS;
}

void d_recvfrom(DEC)
{
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		save_socklen(c, st, U(5));
		split_at(c, st, 1);
		return;
	}
	ARG(1, if (c->result >= 0) p_buf(c, U(1), (uint64_t)c->result, false);
	    else p_addr(c, U(1)));
	ARG(2, fo_printf(c->o, "%" PRIu64, U(2)));
	ARG(3, p_flags(c, x_msg_flags, U(3) & 0xffffffffu, NULL));
	int len = 0;
	bool ok = c->result >= 0 && U(5) && fc_fetch(c, U(5), &len, sizeof len);
	ARG(4, if (ok && U(4)) p_sockaddr(c, U(4), (uint64_t)(len < 0 ? 0 : len));
	    else p_addr(c, U(4)));
	ARG(5, if (c->result >= 0) p_socklen(c, st, U(5)); else p_addr(c, U(5)));
}

void d_msg(DEC)
{
	bool recv = nr == __NR_recvmsg;
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		if (recv) {
			split_at(c, st, 1);
			return;
		}
		ARG(1, p_msghdr(c, U(1), -1, false));
		ARG(2, p_flags(c, x_msg_flags, U(2) & 0xffffffffu, NULL));
		st->printed = REVEL_FMT_MAXARGS;
		return;
	}
	ARG(1, if (c->result >= 0) p_msghdr(c, U(1), c->result, true); else p_addr(c, U(1)));
	ARG(2, p_flags(c, x_msg_flags, U(2) & 0xffffffffu, NULL));
}

static void p_sol_name(struct fc *c, int level, uint64_t name)
{
	name &= 0xffffffffu;
	const struct xlat *x = level == 1    ? x_so
	                       : level == 6  ? x_tcp_opts
	                       : level == 0  ? x_sockopt_ip
	                       : level == 41 ? x_ipv6_opts
	                                     : NULL;
	if (x)
		p_xval(c, x, name, NULL);
	else
		fo_printf(c->o, "%u", (unsigned)name);
}

void d_sockopt(DEC)
{
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		ARG(1, p_xval(c, x_sol, U(1) & 0xffffffffu, "SOL_???"));
		ARG(2, p_sol_name(c, (int)a[1], U(2)));
		if (nr == __NR_setsockopt) {
			ARG(3, p_sockopt_val(c, (int)a[1], (int)a[2], U(3), (int)a[4]));
			ARG(4, fo_printf(c->o, "%d", (int)a[4]));
			st->printed = REVEL_FMT_MAXARGS;
			return;
		}
		save_socklen(c, st, U(4));
		split_at(c, st, 3);
		return;
	}
	int len = 0;
	bool ok = c->result == 0 && U(4) && fc_fetch(c, U(4), &len, sizeof len);
	ARG(3, if (ok) p_sockopt_val(c, (int)a[1], (int)a[2], U(3), len); else p_addr(c, U(3)));
	ARG(4, if (c->result == 0) p_socklen(c, st, U(4)); else p_addr(c, U(4)));
}

/* One control message's type and data at level SOL_SOCKET: SCM_RIGHTS'
 * fds (with paths under -y, at most -s of them), SCM_CREDENTIALS' ids. */
static void p_cmsg_socket(struct fc *c, int type, const unsigned char *data, size_t n)
{
	p_xval(c, x_scm, (uint64_t)(unsigned)type, "SCM_???");
	if (type == 1 && n >= sizeof(int)) { /* SCM_RIGHTS */
		size_t nfds = n / sizeof(int);
		size_t max = (size_t)(c->f->string_limit > 0 ? c->f->string_limit : 32);
		fo_puts(c->o, ", cmsg_data=[");
		for (size_t i = 0; i < nfds; i++) {
			if (i)
				fo_puts(c->o, ", ");
			if (i == max) {
				fo_puts(c->o, "...");
				break;
			}
			int fd;
			memcpy(&fd, data + i * sizeof fd, sizeof fd);
			p_fd(c, fd);
		}
		fo_putc(c->o, ']');
	} else if (type == 2 && n >= 12) { /* SCM_CREDENTIALS: struct ucred */
		uint32_t cr[3];
		memcpy(cr, data, sizeof cr);
		fo_printf(c->o, ", cmsg_data={pid=%u, uid=%u, gid=%u}", cr[0], cr[1], cr[2]);
	}
}

void p_cmsgs(struct fc *c, uint64_t addr, uint64_t in_len)
{
	enum { HDR = 16, MAX = 4096 }; /* struct cmsghdr; at most as much as strace reads */
	uint64_t len = in_len > MAX ? MAX : in_len;
	unsigned char buf[MAX];
	if (len < HDR || !fc_fetch(c, addr, buf, len)) {
		p_addr(c, addr);
		return;
	}
	uint64_t off = 0, left = len;
	fo_putc(c->o, '[');
	while (left >= HDR) {
		uint64_t clen;
		int level, type;
		memcpy(&clen, buf + off, 8);
		memcpy(&level, buf + off + 8, 4);
		memcpy(&type, buf + off + 12, 4);
		if (off)
			fo_puts(c->o, ", ");
		fo_printf(c->o, "{cmsg_len=%" PRIu64 ", cmsg_level=", clen);
		p_xval(c, x_sol, (uint64_t)(unsigned)level, "SOL_???");
		fo_puts(c->o, ", cmsg_type=");
		uint64_t n = clen > left ? left : clen;
		if (level == 1)
			p_cmsg_socket(c, type, buf + off + HDR, n > HDR ? n - HDR : 0);
		else
			fo_printf(c->o, "%#x", (unsigned)type);
		fo_putc(c->o, '}');
		if (n < HDR) {
			left -= HDR;
			break;
		}
		uint64_t step = (clen + 7) & ~7ull;
		if (step >= left) {
			left = 0;
			break;
		}
		off += step;
		left -= step;
	}
	if (left) {
		fo_printf(c->o, ", .../* %#" PRIx64 " */", addr + (len - left));
	} else if (len < in_len) {
		fo_puts(c->o, ", ...");
	}
	fo_putc(c->o, ']');
}
