/* decode_ioctl.c: the ioctl decoder: terminal requests (winsize; termios in
 * decode_term.c), KVM's (decode_kvm.c), and requests by their _IOC encoding
 * when no name is known. */
#include <inttypes.h>
#include <string.h>
#include <sys/syscall.h>
#include "decode.h"

static void p_ioc(struct fc *c, uint64_t req)
{
	static const char *const dirs[] = {"_IOC_NONE", "_IOC_WRITE", "_IOC_READ",
	                                   "_IOC_READ|_IOC_WRITE"};
	const char *n = xlat_name(kvm_request((unsigned)req) ? x_kvm_ioctls : x_ioctls, req);
	if (n) {
		int how =
		    xs_begin(c, req, 'x'); /* -X raw: 0x5401; verbose: 0x5401 / * TCGETS * / */
		if (how != XS_SKIP)
			fo_puts(c->o, n);
		xs_end(c, how);
		return;
	}
	fo_printf(c->o, "_IOC(%s, %#x, %#x, %#x)", dirs[(req >> 30) & 3],
	          (unsigned)(req >> 8) & 0xff, (unsigned)req & 0xff,
	          (unsigned)(req >> 16) & 0x3fff);
}

void d_ioctl(DEC)
{
	unsigned req = (unsigned)a[1];
	/* [N] on exit: TIOCGWINSZ (a winsize), FIONREAD, TIOCGPGRP, TIOCGSID,
	 * TIOCGPTN, TIOCGETD, TIOCGSOFTCAR, TIOCOUTQ, TIOCGDEV */
	bool out = req == 0x5413 || req == 0x541b || req == 0x540f || req == 0x5429 ||
	           req == 0x80045430 || req == 0x5424 || req == 0x5419 || req == 0x5411 ||
	           req == 0x80045432;
	/* [N] on entry: FIONBIO, TIOCSPGRP, TIOCSETD, FIOASYNC, TIOCPKT,
	 * TIOCSSOFTCAR, TIOCSPTLCK */
	bool in = req == 0x5421 || req == 0x5410 || req == 0x5423 || req == 0x5452 ||
	          req == 0x5420 || req == 0x541a || req == 0x40045431;
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		ARG(1, p_ioc(c, req));
		if (kvm_ioctl(c, req, a, st) || term_ioctl(c, req, a, st))
			return;
		if (req == 0x5450 || req == 0x5451) { /* FIONCLEX, FIOCLEX: no argument */
			st->printed = REVEL_FMT_MAXARGS;
			return;
		}
		if (out) {
			split_at(c, st, 2);
			return;
		}
		if (in)
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
	if (kvm_ioctl(c, req, a, st) || term_ioctl(c, req, a, st))
		return;
	if (c->result < 0) {
		ARG(2, p_addr(c, U(2)));
		return;
	}
	if (req == 0x5413)
		ARG(2, p_winsize(c, U(2)));
	else
		ARG(2, p_int_ptr(c, U(2)));
}
