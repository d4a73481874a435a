/* format_syscalls.c: syscalls whose arguments strace decodes beyond their
 * kind: which arguments wait for the exit (output structs), arguments whose
 * meaning depends on another (open's mode, fcntl's arg, futex's op), and
 * structs. Each decoder runs twice, on entry and on exit (c->exiting); one
 * that returns false leaves the call to the generic per-kind decoder.
 * Sockets, ioctl, prctl and futex are in format_net.c. */
#include <inttypes.h>
#include <string.h>
#include "fmt_syscalls.h"

void split_at(struct fc *c, struct revel_fmt_state *st, int i)
{
	if (i > 0)
		fo_puts(c->o, ", ");
	st->printed = i;
}

/* read(fd, buf, count [, offset]): the buffer holds result bytes on exit. */
static void d_read(DEC)
{
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		split_at(c, st, 1);
		return;
	}
	ARG(1, if (c->result >= 0) p_buf(c, U(1), (uint64_t)c->result, false);
	    else p_addr(c, U(1)));
	ARG(2, fo_printf(c->o, "%" PRIu64, U(2)));
	if (nr == 17)
		ARG(3, fo_printf(c->o, "%" PRId64, a[3]));
}

static void p_open_flags(struct fc *c, uint64_t fl)
{
	fl &= 0xffffffffu;
	p_xval(c, x_open_access, fl & 3, NULL);
	if (fl & ~3ull) {
		fo_putc(c->o, '|');
		p_flags(c, x_open_flags, fl & ~3ull, NULL);
	}
}

static void p_mode_arg(struct fc *c, uint64_t mode)
{
	mode &= 0xffffffffu;
	if (mode & ~0777ull)
		p_mode(c, (unsigned)mode);
	else
		fo_printf(c->o, "%#03o", (unsigned)mode);
}

/* open/openat/creat: the mode only with O_CREAT or O_TMPFILE. */
static void d_open(DEC)
{
	int o = nr == 257 ? 1 : 0;
	if (c->exiting)
		return;
	if (o)
		ARG(0, p_dirfd(c, (int)a[0]));
	ARG(o, p_path(c, U(o)));
	ARG(o + 1, p_open_flags(c, U(o + 1)));
	if (U(o + 1) & (0100 | 020000000))
		ARG(o + 2, p_mode_arg(c, U(o + 2)));
	st->printed = REVEL_FMT_MAXARGS;
}

/* stat family: the struct on exit. */
static void d_stat(DEC)
{
	if (!c->exiting) {
		if (nr == 262) {
			ARG(0, p_dirfd(c, (int)a[0]));
			ARG(1, p_path(c, U(1)));
			split_at(c, st, 2);
		} else {
			if (nr == 5)
				ARG(0, p_fd(c, (int)a[0]));
			else
				ARG(0, p_path(c, U(0)));
			split_at(c, st, 1);
		}
		return;
	}
	int i = nr == 262 ? 2 : 1;
	ARG(i, if (c->result == 0) p_stat(c, U(i)); else p_addr(c, U(i)));
	if (nr == 262)
		ARG(3, p_flags(c, x_at_flags, U(3) & 0xffffffffu, NULL));
}

static void d_statx(DEC)
{
	if (!c->exiting) {
		ARG(0, p_dirfd(c, (int)a[0]));
		ARG(1, p_path(c, U(1)));
		ARG(2, {
			uint64_t fl = U(2) & 0xffffffffu;
			p_xval(c, x_at_statx_sync, fl & 0x6000, NULL);
			if (fl & ~0x6000ull) {
				fo_putc(c->o, '|');
				p_flags(c, x_at_flags, fl & ~0x6000ull, NULL);
			}
		});
		ARG(3, p_flags(c, x_statx_mask, U(3) & 0xffffffffu, "STATX_???"));
		split_at(c, st, 4);
		return;
	}
	ARG(4, if (c->result == 0) p_statx(c, U(4)); else p_addr(c, U(4)));
}

static void d_statfs(DEC)
{
	if (!c->exiting) {
		if (nr == 138)
			ARG(0, p_fd(c, (int)a[0]));
		else
			ARG(0, p_path(c, U(0)));
		split_at(c, st, 1);
		return;
	}
	ARG(1, if (c->result == 0) p_statfs(c, U(1)); else p_addr(c, U(1)));
}

static void d_rt_sigaction(DEC)
{
	if (!c->exiting) {
		ARG(0, p_signame(c, (int)a[0]));
		ARG(1, p_sigaction(c, U(1)));
		split_at(c, st, 2);
		return;
	}
	ARG(2, if (c->result == 0) p_sigaction(c, U(2)); else p_addr(c, U(2)));
	ARG(3, fo_printf(c->o, "%" PRIu64, U(3)));
}

static void d_rt_sigprocmask(DEC)
{
	if (!c->exiting) {
		ARG(0, p_xval(c, x_sigprocmask_how, U(0) & 0xffffffffu, "SIG_???"));
		ARG(1, p_sigset_addr(c, U(1), U(3)));
		split_at(c, st, 2);
		return;
	}
	ARG(2, if (c->result == 0) p_sigset_addr(c, U(2), U(3)); else p_addr(c, U(2)));
	ARG(3, fo_printf(c->o, "%" PRIu64, U(3)));
}

/* The mask the frame on the stack restores (uc_sigmask of the ucontext). */
static void d_rt_sigreturn(DEC)
{
	if (c->exiting)
		return;
	uint64_t mask;
	ARG(0, {
		fo_puts(c->o, "{mask=");
		if (c->f->sp && fc_fetch(c, c->f->sp + 296, &mask, sizeof mask))
			p_sigset(c, &mask, 1);
		else
			p_addr(c, c->f->sp + 296);
		fo_putc(c->o, '}');
	});
	st->printed = REVEL_FMT_MAXARGS;
}

static void d_readv(DEC)
{
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		if (nr == 20 || nr == 296 || nr == 328) {
			ARG(1, p_iovec(c, U(1), U(2), -1, false));
		} else {
			split_at(c, st, 1);
			return;
		}
	} else {
		ARG(1, if (c->result >= 0) p_iovec(c, U(1), U(2), c->result, true);
		    else p_addr(c, U(1)));
	}
	ARG(2, fo_printf(c->o, "%d", (int)a[2]));
	if (nr >= 295) {
		ARG(3, fo_printf(c->o, "%" PRId64, a[3]));
		if (nr >= 327)
			ARG(5, p_flags(c, x_sig_how_dummy, U(5) & 0xffffffffu, NULL));
	}
	st->printed = REVEL_FMT_MAXARGS;
}

static void d_pipe(DEC)
{
	if (!c->exiting) {
		split_at(c, st, 0);
		return;
	}
	ARG(0, if (c->result == 0) p_int_array(c, U(0), 2); else p_addr(c, U(0)));
	if (nr == 293)
		ARG(1, p_flags(c, x_open_flags, U(1) & 0xffffffffu, NULL));
}

static void d_dup3(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_fd(c, (int)a[0]));
	ARG(1, p_fd(c, (int)a[1]));
	ARG(2, p_flags(c, x_open_flags, U(2) & 0xffffffffu, NULL));
	st->printed = REVEL_FMT_MAXARGS;
}

static void d_nanosleep(DEC)
{
	int o = nr == 230 ? 2 : 0;
	if (!c->exiting) {
		if (o) {
			ARG(0, p_xval(c, x_clocks, U(0) & 0xffffffffu, "CLOCK_???"));
			ARG(1, p_flags(c, x_timer_flags, U(1) & 0xffffffffu, NULL));
		}
		ARG(o, p_timespec(c, U(o)));
		split_at(c, st, o + 1);
		return;
	}
	/* The remainder is written only when a signal cut the sleep short. */
	ARG(o + 1, if (c->result != 0 && U(o + 1)) p_timespec(c, U(o + 1));
	    else p_addr(c, U(o + 1)));
}

static void d_wait4(DEC)
{
	if (!c->exiting) {
		ARG(0, fo_printf(c->o, "%d", (int)a[0]));
		split_at(c, st, 1);
		return;
	}
	ARG(1, if (c->result > 0 && U(1)) p_wait_status(c, U(1)); else p_addr(c, U(1)));
	ARG(2, p_flags(c, x_wait_opts, U(2) & 0xffffffffu, NULL));
	ARG(3, if (c->result > 0 && U(3)) p_rusage(c, U(3)); else p_addr(c, U(3)));
}

static void d_waitid(DEC)
{
	if (!c->exiting) {
		ARG(0, p_xval(c, x_waitid_which, U(0) & 0xffffffffu, "P_???"));
		ARG(1, fo_printf(c->o, "%d", (int)a[1]));
		split_at(c, st, 2);
		return;
	}
	ARG(2, if (c->result == 0 && U(2)) p_siginfo_addr(c, U(2)); else p_addr(c, U(2)));
	ARG(3, p_flags(c, x_wait_opts, U(3) & 0xffffffffu, NULL));
	ARG(4, if (c->result == 0 && U(4)) p_rusage(c, U(4)); else p_addr(c, U(4)));
}

/* execve: argv in full (each string -s bounded), envp as a count. */
static void p_argv(struct fc *c, uint64_t addr, bool count_only)
{
	if (!addr) {
		fo_puts(c->o, "NULL");
		return;
	}
	uint64_t p;
	if (!fc_fetch(c, addr, &p, sizeof p)) {
		p_addr(c, addr);
		return;
	}
	int max = c->f->string_limit < 0 ? 32 : c->f->string_limit;
	int n = 0;
	if (count_only) {
		while (n < 65536 && fc_fetch(c, addr + 8 * (uint64_t)n, &p, sizeof p) && p)
			n++;
		p_addr(c, addr);
		fo_printf(c->o, " /* %d var%s */", n, n == 1 ? "" : "s");
		return;
	}
	fo_putc(c->o, '[');
	for (; n < 65536; n++) {
		if (!fc_fetch(c, addr + 8 * (uint64_t)n, &p, sizeof p)) {
			fo_printf(c->o, "%s%#" PRIx64, n ? ", " : "", addr + 8 * (uint64_t)n);
			break;
		}
		if (!p)
			break;
		if (n)
			fo_puts(c->o, ", ");
		if (n >= max) {
			fo_puts(c->o, "...");
			break;
		}
		p_str(c, p);
	}
	fo_putc(c->o, ']');
}

static void d_execve(DEC)
{
	int o = nr == 322 ? 1 : 0;
	if (c->exiting)
		return;
	if (o)
		ARG(0, p_dirfd(c, (int)a[0]));
	ARG(o, p_path(c, U(o)));
	ARG(o + 1, p_argv(c, U(o + 1), false));
	ARG(o + 2, p_argv(c, U(o + 2), true));
	if (o)
		ARG(4, p_flags(c, x_at_flags, U(4) & 0xffffffffu, NULL));
	st->printed = REVEL_FMT_MAXARGS;
}

static void d_out_struct(DEC, int i, void (*pr)(struct fc *, uint64_t))
{
	if (!c->exiting) {
		split_at(c, st, i);
		return;
	}
	ARG(i, if (c->result >= 0) pr(c, U(i)); else p_addr(c, U(i)));
}

static void d_fcntl(DEC)
{
	if (c->exiting)
		return;
	unsigned cmd = (unsigned)a[1];
	if (cmd == 5 || cmd == 36) { /* F_GETLK, F_OFD_GETLK: the lock on exit */
		ARG(0, p_fd(c, (int)a[0]));
		ARG(1, p_xval(c, x_fcntl_cmds, cmd, "F_???"));
		ARG(2, p_flock(c, U(2)));
		st->printed = REVEL_FMT_MAXARGS;
		return;
	}
	ARG(0, p_fd(c, (int)a[0]));
	ARG(1, p_xval(c, x_fcntl_cmds, cmd, "F_???"));
	switch (cmd) {
	case 1:
	case 3:
	case 9:
	case 11:
	case 1025:
	case 1032:
	case 1034:
	case 17:
		break;
	case 2:
		ARG(2, p_flags(c, x_fd_flags, U(2), NULL));
		break;
	case 4:
		ARG(2, p_open_flags(c, U(2)));
		break;
	case 6:
	case 7:
	case 37:
	case 38:
		ARG(2, p_flock(c, U(2)));
		break;
	case 10:
		ARG(2, p_signame(c, (int)a[2]));
		break;
	case 0:
	case 1030:
	case 8:
	case 1031:
	case 1024:
		ARG(2, fo_printf(c->o, "%d", (int)a[2]));
		break;
	default:
		ARG(2, fo_printf(c->o, "%#" PRIx64, U(2)));
		break;
	}
	st->printed = REVEL_FMT_MAXARGS;
}

static void d_getdents(DEC)
{
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		split_at(c, st, 1);
		return;
	}
	ARG(1, p_dirents(c, U(1), c->result, nr == 217));
	ARG(2, fo_printf(c->o, "%u", (unsigned)a[2]));
}

static void d_getcwd(DEC)
{
	if (!c->exiting) {
		split_at(c, st, 0);
		return;
	}
	ARG(0, if (c->result >= 0) p_path(c, U(0)); else p_addr(c, U(0)));
	ARG(1, fo_printf(c->o, "%" PRIu64, U(1)));
}

static void d_rlimit(DEC)
{
	if (nr == 302) { /* prlimit64 */
		if (!c->exiting) {
			ARG(0, fo_printf(c->o, "%d", (int)a[0]));
			ARG(1, p_xval(c, x_rlimit, U(1) & 0xffffffffu, "RLIMIT_???"));
			ARG(2, p_rlimit(c, U(2)));
			split_at(c, st, 3);
			return;
		}
		ARG(3, if (c->result == 0) p_rlimit(c, U(3)); else p_addr(c, U(3)));
		return;
	}
	if (!c->exiting) {
		ARG(0, p_xval(c, x_rlimit, U(0) & 0xffffffffu, "RLIMIT_???"));
		if (nr == 160) {
			ARG(1, p_rlimit(c, U(1)));
			st->printed = REVEL_FMT_MAXARGS;
		} else {
			split_at(c, st, 1);
		}
		return;
	}
	if (nr == 97)
		ARG(1, if (c->result == 0) p_rlimit(c, U(1)); else p_addr(c, U(1)));
}

static void d_gettimeofday(DEC)
{
	if (!c->exiting) {
		split_at(c, st, 0);
		return;
	}
	ARG(0, if (c->result == 0) p_timeval(c, U(0)); else p_addr(c, U(0)));
	ARG(1, if (c->result == 0 && U(1)) p_timezone(c, U(1)); else p_addr(c, U(1)));
}

static void d_clock(DEC)
{
	if (!c->exiting) {
		ARG(0, p_xval(c, x_clocks, U(0) & 0xffffffffu, "CLOCK_???"));
		if (nr == 227) {
			ARG(1, p_timespec(c, U(1)));
			st->printed = REVEL_FMT_MAXARGS;
		} else {
			split_at(c, st, 1);
		}
		return;
	}
	if (nr != 227)
		ARG(1, if (c->result == 0) p_timespec(c, U(1)); else p_addr(c, U(1)));
}

static void d_getresuid(DEC)
{
	if (!c->exiting) {
		split_at(c, st, 0);
		return;
	}
	for (int i = 0; i < 3; i++)
		ARG(i, if (c->result == 0) p_int_array(c, U(i), 1); else p_addr(c, U(i)));
}

static void d_getgroups(DEC)
{
	if (!c->exiting) {
		ARG(0, fo_printf(c->o, "%d", (int)a[0]));
		if (nr == 116) {
			ARG(1, p_addr(c, U(1)));
			st->printed = REVEL_FMT_MAXARGS;
		} else {
			split_at(c, st, 1);
		}
		return;
	}
	if (nr == 115) {
		ARG(1, {
			if (c->result >= 0 && a[0] == 0 && U(1)) {
				fo_puts(c->o, "[]");
			} else if (c->result > 0 && a[0] > 0) {
				fo_putc(c->o, '[');
				for (int64_t i = 0; i < c->result && i < 64; i++) {
					uint32_t g;
					if (!fc_fetch(c, U(1) + 4 * (uint64_t)i, &g, sizeof g))
						break;
					fo_printf(c->o, "%s%u", i ? ", " : "", g);
				}
				fo_putc(c->o, ']');
			} else {
				p_addr(c, U(1));
			}
		});
	}
}

static void d_sigaltstack(DEC)
{
	if (!c->exiting) {
		ARG(0, p_stack_t(c, U(0)));
		split_at(c, st, 1);
		return;
	}
	ARG(1, if (c->result == 0) p_stack_t(c, U(1)); else p_addr(c, U(1)));
}

static void d_sched_affinity(DEC)
{
	if (!c->exiting) {
		ARG(0, fo_printf(c->o, "%d", (int)a[0]));
		ARG(1, fo_printf(c->o, "%" PRIu64, U(1)));
		if (nr == 203) {
			ARG(2, p_cpuset(c, U(2), (int64_t)U(1)));
			st->printed = REVEL_FMT_MAXARGS;
		} else {
			split_at(c, st, 2);
		}
		return;
	}
	if (nr == 204)
		ARG(2, if (c->result > 0) p_cpuset(c, U(2), c->result); else p_addr(c, U(2)));
}

static void d_getrandom(DEC)
{
	if (!c->exiting) {
		split_at(c, st, 0);
		return;
	}
	ARG(0, if (c->result >= 0) p_buf(c, U(0), (uint64_t)c->result, true); else p_addr(c, U(0)));
	ARG(1, fo_printf(c->o, "%" PRIu64, U(1)));
	ARG(2, p_flags(c, x_grnd, U(2) & 0xffffffffu, NULL));
}

/* Flag arguments with a table, the rest by kind: one line per syscall. */
static const struct {
	short nr, arg;
	const struct xlat *x;
	bool value; /* a value, not flags */
} flag_args[] = {
    {25, 3, x_mremap_flags, false},   {26, 2, x_msync_flags, false},
    {28, 2, x_madvise, true},         {73, 1, x_lock_ops, false},
    {151, 0, x_mlockall, false},      {221, 3, x_fadvise, true},
    {166, 1, x_umount_flags, false},  {48, 1, x_shutdown, true},
    {283, 0, x_clocks, true},         {283, 1, x_tfd_flags, false},
    {286, 1, x_tfd_set_flags, false}, {290, 1, x_eventfd_flags, false},
    {291, 0, x_epoll_flags, false},   {294, 0, x_inotify_flags, false},
    {254, 2, x_inotify_mask, false},  {319, 1, x_memfd_flags, false},
    {436, 2, x_close_range, false},   {316, 4, x_rename_flags, false},
    {285, 1, x_falloc, false},        {188, 4, x_xattr_flags, false},
    {189, 4, x_xattr_flags, false},   {190, 4, x_xattr_flags, false},
    {165, 3, x_mount_flags, false},   {289, 3, x_sfd_flags, false},
    {98, 0, x_rusage_who, true},      {36, 0, x_itimer, true},
    {38, 0, x_itimer, true},          {140, 0, x_priority_which, true},
    {141, 0, x_priority_which, true}, {144, 1, x_sched_policy, true},
    {146, 0, x_sched_policy, true},   {147, 0, x_sched_policy, true},
    {324, 0, x_membarrier, true},     {330, 1, x_pkey_access, false},
    {334, 2, x_rseq_flags, false},    {101, 0, x_ptrace_req, true},
    {275, 5, x_splice_flags, false},  {276, 3, x_splice_flags, false},
    {278, 3, x_splice_flags, false},  {233, 1, x_epoll_ctl, true},
    {222, 0, x_clocks, true},         {229, 0, x_clocks, true},
};

const struct xlat *flag_table(long nr, int arg, bool *value)
{
	for (size_t i = 0; i < sizeof flag_args / sizeof flag_args[0]; i++) {
		if (flag_args[i].nr == nr && flag_args[i].arg == arg) {
			*value = flag_args[i].value;
			return flag_args[i].x;
		}
	}
	return NULL;
}

bool sys_decode_file(DEC)
{
	switch (nr) {
	case 0:
	case 17:
		d_read(c, nr, a, st);
		return true;
	case 2:
	case 257:
		d_open(c, nr, a, st);
		return true;
	case 4:
	case 5:
	case 6:
	case 262:
		d_stat(c, nr, a, st);
		return true;
	case 332:
		d_statx(c, nr, a, st);
		return true;
	case 137:
	case 138:
		d_statfs(c, nr, a, st);
		return true;
	case 13:
		d_rt_sigaction(c, nr, a, st);
		return true;
	case 14:
		d_rt_sigprocmask(c, nr, a, st);
		return true;
	case 15:
		d_rt_sigreturn(c, nr, a, st);
		return true;
	case 19:
	case 20:
	case 295:
	case 296:
	case 327:
	case 328:
		d_readv(c, nr, a, st);
		return true;
	case 22:
	case 293:
		d_pipe(c, nr, a, st);
		return true;
	case 292:
		d_dup3(c, nr, a, st);
		return true;
	case 35:
	case 230:
		d_nanosleep(c, nr, a, st);
		return true;
	case 61:
		d_wait4(c, nr, a, st);
		return true;
	case 247:
		d_waitid(c, nr, a, st);
		return true;
	case 59:
	case 322:
		d_execve(c, nr, a, st);
		return true;
	case 63:
		d_out_struct(c, nr, a, st, 0, p_utsname);
		return true;
	case 99:
		d_out_struct(c, nr, a, st, 0, p_sysinfo);
		return true;
	case 100:
		d_out_struct(c, nr, a, st, 0, p_tms);
		return true;
	case 72:
		d_fcntl(c, nr, a, st);
		return true;
	case 78:
	case 217:
		d_getdents(c, nr, a, st);
		return true;
	case 79:
		d_getcwd(c, nr, a, st);
		return true;
	case 97:
	case 160:
	case 302:
		d_rlimit(c, nr, a, st);
		return true;
	case 96:
		d_gettimeofday(c, nr, a, st);
		return true;
	case 227:
	case 228:
	case 229:
		d_clock(c, nr, a, st);
		return true;
	case 118:
	case 120:
		d_getresuid(c, nr, a, st);
		return true;
	case 115:
	case 116:
		d_getgroups(c, nr, a, st);
		return true;
	case 131:
		d_sigaltstack(c, nr, a, st);
		return true;
	case 203:
	case 204:
		d_sched_affinity(c, nr, a, st);
		return true;
	case 318:
		d_getrandom(c, nr, a, st);
		return true;
	}
	return false;
}
