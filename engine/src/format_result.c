/* format_result.c: the result after "= " (hex for addresses, octal for
 * umask, decoded flags for fcntl, fds with their paths, poll's ready fds,
 * errno names with strace's messages), and signal lines. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <string.h>
#include "fmt_internal.h"
#include "revel/systable.h"

/* ---- results ---- */

static const struct {
	int err;
	const char *name, *msg;
} kernel_errs[] = {
    {512, "ERESTARTSYS", "To be restarted if SA_RESTART is set"},
    {513, "ERESTARTNOINTR", "To be restarted"},
    {514, "ERESTARTNOHAND", "To be restarted if no handler"},
    {515, "ENOIOCTLCMD", "No ioctl command"},
    {516, "ERESTART_RESTARTBLOCK", "Interrupted by signal"},
    {517, "EPROBE_DEFER", "Driver requests probe retry"},
    {518, "EOPENSTALE", "Open found a stale dentry"},
    {519, "ENOPARAM", "Parameter not supported"},
    {521, "EBADHANDLE", "Illegal NFS file handle"},
    {522, "ENOTSYNC", "Update synchronization mismatch"},
    {523, "EBADCOOKIE", "Cookie is stale"},
    {524, "ENOTSUPP", "Operation is not supported"},
    {525, "ETOOSMALL", "Buffer or request is too small"},
    {526, "ESERVERFAULT", "An untranslatable error occurred"},
    {527, "EBADTYPE", "Type not supported by server"},
    {528, "EJUKEBOX", "Request initiated, but will not complete before timeout"},
    {529, "EIOCBQUEUED", "iocb queued, will get completion event"},
    {530, "ERECALLCONFLICT", "conflict with recalled state"},
    {531, "ENOGRACE", "NFS file lock reclaim refused"},
};

const char *revel_errno_message(int err)
{
	for (size_t i = 0; i < sizeof kernel_errs / sizeof kernel_errs[0]; i++)
		if (kernel_errs[i].err == err)
			return kernel_errs[i].msg;
	if (err <= 0 || err >= 512)
		return NULL;
	return strerrordesc_np(err);
}

/* Calls whose result is an address, printed in hex. */
static bool hex_result(long nr)
{
	return nr == 9 || nr == 12 || nr == 25 || nr == 30;
}

/* Calls that return a new fd (decorated with its path under -y). */
static bool fd_result(long nr, const int64_t a[6])
{
	switch (nr) {
	case 2:
	case 257:
	case 85:
	case 32:
	case 33:
	case 292:
	case 41:
	case 43:
	case 288:
	case 213:
	case 291:
	case 284:
	case 290:
	case 282:
	case 289:
	case 283:
	case 253:
	case 294:
	case 319:
	case 434:
	case 437:
	case 298:
	case 304:
	case 438:
	case 323:
	case 428:
	case 430:
	case 432:
	case 433:
	case 447:
		return true;
	case 72:
		return a[1] == 0 || a[1] == 1030;
	}
	return false;
}

int revel_format_result(const struct revel_fmt *f, long nr, const int64_t args[6],
                        const struct revel_fmt_state *st, int64_t r, char *out, size_t len)
{
	struct fo o;
	struct fc c = {.f = f, .o = &o, .exiting = true, .result = r};
	fo_init(&o, out, len);
	(void)st;
	if (nr == 60 || nr == 231) { /* exit, exit_group: no return */
		fo_putc(&o, '?');
		return fo_done(&o);
	}
	if (r < 0 && r >= -4095) {
		int err = (int)-r;
		const char *name = revel_errno_name(err);
		const char *msg = revel_errno_message(err);
		/* The restart codes never reach the guest: strace shows "?". */
		fo_puts(&o, err >= 512 && err <= 516 ? "? " : "-1 ");
		if (name)
			fo_puts(&o, name);
		else
			fo_printf(&o, "%d", err);
		if (msg)
			fo_printf(&o, " (%s)", msg);
		return fo_done(&o);
	}
	if (hex_result(nr)) {
		fo_hex(&o, (uint64_t)r);
	} else if (nr == 95) { /* umask */
		fo_printf(&o, "%#03o", (unsigned)r);
	} else if (nr == 72 && args[1] == 1) { /* F_GETFD */
		fo_printf(&o, "%#" PRIx64, (uint64_t)r);
		if (r) {
			fo_puts(&o, " (flags ");
			p_flags(&c, x_fd_flags, (uint64_t)r, NULL);
			fo_putc(&o, ')');
		}
	} else if (nr == 72 && args[1] == 3) { /* F_GETFL */
		fo_printf(&o, "%#" PRIx64 " (flags ", (uint64_t)r);
		p_xval(&c, x_open_access, (uint64_t)r & 3, NULL);
		if ((uint64_t)r & ~3ull) {
			fo_putc(&o, '|');
			p_flags(&c, x_open_flags, (uint64_t)r & ~3ull, NULL);
		}
		fo_putc(&o, ')');
	} else if (fd_result(nr, args)) {
		p_fd(&c, (int)r);
	} else if ((nr == 7 || nr == 271) && r == 0) { /* poll, ppoll */
		fo_puts(&o, "0 (Timeout)");
	} else if ((nr == 7 || nr == 271) && r > 0) {
		fo_printf(&o, "%" PRId64 " (", r);
		p_pollfds(&c, (uint64_t)args[0], (uint64_t)args[1], true);
		fo_putc(&o, ')');
	} else if ((nr == 23 || nr == 270) && r == 0) { /* select, pselect6 */
		fo_puts(&o, "0 (Timeout)");
	} else {
		fo_dec(&o, r);
	}
	return fo_done(&o);
}

/* ---- signals ---- */

int revel_format_signal(const struct revel_fmt *f, int sig, const void *info, char *out, size_t len)
{
	struct fo o;
	struct fc c = {.f = f, .o = &o};
	fo_init(&o, out, len);
	p_signame(&c, sig);
	if (info) {
		fo_putc(&o, ' ');
		p_siginfo(&c, info);
	}
	return fo_done(&o);
}
