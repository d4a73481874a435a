/* result.c: the result after "= " (hex for addresses, octal for
 * umask, decoded flags for fcntl, fds with their paths, poll's ready fds,
 * errno names with strace's messages), chosen by the syscall table's
 * result-kind column; and signal lines. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <string.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include "decode.h"
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

/* fcntl's result by command: a new fd, the fd flags, the file status flags. */
static void p_fcntl_result(struct fc *c, int64_t cmd, int64_t r)
{
	struct fo *o = c->o;
	if (cmd == F_GETFD) {
		fo_printf(o, "%#" PRIx64, (uint64_t)r);
		if (r) {
			fo_puts(o, " (flags ");
			p_flags(c, x_fd_flags, (uint64_t)r, NULL);
			fo_putc(o, ')');
		}
	} else if (cmd == F_GETFL) {
		fo_printf(o, "%#" PRIx64 " (flags ", (uint64_t)r);
		p_xval(c, x_open_access, (uint64_t)r & O_ACCMODE, NULL);
		if ((uint64_t)r & ~(uint64_t)O_ACCMODE) {
			fo_putc(o, '|');
			p_flags(c, x_open_flags, (uint64_t)r & ~(uint64_t)O_ACCMODE, NULL);
		}
		fo_putc(o, ')');
	} else if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) {
		p_fd(c, (int)r);
	} else if (cmd == F_GETOWN) { /* a process, or minus a group */
		p_pid_or_pgid(c, (int)r);
	} else {
		fo_dec(o, r);
	}
}

/* select's result, as strace has it: the sets the kernel left, and the
 * time left: " (in [3], out [4], left {tv_sec=4, tv_nsec=999998037})". */
static void p_select_ready(struct fc *c, long nr, const int64_t a[6])
{
	static const char *const names[3] = {"in", "out", "except"};
	int nfds = (int)a[0];
	if (nfds < 0)
		nfds = 0;
	if (nfds > 1024)
		nfds = 1024;
	size_t bytes = (size_t)(nfds + 63) / 64 * 8;
	const char *sep = " (";
	for (int i = 0; i < 3; i++) {
		uint64_t set[16];
		if (!a[i + 1] || !bytes || !fc_fetch(c, (uint64_t)a[i + 1], set, bytes))
			continue;
		bool first = true;
		for (int fd = 0; fd < nfds; fd++) {
			if (!((set[fd / 64] >> (fd % 64)) & 1))
				continue;
			if (first)
				fo_printf(c->o, "%s%s [", sep, names[i]);
			else
				fo_putc(c->o, ' ');
			first = false;
			fo_printf(c->o, "%d", fd);
		}
		if (!first) {
			fo_putc(c->o, ']');
			sep = ", ";
		}
	}
	if (a[4]) {
		fo_printf(c->o, "%sleft ", sep);
		if (nr == __NR_select)
			p_timeval(c, (uint64_t)a[4]);
		else
			p_timespec(c, (uint64_t)a[4]);
		sep = ", ";
	}
	if (sep[0] == ',')
		fo_putc(c->o, ')');
}

/* The kind of pid a call returns (strace's RVAL_TID, _TGID, _PGID, _SID),
 * -1 for the others. */
static int result_pid_kind(long nr)
{
	switch (nr) {
	case SYS_gettid:
	case SYS_clone:
	case SYS_clone3:
		return PID_TID;
	case SYS_getpid:
	case SYS_getppid:
	case SYS_fork:
	case SYS_vfork:
	case SYS_wait4:
		return PID_TGID;
	case SYS_getpgrp:
	case SYS_getpgid:
		return PID_PGID;
	case SYS_getsid:
		return PID_SID;
	}
	return -1;
}

int revel_format_result(const struct revel_fmt *f, long nr, const int64_t args[6],
                        const struct revel_fmt_state *st, int64_t r, char *out, size_t len)
{
	struct fo o;
	struct fc c = {.f = f, .o = &o, .exiting = true, .result = r, .nr = nr};
	fo_init(&o, out, len);
	(void)st;
	enum result_kind kind = syscall_result_kind(nr);
	if (kind == RK_NONE) { /* exit, exit_group: no return */
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
	if (fc_style(f, nr) & REVEL_STYLE_RAW)
		kind = RK_HEX; /* -e raw=: the result in hex too */
	int pk = kind == RK_DECIMAL ? result_pid_kind(nr) : -1;
	if (pk >= 0) { /* -Y, --decode-pids=pidns: as strace, the pids these return */
		p_pid(&c, (int)r, (enum pid_kind)pk);
		return fo_done(&o);
	}
	if (nr == SYS_ioctl && kind == RK_DECIMAL &&
	    p_kvm_result(&c, (unsigned)args[1], (int)args[0], r))
		return fo_done(&o);
	if (nr == SYS_ioprio_get && kind == RK_DECIMAL) { /* 0 (IOPRIO_PRIO_VALUE(...)) */
		fo_dec(&o, r);
		fo_puts(&o, " (");
		p_ioprio(&c, (unsigned)r);
		fo_putc(&o, ')');
		return fo_done(&o);
	}
	if (nr == SYS_sched_getscheduler && kind == RK_DECIMAL) {
		fo_dec(&o, r);
		const char *policy = xlat_name(x_sched_policy, (uint64_t)r);
		if (policy)
			fo_printf(&o, " (%s)", policy);
		return fo_done(&o);
	}
	switch (kind) {
	case RK_HEX:
		fo_hex(&o, (uint64_t)r);
		break;
	case RK_OCT:
		fo_printf(&o, "%#03o", (unsigned)r);
		break;
	case RK_FD:
		p_fd(&c, (int)r);
		break;
	case RK_FCNTL:
		p_fcntl_result(&c, args[1], r);
		break;
	case RK_POLL:
		if (r == 0) {
			fo_puts(&o, "0 (Timeout)");
		} else if (r > 0) {
			fo_printf(&o, "%" PRId64 " (", r);
			p_pollfds(&c, (uint64_t)args[0], (uint64_t)args[1], true);
			fo_putc(&o, ')');
		} else {
			fo_dec(&o, r);
		}
		break;
	case RK_SELECT:
		if (r == 0) {
			fo_puts(&o, "0 (Timeout)");
		} else {
			fo_dec(&o, r);
			p_select_ready(&c, nr, args);
		}
		break;
	case RK_TIME: {
		fo_dec(&o, r);
		struct fo save = o;
		fo_puts(&o, " (");
		if (p_date(&c, r, 0, 0))
			fo_putc(&o, ')');
		else
			o = save;
		break;
	}
	case RK_SIGNAL:
		fo_dec(&o, r);
		if (r > 0 && revel_signal_name((int)r))
			fo_printf(&o, " (%s)", revel_signal_name((int)r));
		break;
	case RK_DECIMAL:
	case RK_NONE:
		fo_dec(&o, r);
		break;
	}
	return fo_done(&o);
}

/* ---- signals ---- */

int revel_format_signal(const struct revel_fmt *f, int sig, const void *info, char *out, size_t len)
{
	struct fo o;
	struct fc c = {.f = f, .o = &o, .nr = -1};
	fo_init(&o, out, len);
	c.xs_inner = true; /* the line's head is a name under -X too */
	p_signame(&c, sig);
	c.xs_inner = false;
	if (info) {
		fo_putc(&o, ' ');
		p_siginfo(&c, info);
	}
	return fo_done(&o);
}
