/* format.c: the dispatcher: entry and exit halves of a call line. The
 * syscall table names each call's decoder (systable_data.h, its decoder
 * column); calls without one go through the generic per-kind decoder here. */
#include <inttypes.h>
#include <string.h>
#include <sys/syscall.h>
#include "decode.h"
#include "revel/systable.h"

/* The decoder and result-kind columns of the syscall table, by number.
 * Column `none` is the generic decoder; `open` is d_open (decode.h). */
#define d_none NULL
#define SYSCALL(num, nm, cls, dec, rk, ...) [num] = {d_##dec, RK_##rk},
static const struct {
	decoder_fn decode;
	enum result_kind result;
} columns[] = {
#include "systable_data.h"
};
#undef SYSCALL
#undef d_none

#define NCOLUMNS ((long)(sizeof columns / sizeof columns[0]))

decoder_fn syscall_decoder(long nr)
{
	return nr >= 0 && nr < NCOLUMNS ? columns[nr].decode : NULL;
}

enum result_kind syscall_result_kind(long nr)
{
	return nr >= 0 && nr < NCOLUMNS ? columns[nr].result : RK_DECIMAL;
}

/* Flag arguments with a table, the rest by kind: one line per syscall. */
static const struct {
	short nr, arg;
	const struct xlat *x;
	bool value; /* a value, not flags */
} flag_args[] = {
    {__NR_mremap, 3, x_mremap_flags, false},
    {__NR_msync, 2, x_msync_flags, false},
    {__NR_madvise, 2, x_madvise, true},
    {__NR_flock, 1, x_lock_ops, false},
    {__NR_mlockall, 0, x_mlockall, false},
    {__NR_fadvise64, 3, x_fadvise, true},
    {__NR_umount2, 1, x_umount_flags, false},
    {__NR_shutdown, 1, x_shutdown, true},
    {__NR_timerfd_create, 0, x_clocks, true},
    {__NR_timerfd_create, 1, x_tfd_flags, false},
    {__NR_timerfd_settime, 1, x_tfd_set_flags, false},
    {__NR_eventfd2, 1, x_eventfd_flags, false},
    {__NR_epoll_create1, 0, x_epoll_flags, false},
    {__NR_inotify_init1, 0, x_inotify_flags, false},
    {__NR_inotify_add_watch, 2, x_inotify_mask, false},
    {__NR_memfd_create, 1, x_memfd_flags, false},
    {__NR_close_range, 2, x_close_range, false},
    {__NR_renameat2, 4, x_rename_flags, false},
    {__NR_fallocate, 1, x_falloc, false},
    {__NR_setxattr, 4, x_xattr_flags, false},
    {__NR_lsetxattr, 4, x_xattr_flags, false},
    {__NR_fsetxattr, 4, x_xattr_flags, false},
    {__NR_mount, 3, x_mount_flags, false},
    {__NR_signalfd4, 3, x_sfd_flags, false},
    {__NR_getrusage, 0, x_rusage_who, true},
    {__NR_getitimer, 0, x_itimer, true},
    {__NR_setitimer, 0, x_itimer, true},
    {__NR_getpriority, 0, x_priority_which, true},
    {__NR_setpriority, 0, x_priority_which, true},
    {__NR_sched_setscheduler, 1, x_sched_policy, true},
    {__NR_sched_get_priority_max, 0, x_sched_policy, true},
    {__NR_sched_get_priority_min, 0, x_sched_policy, true},
    {__NR_membarrier, 0, x_membarrier, true},
    {__NR_pkey_alloc, 1, x_pkey_access, false},
    {__NR_rseq, 2, x_rseq_flags, false},
    {__NR_ptrace, 0, x_ptrace_req, true},
    {__NR_splice, 5, x_splice_flags, false},
    {__NR_tee, 3, x_splice_flags, false},
    {__NR_vmsplice, 3, x_splice_flags, false},
    {__NR_epoll_ctl, 1, x_epoll_ctl, true},
    {__NR_timer_create, 0, x_clocks, true},
    {__NR_clock_getres, 0, x_clocks, true},
    {__NR_faccessat2, 3, x_faccessat_flags, false},
};

/* A flag or value table for argument arg of nr, if it has one. */
static const struct xlat *flag_table(long nr, int arg, bool *value)
{
	for (size_t i = 0; i < sizeof flag_args / sizeof flag_args[0]; i++) {
		if (flag_args[i].nr == nr && flag_args[i].arg == arg) {
			*value = flag_args[i].value;
			return flag_args[i].x;
		}
	}
	return NULL;
}

/* The pid arguments that are a thread's or a process group's (strace's
 * PT_TID, PT_PGID); the others are a process's. */
static const struct {
	long nr;
	int arg;
	enum pid_kind kind;
} pid_args[] = {
    {__NR_ptrace, 1, PID_TID},
    {__NR_setpgid, 1, PID_PGID},
    {__NR_tkill, 0, PID_TID},
    {__NR_tgkill, 1, PID_TID},
    {__NR_rt_tgsigqueueinfo, 1, PID_TID},
    {__NR_sched_setscheduler, 0, PID_TID},
    {__NR_sched_getscheduler, 0, PID_TID},
    {__NR_sched_rr_get_interval, 0, PID_TID},
    {__NR_sched_setaffinity, 0, PID_TID},
    {__NR_sched_getaffinity, 0, PID_TID},
    {__NR_sched_setattr, 0, PID_TID},
    {__NR_sched_getattr, 0, PID_TID},
};

enum { PID_OR_PGID = PID_SID + 1 }; /* kill's: p_pid_or_pgid */

/* Argument i of nr as a pid, when it is one: its kind, else -1. getpriority's
 * "who" is a pid or a group by "which" (PRIO_PROCESS, PRIO_PGRP). */
static int pid_arg(long nr, int i, int kind, const int64_t a[6])
{
	if (i == 1 && (nr == __NR_getpriority || nr == __NR_setpriority))
		return a[0] == 0 ? PID_TGID : a[0] == 1 ? PID_PGID : -1;
	if (kind != REVEL_ARG_PID)
		return -1;
	if (nr == __NR_kill)
		return PID_OR_PGID;
	for (size_t k = 0; k < sizeof pid_args / sizeof pid_args[0]; k++)
		if (pid_args[k].nr == nr && pid_args[k].arg == i)
			return pid_args[k].kind;
	return PID_TGID;
}

/* The call's own decoder, if the table names one. */
static bool sys_decode(DEC)
{
	decoder_fn d = syscall_decoder(nr);
	if (!d)
		return false;
	/* A decoder that printed everything on entry has nothing left. */
	if (!(c->exiting && st->printed >= REVEL_FMT_MAXARGS))
		d(c, nr, a, st);
	return true;
}

/* Is argument i of this call filled by the kernel (decoded on exit)? */
static bool is_output(long nr, int kind)
{
	(void)nr;
	return kind == REVEL_ARG_BUF_OUT;
}

/* The generic decoder of one argument by its kind. STRUCT pointers that no
 * per-syscall decoder took print as addresses. */
static void p_kind(struct fc *c, int kind, int64_t v)
{
	struct fo *o = c->o;
	switch (kind) {
	case REVEL_ARG_INT:
		fo_dec(o, (int)v);
		break;
	case REVEL_ARG_PID:
		p_pid(c, (int)v, PID_TGID);
		break;
	case REVEL_ARG_UINT:
		fo_udec(o, (unsigned)v);
		break;
	case REVEL_ARG_UID:
	case REVEL_ARG_GID:
		if ((uint32_t)v == UINT32_MAX)
			fo_puts(o, "-1");
		else
			fo_udec(o, (unsigned)v);
		break;
	case REVEL_ARG_HEX:
		fo_hex(o, (uint64_t)v);
		break;
	case REVEL_ARG_SIZE:
		fo_udec(o, (uint64_t)v);
		break;
	case REVEL_ARG_OFF:
		fo_dec(o, v);
		break;
	case REVEL_ARG_FD:
		p_fd(c, (int)v);
		break;
	case REVEL_ARG_DIRFD:
		p_dirfd(c, (int)v);
		break;
	case REVEL_ARG_PATH:
		p_path(c, (uint64_t)v);
		break;
	case REVEL_ARG_STR:
		p_str(c, (uint64_t)v);
		break;
	case REVEL_ARG_MODE:
		p_umode(c, (uint64_t)v & 0xffffffffu);
		break;
	case REVEL_ARG_OPEN_FLAGS: {
		uint64_t fl = (uint64_t)v & 0xffffffffu;
		int how = xs_begin(c, fl, 'x');
		if (how == XS_SKIP)
			break;
		p_xval(c, x_open_access, fl & 3, NULL);
		if (fl & ~3ull) {
			fo_putc(o, '|');
			p_flags(c, x_open_flags, fl & ~3ull, NULL);
		}
		xs_end(c, how);
		break;
	}
	case REVEL_ARG_AT_FLAGS:
		p_flags(c, x_at_flags, (uint64_t)v & 0xffffffffu, NULL);
		break;
	case REVEL_ARG_MMAP_PROT: {
		int how = xs_begin(c, (uint64_t)v & 0xffffffffu, 'x');
		if (how == XS_SKIP)
			break;
		if (((uint64_t)v & 0xffffffffu) == 0)
			fo_puts(o, "PROT_NONE");
		else
			p_flags(c, x_mmap_prot, (uint64_t)v & 0xffffffffu, "PROT_???");
		xs_end(c, how);
		break;
	}
	case REVEL_ARG_MMAP_FLAGS: {
		uint64_t fl = (uint64_t)v & 0xffffffffu;
		int how = xs_begin(c, fl, 'x');
		if (how == XS_SKIP)
			break;
		p_xval(c, x_mmap_type, fl & 0xf, NULL);
		if (fl & ~0xfull) {
			fo_putc(o, '|');
			p_flags(c, x_mmap_flags, fl & ~0xfull, NULL);
		}
		xs_end(c, how);
		break;
	}
	case REVEL_ARG_CLONE_FLAGS:
		p_flags(c, x_clone_flags, (uint64_t)v, "CLONE_???");
		break;
	case REVEL_ARG_SIGNAL:
		p_signame(c, (int)v);
		break;
	case REVEL_ARG_SIGSET:
		p_sigset_addr(c, (uint64_t)v, 8);
		break;
	case REVEL_ARG_SIGACTION:
		p_sigaction(c, (uint64_t)v);
		break;
	case REVEL_ARG_FCNTL_CMD:
		p_xval(c, x_fcntl_cmds, (uint64_t)(unsigned)v, "F_???");
		break;
	case REVEL_ARG_IOCTL_REQ:
		p_xval(c, x_ioctls, (uint64_t)(unsigned)v, NULL);
		break;
	case REVEL_ARG_PRCTL_OP:
		p_xval(c, x_prctl, (uint64_t)(unsigned)v, "PR_???");
		break;
	case REVEL_ARG_FUTEX_OP:
		p_xval(c, x_futex_ops, (uint64_t)(unsigned)v, "FUTEX_???");
		break;
	case REVEL_ARG_SOCK_FAMILY:
		p_xval(c, x_af, (uint64_t)(unsigned)v, "AF_???");
		break;
	case REVEL_ARG_SOCK_TYPE: {
		uint64_t t = (uint64_t)v & 0xffffffffu;
		int how = xs_begin(c, t, 'x');
		if (how == XS_SKIP)
			break;
		p_xval(c, x_sock_type, t & 0xf, "SOCK_???");
		if (t & ~0xfull) {
			fo_putc(o, '|');
			p_flags(c, x_sock_flags, t & ~0xfull, NULL);
		}
		xs_end(c, how);
		break;
	}
	case REVEL_ARG_WHENCE:
		p_xval(c, x_whence, (uint64_t)(unsigned)v, "SEEK_???");
		break;
	case REVEL_ARG_ACCESS_MODE: {
		int how = xs_begin(c, (uint64_t)v & 0xffffffffu, 'x');
		if (how == XS_SKIP)
			break;
		if (((uint64_t)v & 0xffffffffu) == 0)
			fo_puts(o, "F_OK");
		else
			p_flags(c, x_access, (uint64_t)v & 0xffffffffu, NULL);
		xs_end(c, how);
		break;
	}
	case REVEL_ARG_BUF_IN:
	case REVEL_ARG_BUF_OUT:
	case REVEL_ARG_PTR:
	case REVEL_ARG_STRUCT:
	case REVEL_ARG_SOCKADDR:
	case REVEL_ARG_ARGV:
	case REVEL_ARG_ENVP:
	default:
		p_addr(c, (uint64_t)v);
		break;
	}
}

/* The generic path: arguments in order; input ones on entry; from the
 * first output one on, on exit. BUF_IN takes its length from the next arg;
 * BUF_OUT shows result bytes when the call succeeded. */
static void generic(struct fc *c, const struct revel_syscall_info *info, const int64_t a[6],
                    struct revel_fmt_state *st)
{
	int from = c->exiting ? st->printed : 0;
	for (int i = from; i < info->nargs; i++) {
		int kind = info->arg_kinds[i];
		if (!c->exiting && is_output(info->nr, kind)) {
			st->printed = i;
			if (i > 0)
				fo_puts(c->o, ", ");
			return;
		}
		arg_begin(c, st, i);
		bool value;
		const struct xlat *x = flag_table(info->nr, i, &value);
		int pk = pid_arg(info->nr, i, kind, a);
		if (pk == PID_OR_PGID)
			p_pid_or_pgid(c, (int)a[i]);
		else if (pk >= 0)
			p_pid(c, (int)a[i], (enum pid_kind)pk);
		else if (x && value)
			p_xval(c, x, (uint64_t)(int64_t)(int32_t)a[i], NULL);
		else if (x)
			p_flags(c, x, (uint64_t)a[i] & 0xffffffffu, NULL);
		else if (kind == REVEL_ARG_BUF_IN && i + 1 < 6)
			p_buf(c, (uint64_t)a[i], (uint64_t)a[i + 1], false);
		else if (kind == REVEL_ARG_BUF_OUT && c->exiting && c->result >= 0)
			p_buf(c, (uint64_t)a[i], (uint64_t)c->result, false);
		else
			p_kind(c, kind, a[i]);
		arg_end(c, st, i);
	}
	if (!c->exiting)
		st->printed = info->nargs;
}

static void name_open(struct fc *c, long nr)
{
	const struct revel_syscall_info *info = revel_syscall_by_nr(nr);
	if (info)
		fo_puts(c->o, info->name);
	else
		fo_printf(c->o, "syscall_%#lx", (unsigned long)nr);
	fo_putc(c->o, '(');
}

/* The calls whose buffers may hold netlink messages (p_netlink). */
static void sock_of(struct fc *c, long nr, const int64_t args[6])
{
	c->sock =
	    nr == __NR_sendto || nr == __NR_recvfrom || nr == __NR_sendmsg || nr == __NR_recvmsg;
	c->sockfd = (int)args[0];
}

int revel_format_enter(const struct revel_fmt *f, long nr, const int64_t args[6],
                       struct revel_fmt_state *st, char *out, size_t len)
{
	struct fo o;
	struct fc c = {.f = f, .o = &o, .exiting = false, .nr = nr};
	sock_of(&c, nr, args);
	fo_init(&o, out, len);
	memset(st, 0, sizeof *st);
	for (int i = 0; i < REVEL_FMT_MAXARGS; i++)
		st->span_beg[i] = st->span_end[i] = -1;
	name_open(&c, nr);
	const struct revel_syscall_info *info = revel_syscall_by_nr(nr);
	if (info && (fc_style(f, nr) & REVEL_STYLE_RAW)) {
		/* -e raw=: every argument in hex, all on entry, as strace. */
		for (int i = 0; i < info->nargs; i++) {
			arg_begin(&c, st, i);
			fo_hex(&o, (uint64_t)args[i]);
			arg_end(&c, st, i);
		}
		st->printed = REVEL_FMT_MAXARGS;
	} else if (!info) {
		/* strace shows an unknown call with its 6 raw arguments. */
		for (int i = 0; i < 6; i++) {
			arg_begin(&c, st, i);
			fo_printf(&o, "%#" PRIx64, (uint64_t)args[i]);
			arg_end(&c, st, i);
		}
		st->printed = 6;
	} else if (!sys_decode(&c, nr, args, st)) {
		generic(&c, info, args, st);
	}
	int n = fo_done(&o);
	st->enter_len = n;
	return n;
}

int revel_format_exit(const struct revel_fmt *f, long nr, const int64_t args[6],
                      struct revel_fmt_state *st, int64_t result, char *out, size_t len)
{
	struct fo o;
	struct fc c = {.f = f, .o = &o, .exiting = true, .result = result, .nr = nr};
	sock_of(&c, nr, args);
	fo_init(&o, out, len);
	const struct revel_syscall_info *info = revel_syscall_by_nr(nr);
	if (info && !(fc_style(f, nr) & REVEL_STYLE_RAW) && !sys_decode(&c, nr, args, st))
		generic(&c, info, args, st);
	fo_putc(&o, ')');
	return fo_done(&o);
}
