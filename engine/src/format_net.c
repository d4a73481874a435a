/* format_net.c: decoders of sockets, futex, clone/clone3, poll, select,
 * epoll and a few more whose arguments depend on each other; and
 * sys_decode, the dispatcher over the decoder files. */
#include <inttypes.h>
#include <string.h>
#include "fmt_syscalls.h"

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
	else
		fo_printf(c->o, "%u", (unsigned)proto);
}

static void d_socket(DEC)
{
	if (!c->exiting) {
		ARG(0, p_xval(c, x_af, U(0) & 0xffffffffu, "AF_???"));
		ARG(1, p_sock_type(c, U(1)));
		ARG(2, p_proto(c, (int)a[0], U(2)));
		if (nr == 41) {
			st->printed = REVEL_FMT_MAXARGS;
			return;
		}
		split_at(c, st, 3);
		return;
	}
	if (nr == 53)
		ARG(3, if (c->result == 0) p_int_array(c, U(3), 2); else p_addr(c, U(3)));
}

static void d_connect(DEC)
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
static void d_getname(DEC)
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
	if (nr == 288)
		ARG(3, p_flags(c, x_sock_flags, U(3) & 0xffffffffu, NULL));
}

static void d_sendto(DEC)
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

static void d_recvfrom(DEC)
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

static void d_msg(DEC)
{
	bool recv = nr == 47;
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

static void d_sockopt(DEC)
{
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		ARG(1, p_xval(c, x_sol, U(1) & 0xffffffffu, "SOL_???"));
		ARG(2, p_sol_name(c, (int)a[1], U(2)));
		if (nr == 54) {
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

/* clone(flags, stack, parent_tid, child_tid, tls) as strace names them. */
static void d_clone(DEC)
{
	uint64_t fl = U(0);
	if (!c->exiting) {
		ARG(0, {
			fo_puts(c->o, "child_stack=");
			p_addr(c, U(1));
			fo_puts(c->o, ", flags=");
			if (fl & ~0xffull) {
				p_flags(c, x_clone_flags, fl & ~0xffull, "CLONE_???");
				if (fl & 0xff)
					fo_putc(c->o, '|');
			}
			if (fl & 0xff)
				p_signame(c, (int)(fl & 0xff));
			else if (!(fl & ~0xffull))
				fo_putc(c->o, '0');
			if (fl & 0x1000000 || fl & 0x200000) {
				fo_puts(c->o, ", child_tidptr=");
				p_addr(c, U(3));
			}
			if (fl & 0x80000) {
				fo_puts(c->o, ", tls=");
				p_addr(c, U(4));
			}
		});
		st->printed = 1;
		return;
	}
	if (fl & (0x100000 | 0x1000)) {
		fo_puts(c->o, fl & 0x1000 ? ", pidfd=" : ", parent_tid=");
		if (c->result > 0)
			p_int_ptr(c, U(2));
		else
			p_addr(c, U(2));
	}
}

static void d_clone3(DEC)
{
	if (!c->exiting) {
		arg_begin(c, st, 0);
		p_clone3_args(c, U(0), U(1), false);
		st->printed = 1;
		return;
	}
	p_clone3_args(c, U(0), U(1), true);
	arg_end(c, st, 0);
	fo_puts(c->o, ", ");
	st->printed = 1;
	ARG(1, fo_printf(c->o, "%" PRIu64, U(1)));
	st->printed = 0;
}

static void p_futex_op(struct fc *c, unsigned op)
{
	unsigned cmd = op & 127;
	const char *n = xlat_name(x_futex_ops, cmd);
	if (n)
		fo_puts(c->o, n);
	else
		fo_printf(c->o, "%#x", cmd);
	if (op & 128)
		fo_puts(c->o, "_PRIVATE");
	if (op & 256)
		fo_puts(c->o, "|FUTEX_CLOCK_REALTIME");
	if (op & ~(127u | 128u | 256u))
		fo_printf(c->o, "|%#x", op & ~(127u | 128u | 256u));
}

static void d_futex(DEC)
{
	if (c->exiting)
		return;
	unsigned op = (unsigned)a[1], cmd = op & 127;
	ARG(0, p_addr(c, U(0)));
	ARG(1, p_futex_op(c, op));
	switch (cmd) {
	case 0: /* WAIT */
		ARG(2, fo_printf(c->o, "%u", (unsigned)a[2]));
		ARG(3, p_timespec(c, U(3)));
		break;
	case 9: /* WAIT_BITSET */
		ARG(2, fo_printf(c->o, "%u", (unsigned)a[2]));
		ARG(3, p_timespec(c, U(3)));
		ARG(5, if ((unsigned)a[5] == 0xffffffffu) fo_puts(c->o, "FUTEX_BITSET_MATCH_ANY");
		    else fo_printf(c->o, "%#x", (unsigned)a[5]));
		break;
	case 1: /* WAKE */
		ARG(2, fo_printf(c->o, "%d", (int)a[2]));
		break;
	case 10: /* WAKE_BITSET */
		ARG(2, fo_printf(c->o, "%d", (int)a[2]));
		ARG(5, if ((unsigned)a[5] == 0xffffffffu) fo_puts(c->o, "FUTEX_BITSET_MATCH_ANY");
		    else fo_printf(c->o, "%#x", (unsigned)a[5]));
		break;
	case 3: /* REQUEUE */
		ARG(2, fo_printf(c->o, "%d", (int)a[2]));
		ARG(3, fo_printf(c->o, "%u", (unsigned)a[3]));
		ARG(4, p_addr(c, U(4)));
		break;
	case 4: /* CMP_REQUEUE */
	case 12:
		ARG(2, fo_printf(c->o, "%d", (int)a[2]));
		ARG(3, fo_printf(c->o, "%u", (unsigned)a[3]));
		ARG(4, p_addr(c, U(4)));
		ARG(5, fo_printf(c->o, "%u", (unsigned)a[5]));
		break;
	case 5: /* WAKE_OP */
		ARG(2, fo_printf(c->o, "%d", (int)a[2]));
		ARG(3, fo_printf(c->o, "%u", (unsigned)a[3]));
		ARG(4, p_addr(c, U(4)));
		ARG(5, fo_printf(c->o, "%#x", (unsigned)a[5]));
		break;
	case 6:
	case 13: /* LOCK_PI */
		ARG(3, p_timespec(c, U(3)));
		break;
	case 7:
	case 8:
		break;
	case 11: /* WAIT_REQUEUE_PI */
		ARG(2, fo_printf(c->o, "%u", (unsigned)a[2]));
		ARG(3, p_timespec(c, U(3)));
		ARG(4, p_addr(c, U(4)));
		break;
	default:
		for (int i = 2; i < 6; i++)
			ARG(i, fo_printf(c->o, "%#" PRIx64, U(i)));
		break;
	}
	st->printed = REVEL_FMT_MAXARGS;
}

static void d_poll(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_pollfds(c, U(0), U(1) & 0xffffffffu, false));
	ARG(1, fo_printf(c->o, "%u", (unsigned)a[1]));
	if (nr == 7) {
		ARG(2, fo_printf(c->o, "%d", (int)a[2]));
	} else {
		ARG(2, p_timespec(c, U(2)));
		ARG(3, p_sigset_addr(c, U(3), U(4)));
		ARG(4, fo_printf(c->o, "%" PRIu64, U(4)));
	}
	st->printed = REVEL_FMT_MAXARGS;
}

static void d_select(DEC)
{
	if (c->exiting)
		return;
	int n = (int)a[0];
	ARG(0, fo_printf(c->o, "%d", n));
	for (int i = 1; i < 4; i++)
		ARG(i, p_fdset(c, U(i), n));
	if (nr == 23) {
		ARG(4, p_timeval(c, U(4)));
	} else {
		ARG(4, p_timespec(c, U(4)));
		ARG(5, {
			uint64_t sm[2];
			if (U(5) && fc_fetch(c, U(5), sm, sizeof sm)) {
				fo_puts(c->o, "{sigmask=");
				p_sigset_addr(c, sm[0], sm[1]);
				fo_printf(c->o, ", sigsetsize=%" PRIu64 "}", sm[1]);
			} else {
				p_addr(c, U(5));
			}
		});
	}
	st->printed = REVEL_FMT_MAXARGS;
}

static void d_epoll_wait(DEC)
{
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		split_at(c, st, 1);
		return;
	}
	ARG(1, p_epoll_events(c, U(1), c->result));
	ARG(2, fo_printf(c->o, "%d", (int)a[2]));
	if (nr == 441)
		ARG(3, p_timespec(c, U(3)));
	else
		ARG(3, fo_printf(c->o, "%d", (int)a[3]));
	if (nr != 232) {
		ARG(4, p_sigset_addr(c, U(4), U(5)));
		ARG(5, fo_printf(c->o, "%" PRIu64, U(5)));
	}
}

static void d_epoll_ctl(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_fd(c, (int)a[0]));
	ARG(1, p_xval(c, x_epoll_ctl, U(1) & 0xffffffffu, "EPOLL_CTL_???"));
	ARG(2, p_fd(c, (int)a[2]));
	ARG(3, p_epoll_event(c, U(3)));
	st->printed = REVEL_FMT_MAXARGS;
}

/* sendfile, copy_file_range, splice: offsets by pointer, [N] or NULL. */
static void p_off_ptr(struct fc *c, uint64_t addr)
{
	int64_t v;
	if (addr && fc_fetch(c, addr, &v, sizeof v))
		fo_printf(c->o, "[%" PRId64 "]", v);
	else
		p_addr(c, addr);
}

static void d_copy(DEC)
{
	if (c->exiting)
		return;
	if (nr == 40) {
		ARG(0, p_fd(c, (int)a[0]));
		ARG(1, p_fd(c, (int)a[1]));
		ARG(2, p_off_ptr(c, U(2)));
		ARG(3, fo_printf(c->o, "%" PRIu64, U(3)));
	} else {
		ARG(0, p_fd(c, (int)a[0]));
		ARG(1, p_off_ptr(c, U(1)));
		ARG(2, p_fd(c, (int)a[2]));
		ARG(3, p_off_ptr(c, U(3)));
		ARG(4, fo_printf(c->o, "%" PRIu64, U(4)));
		ARG(5, if (nr == 275) p_flags(c, x_splice_flags, U(5) & 0xffffffffu, NULL);
		    else fo_printf(c->o, "%u", (unsigned)a[5]));
	}
	st->printed = REVEL_FMT_MAXARGS;
}

static void d_mknod(DEC)
{
	int o = nr == 259 ? 1 : 0;
	if (c->exiting)
		return;
	if (o)
		ARG(0, p_dirfd(c, (int)a[0]));
	ARG(o, p_path(c, U(o)));
	unsigned mode = (unsigned)a[o + 1];
	ARG(o + 1, p_mode(c, mode));
	if ((mode & 0170000) == 0020000 || (mode & 0170000) == 0060000) {
		uint64_t dev = U(o + 2);
		ARG(o + 2, fo_printf(c->o, "makedev(%#x, %#x)",
		                     (unsigned)(((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffull)),
		                     (unsigned)((dev & 0xff) | ((dev >> 12) & ~0xffull))));
	}
	st->printed = REVEL_FMT_MAXARGS;
}

static void d_utimensat(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_dirfd(c, (int)a[0]));
	ARG(1, p_path(c, U(1)));
	ARG(2, if (U(2)) p_timespec_pair(c, U(2)); else fo_puts(c->o, "NULL"));
	ARG(3, p_flags(c, x_at_flags, U(3) & 0xffffffffu, NULL));
	st->printed = REVEL_FMT_MAXARGS;
}

static void d_time(DEC)
{
	if (!c->exiting) {
		split_at(c, st, 0);
		return;
	}
	ARG(0, if (U(0)) p_off_ptr(c, U(0)); else fo_puts(c->o, "NULL"));
}

static void d_signalfd(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_fd(c, (int)a[0]));
	ARG(1, p_sigset_addr(c, U(1), U(2)));
	ARG(2, fo_printf(c->o, "%" PRIu64, U(2)));
	if (nr == 289)
		ARG(3, p_flags(c, x_sfd_flags, U(3) & 0xffffffffu, NULL));
	st->printed = REVEL_FMT_MAXARGS;
}

static void d_timerfd_settime(DEC)
{
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		ARG(1, p_flags(c, x_timer_flags, U(1) & 0xffffffffu, NULL));
		ARG(2, p_itimerspec(c, U(2)));
		split_at(c, st, 3);
		return;
	}
	ARG(3, if (c->result == 0 && U(3)) p_itimerspec(c, U(3)); else p_addr(c, U(3)));
}

static void d_setitimer(DEC)
{
	if (!c->exiting) {
		ARG(0, p_xval(c, x_itimer, U(0) & 0xffffffffu, "ITIMER_???"));
		if (nr == 38)
			ARG(1, p_itimerval(c, U(1)));
		split_at(c, st, nr == 38 ? 2 : 1);
		return;
	}
	int i = nr == 38 ? 2 : 1;
	ARG(i, if (c->result == 0 && U(i)) p_itimerval(c, U(i)); else p_addr(c, U(i)));
}

static void d_openat2(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_dirfd(c, (int)a[0]));
	ARG(1, p_path(c, U(1)));
	ARG(2, p_open_how(c, U(2), U(3)));
	ARG(3, fo_printf(c->o, "%" PRIu64, U(3)));
	st->printed = REVEL_FMT_MAXARGS;
}

static void d_rseq(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_addr(c, U(0)));
	ARG(1, fo_printf(c->o, "%#x", (unsigned)a[1]));
	ARG(2, p_flags(c, x_rseq_flags, U(2) & 0xffffffffu, NULL));
	ARG(3, fo_printf(c->o, "%#x", (unsigned)a[3]));
	st->printed = REVEL_FMT_MAXARGS;
}

static bool sys_decode_net_(DEC)
{
	switch (nr) {
	case 41:
	case 53:
		d_socket(c, nr, a, st);
		return true;
	case 42:
	case 49:
		d_connect(c, nr, a, st);
		return true;
	case 43:
	case 288:
	case 51:
	case 52:
		d_getname(c, nr, a, st);
		return true;
	case 44:
		d_sendto(c, nr, a, st);
		return true;
	case 45:
		d_recvfrom(c, nr, a, st);
		return true;
	case 46:
	case 47:
		d_msg(c, nr, a, st);
		return true;
	case 54:
	case 55:
		d_sockopt(c, nr, a, st);
		return true;
	case 56:
		d_clone(c, nr, a, st);
		return true;
	case 435:
		d_clone3(c, nr, a, st);
		return true;
	case 202:
		d_futex(c, nr, a, st);
		return true;
	case 7:
	case 271:
		d_poll(c, nr, a, st);
		return true;
	case 23:
	case 270:
		d_select(c, nr, a, st);
		return true;
	case 232:
	case 281:
	case 441:
		d_epoll_wait(c, nr, a, st);
		return true;
	case 233:
		d_epoll_ctl(c, nr, a, st);
		return true;
	case 40:
	case 326:
	case 275:
		d_copy(c, nr, a, st);
		return true;
	case 133:
	case 259:
		d_mknod(c, nr, a, st);
		return true;
	case 280:
		d_utimensat(c, nr, a, st);
		return true;
	case 201:
		d_time(c, nr, a, st);
		return true;
	case 282:
	case 289:
		d_signalfd(c, nr, a, st);
		return true;
	case 286:
		d_timerfd_settime(c, nr, a, st);
		return true;
	case 36:
	case 38:
		d_setitimer(c, nr, a, st);
		return true;
	case 437:
		d_openat2(c, nr, a, st);
		return true;
	case 334:
		d_rseq(c, nr, a, st);
		return true;
	}
	return false;
}

bool sys_decode_net(DEC)
{
	return sys_decode_net_(c, nr, a, st);
}

bool sys_decode(DEC)
{
	/* A decoder that printed everything on entry has nothing left. */
	if (c->exiting && st->printed >= REVEL_FMT_MAXARGS)
		return true;
	return sys_decode_file(c, nr, a, st) || sys_decode_net(c, nr, a, st) ||
	       sys_decode_misc(c, nr, a, st);
}
