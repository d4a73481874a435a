/* format_misc.c: decoders of ioctl (terminal and file requests), prctl,
 * arch_prctl and POSIX timers. */
#include <inttypes.h>
#include <string.h>
#include "fmt_syscalls.h"

/* termios, abbreviated as strace does without -v. */
static void p_termios(struct fc *c, uint64_t addr)
{
	struct {
		uint32_t iflag, oflag, cflag, lflag;
	} t;
	static const char *const speeds[] = {"B0",    "B50",   "B75",    "B110",  "B134",  "B150",
	                                     "B200",  "B300",  "B600",   "B1200", "B1800", "B2400",
	                                     "B4800", "B9600", "B19200", "B38400"};
	if (!fc_fetch(c, addr, &t, sizeof t)) {
		p_addr(c, addr);
		return;
	}
	unsigned sp = t.cflag & 010017;
	fo_putc(c->o, '{');
	if (sp < 16)
		fo_puts(c->o, speeds[sp]);
	else
		fo_printf(c->o, "%#o", sp);
	fo_printf(c->o, " %sopost %sisig %sicanon %secho ...}", t.oflag & 1 ? "" : "-",
	          t.lflag & 1 ? "" : "-", t.lflag & 2 ? "" : "-", t.lflag & 010 ? "" : "-");
}

static void p_ioc(struct fc *c, uint64_t req)
{
	static const char *const dirs[] = {"_IOC_NONE", "_IOC_WRITE", "_IOC_READ",
	                                   "_IOC_READ|_IOC_WRITE"};
	const char *n = xlat_name(x_ioctls, req);
	if (n) {
		fo_puts(c->o, n);
		return;
	}
	fo_printf(c->o, "_IOC(%s, %#x, %#x, %#x)", dirs[(req >> 30) & 3],
	          (unsigned)(req >> 8) & 0xff, (unsigned)req & 0xff,
	          (unsigned)(req >> 16) & 0x3fff);
}

static void d_ioctl(DEC)
{
	unsigned req = (unsigned)a[1];
	bool out = req == 0x5401 || req == 0x5413 || req == 0x541b || req == 0x540f ||
	           req == 0x5429 || req == 0x80045430;
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		ARG(1, p_ioc(c, req));
		if (req == 0x5450 || req == 0x5451) { /* FIONCLEX, FIOCLEX: no argument */
			st->printed = REVEL_FMT_MAXARGS;
			return;
		}
		if (out) {
			split_at(c, st, 2);
			return;
		}
		if (req == 0x5421 || req == 0x5410)
			ARG(2, p_int_ptr(c, U(2)));
		else if (req == 0x5414)
			ARG(2, p_winsize(c, U(2)));
		else if (req == 0x40049409)
			ARG(2, fo_printf(c->o, "%d", (int)a[2]));
		else
			ARG(2, fo_printf(c->o, "%#" PRIx64, U(2)));
		st->printed = REVEL_FMT_MAXARGS;
		return;
	}
	if (c->result < 0) {
		ARG(2, p_addr(c, U(2)));
		return;
	}
	if (req == 0x5401)
		ARG(2, p_termios(c, U(2)));
	else if (req == 0x5413)
		ARG(2, p_winsize(c, U(2)));
	else
		ARG(2, p_int_ptr(c, U(2)));
}

static void d_arch_prctl(DEC)
{
	unsigned code = (unsigned)a[0];
	bool get = code == 0x1003 || code == 0x1004;
	if (!c->exiting) {
		ARG(0, p_xval(c, x_arch_prctl, code, "ARCH_???"));
		if (get) {
			split_at(c, st, 1);
			return;
		}
		ARG(1, fo_printf(c->o, "%#" PRIx64, U(1)));
		st->printed = REVEL_FMT_MAXARGS;
		return;
	}
	if (get) {
		uint64_t v;
		ARG(1, if (c->result == 0 && fc_fetch(c, U(1), &v, sizeof v))
		           fo_printf(c->o, "[%#" PRIx64 "]", v);
		    else p_addr(c, U(1)));
	}
}

static void d_prctl(DEC)
{
	unsigned op = (unsigned)a[0];
	if (!c->exiting) {
		ARG(0, p_xval(c, x_prctl, op, "PR_???"));
		switch (op) {
		case 15: /* PR_SET_NAME */
			ARG(1, p_cstring(c, U(1), 15));
			break;
		case 16: /* PR_GET_NAME */
		case 2:  /* PR_GET_PDEATHSIG */
			split_at(c, st, 1);
			return;
		case 1: /* PR_SET_PDEATHSIG */
			ARG(1, p_signame(c, (int)a[1]));
			break;
		case 3:
		case 5:
		case 7:
		case 9:
		case 11:
		case 13:
		case 19:
		case 21:
		case 25:
		case 27:
		case 30:
		case 34:
		case 37:
		case 39:
		case 42:
		case 46:
		case 56:
		case 58:
			break;
		case 23:
		case 24: /* PR_CAPBSET_READ, PR_CAPBSET_DROP */
			ARG(1, p_xval(c, x_caps, U(1), "CAP_???"));
			break;
		case 38:
		case 4:
		case 8:
		case 36:
		case 41:
			ARG(1, fo_printf(c->o, "%" PRIu64, U(1)));
			if (op == 38 || op == 41)
				for (int i = 2; i < 5; i++)
					ARG(i, fo_printf(c->o, "%" PRIu64, U(i)));
			break;
		default:
			for (int i = 1; i < 5; i++)
				ARG(i, fo_printf(c->o, "%#" PRIx64, U(i)));
			break;
		}
		st->printed = REVEL_FMT_MAXARGS;
		return;
	}
	if (op == 16)
		ARG(1, if (c->result == 0) p_cstring(c, U(1), 15); else p_addr(c, U(1)));
	else if (op == 2)
		ARG(1, if (c->result == 0) p_int_ptr(c, U(1)); else p_addr(c, U(1)));
}

static void p_sigevent(struct fc *c, uint64_t addr)
{
	struct {
		uint64_t value;
		int32_t signo, notify;
		int32_t tid, pad;
	} ev;
	FETCH_OR_ADDR(c, addr, ev);
	fo_puts(c->o, "{");
	if (ev.notify == 0 || ev.notify == 4) {
		fo_puts(c->o, "sigev_signo=");
		p_signame(c, ev.signo);
		fo_puts(c->o, ", ");
	}
	fo_puts(c->o, "sigev_notify=");
	p_xval(c, x_sigev_notify, (uint64_t)(uint32_t)ev.notify, "SIGEV_???");
	if (ev.notify == 4)
		fo_printf(c->o, ", sigev_notify_thread_id=%d", ev.tid);
	fo_putc(c->o, '}');
}

static void d_timer(DEC)
{
	if (nr == 222) { /* timer_create(clock, sevp, timerid) */
		if (!c->exiting) {
			ARG(0, p_xval(c, x_clocks, U(0) & 0xffffffffu, "CLOCK_???"));
			ARG(1, p_sigevent(c, U(1)));
			split_at(c, st, 2);
			return;
		}
		ARG(2, if (c->result == 0) p_int_array(c, U(2), 1); else p_addr(c, U(2)));
		return;
	}
	if (nr == 223) { /* timer_settime(id, flags, new, old) */
		if (!c->exiting) {
			ARG(0, fo_printf(c->o, "%d", (int)a[0]));
			ARG(1, p_flags(c, x_timer_flags, U(1) & 0xffffffffu, NULL));
			ARG(2, p_itimerspec(c, U(2)));
			split_at(c, st, 3);
			return;
		}
		ARG(3, if (c->result == 0 && U(3)) p_itimerspec(c, U(3)); else p_addr(c, U(3)));
		return;
	}
	/* timer_gettime(id, cur) */
	if (!c->exiting) {
		ARG(0, fo_printf(c->o, "%d", (int)a[0]));
		split_at(c, st, 1);
		return;
	}
	ARG(1, if (c->result == 0) p_itimerspec(c, U(1)); else p_addr(c, U(1)));
}

bool sys_decode_misc(DEC)
{
	switch (nr) {
	case 16:
		d_ioctl(c, nr, a, st);
		return true;
	case 157:
		d_prctl(c, nr, a, st);
		return true;
	case 158:
		d_arch_prctl(c, nr, a, st);
		return true;
	case 222:
	case 223:
	case 224:
		d_timer(c, nr, a, st);
		return true;
	}
	return false;
}
