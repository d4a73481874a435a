/* decode_process.c: decoders of process calls: clone and clone3, execve and
 * execveat, wait4 and waitid, resource limits, ids and groups, CPU affinity,
 * prctl and arch_prctl, futex, rseq, getrandom, and the calls that fill one
 * struct (uname, sysinfo, times). */
#include <inttypes.h>
#include <linux/futex.h>
#include <sys/prctl.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "decode.h"

/* clone(flags, stack, parent_tid, child_tid, tls) as strace names them. */
void d_clone(DEC)
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
		if (c->result > 0 && (fl & 0x100000))
			p_tid_ptr(c, U(2));
		else if (c->result > 0)
			p_int_ptr(c, U(2));
		else
			p_addr(c, U(2));
	}
}

void d_clone3(DEC)
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

/* execve: argv in full (each string -s bounded), envp as a count. */
static void p_argv(struct fc *c, uint64_t addr, bool count_only)
{
	if (!addr) {
		fo_puts(c->o, "NULL");
		return;
	}
	uint64_t p;
	if (!fc_verbose(c) || !fc_fetch(c, addr, &p, sizeof p)) {
		p_addr(c, addr);
		return;
	}
	/* -v: every element, the environment too, as strace. */
	int max = !fc_abbrev(c) ? 65536 : c->f->string_limit < 0 ? 32 : c->f->string_limit;
	int n = 0;
	if (count_only && fc_abbrev(c)) {
		while (n < 65536 && fc_fetch(c, addr + 8 * (uint64_t)n, &p, sizeof p) && p)
			n++;
		p_addr(c, addr);
		fo_printf(c->o, " /* %d var%s */", n, n == 1 ? "" : "s");
		return;
	}
	fo_putc(c->o, '[');
	for (; n < 65536; n++) {
		if (!fc_fetch(c, addr + 8 * (uint64_t)n, &p, sizeof p)) {
			/* No terminating NULL before unreadable memory: as strace. */
			fo_printf(c->o, "%s... /* %#" PRIx64 " */", n ? ", " : "",
			          addr + 8 * (uint64_t)n);
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

void d_execve(DEC)
{
	int o = nr == __NR_execveat ? 1 : 0;
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

void d_wait4(DEC)
{
	if (!c->exiting) {
		ARG(0, p_pid_or_pgid(c, (int)a[0]));
		split_at(c, st, 1);
		return;
	}
	ARG(1, if (c->result > 0 && U(1)) p_wait_status(c, U(1)); else p_addr(c, U(1)));
	ARG(2, p_flags(c, x_wait_opts, U(2) & 0xffffffffu, NULL));
	ARG(3, if (c->result > 0 && U(3)) p_rusage(c, U(3)); else p_addr(c, U(3)));
}

void d_waitid(DEC)
{
	if (!c->exiting) {
		ARG(0, p_xval(c, x_waitid_which, U(0) & 0xffffffffu, "P_???"));
		if (U(0) == P_PID || U(0) == P_PGID)
			ARG(1, p_pid(c, (int)a[1], U(0) == P_PID ? PID_TGID : PID_PGID));
		else if (U(0) == 3) /* P_PIDFD */
			ARG(1, p_fd(c, (int)a[1]));
		else
			ARG(1, fo_printf(c->o, "%d", (int)a[1]));
		split_at(c, st, 2);
		return;
	}
	ARG(2, if (c->result == 0 && U(2)) p_siginfo_addr(c, U(2)); else p_addr(c, U(2)));
	ARG(3, p_flags(c, x_wait_opts, U(3) & 0xffffffffu, NULL));
	ARG(4, if (c->result == 0 && U(4)) p_rusage(c, U(4)); else p_addr(c, U(4)));
}

void d_out_struct(DEC, int i, void (*pr)(struct fc *, uint64_t))
{
	if (!c->exiting) {
		split_at(c, st, i);
		return;
	}
	ARG(i, if (c->result >= 0) pr(c, U(i)); else p_addr(c, U(i)));
}

void d_rlimit(DEC)
{
	if (nr == __NR_prlimit64) { /* prlimit64 */
		if (!c->exiting) {
			ARG(0, p_pid(c, (int)a[0], PID_TGID));
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
		if (nr == __NR_setrlimit) {
			ARG(1, p_rlimit(c, U(1)));
			st->printed = REVEL_FMT_MAXARGS;
		} else {
			split_at(c, st, 1);
		}
		return;
	}
	if (nr == __NR_getrlimit)
		ARG(1, if (c->result == 0) p_rlimit(c, U(1)); else p_addr(c, U(1)));
}

void d_getresuid(DEC)
{
	if (!c->exiting) {
		split_at(c, st, 0);
		return;
	}
	for (int i = 0; i < 3; i++)
		ARG(i, if (c->result == 0) p_int_array(c, U(i), 1); else p_addr(c, U(i)));
}

void d_getgroups(DEC)
{
	if (!c->exiting) {
		ARG(0, p_pid(c, (int)a[0], PID_TID));
		if (nr == __NR_setgroups) {
			ARG(1, p_addr(c, U(1)));
			st->printed = REVEL_FMT_MAXARGS;
		} else {
			split_at(c, st, 1);
		}
		return;
	}
	if (nr == __NR_getgroups) {
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

void d_sched_affinity(DEC)
{
	if (!c->exiting) {
		ARG(0, p_pid(c, (int)a[0], PID_TID));
		ARG(1, fo_printf(c->o, "%" PRIu64, U(1)));
		if (nr == __NR_sched_setaffinity) {
			ARG(2, p_cpuset(c, U(2), (int64_t)U(1)));
			st->printed = REVEL_FMT_MAXARGS;
		} else {
			split_at(c, st, 2);
		}
		return;
	}
	if (nr == __NR_sched_getaffinity)
		ARG(2, if (c->result > 0) p_cpuset(c, U(2), c->result); else p_addr(c, U(2)));
}

void d_prctl(DEC)
{
	unsigned op = (unsigned)a[0];
	if (!c->exiting) {
		ARG(0, p_xval(c, x_prctl, op, "PR_???"));
		switch (op) {
		case PR_SET_NAME:
			ARG(1, p_cstring(c, U(1), 15));
			break;
		case PR_GET_NAME:
		case PR_GET_PDEATHSIG:
			split_at(c, st, 1);
			return;
		case PR_SET_PDEATHSIG:
			ARG(1, p_signame(c, (int)a[1]));
			break;
		case PR_GET_DUMPABLE:
		case PR_GET_UNALIGN:
		case PR_GET_KEEPCAPS:
		case PR_GET_FPEMU:
		case PR_GET_FPEXC:
		case PR_GET_TIMING:
		case PR_GET_ENDIAN:
		case PR_GET_SECCOMP:
		case PR_GET_TSC:
		case PR_GET_SECUREBITS:
		case PR_GET_TIMERSLACK:
		case PR_MCE_KILL_GET:
		case PR_GET_CHILD_SUBREAPER:
		case PR_GET_NO_NEW_PRIVS:
		case PR_GET_THP_DISABLE:
		case PR_GET_FP_MODE:
		case PR_GET_TAGGED_ADDR_CTRL:
		case PR_GET_IO_FLUSHER:
			break;
		case PR_CAPBSET_READ:
		case PR_CAPBSET_DROP:
			ARG(1, p_xval(c, x_caps, U(1), "CAP_???"));
			break;
		case PR_SET_NO_NEW_PRIVS:
		case PR_SET_DUMPABLE:
		case PR_SET_KEEPCAPS:
		case PR_SET_CHILD_SUBREAPER:
		case PR_SET_THP_DISABLE:
			ARG(1, fo_printf(c->o, "%" PRIu64, U(1)));
			if (op == PR_SET_NO_NEW_PRIVS || op == PR_SET_THP_DISABLE)
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

void d_arch_prctl(DEC)
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

static void p_futex_op(struct fc *c, unsigned op)
{
	int how = xs_begin(c, op, 'x');
	if (how == XS_SKIP)
		return;
	unsigned cmd = op & 127;
	const char *n = xlat_name(x_futex_ops, cmd);
	if (n)
		fo_puts(c->o, n);
	else
		fo_printf(c->o, "%#x", cmd);
	if (op & FUTEX_PRIVATE_FLAG)
		fo_puts(c->o, "_PRIVATE");
	if (op & FUTEX_CLOCK_REALTIME)
		fo_puts(c->o, "|FUTEX_CLOCK_REALTIME");
	if (op & ~(127u | FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
		fo_printf(c->o, "|%#x", op & ~(127u | FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME));
	xs_end(c, how);
}

static const struct xlat bitset_any[] = {{0xffffffffu, "FUTEX_BITSET_MATCH_ANY"}, {0, NULL}};

void d_futex(DEC)
{
	if (c->exiting)
		return;
	unsigned op = (unsigned)a[1], cmd = op & 127;
	ARG(0, p_addr(c, U(0)));
	ARG(1, p_futex_op(c, op));
	switch (cmd) {
	case FUTEX_WAIT:
		ARG(2, fo_printf(c->o, "%u", (unsigned)a[2]));
		ARG(3, p_timespec(c, U(3)));
		break;
	case FUTEX_WAIT_BITSET:
		ARG(2, fo_printf(c->o, "%u", (unsigned)a[2]));
		ARG(3, p_timespec(c, U(3)));
		ARG(5, p_xval(c, bitset_any, (uint32_t)a[5], NULL));
		break;
	case FUTEX_WAKE:
		ARG(2, fo_printf(c->o, "%d", (int)a[2]));
		break;
	case FUTEX_WAKE_BITSET:
		ARG(2, fo_printf(c->o, "%d", (int)a[2]));
		ARG(5, p_xval(c, bitset_any, (uint32_t)a[5], NULL));
		break;
	case FUTEX_REQUEUE:
		ARG(2, fo_printf(c->o, "%d", (int)a[2]));
		ARG(3, fo_printf(c->o, "%u", (unsigned)a[3]));
		ARG(4, p_addr(c, U(4)));
		break;
	case FUTEX_CMP_REQUEUE:
	case FUTEX_CMP_REQUEUE_PI:
		ARG(2, fo_printf(c->o, "%d", (int)a[2]));
		ARG(3, fo_printf(c->o, "%u", (unsigned)a[3]));
		ARG(4, p_addr(c, U(4)));
		ARG(5, fo_printf(c->o, "%u", (unsigned)a[5]));
		break;
	case FUTEX_WAKE_OP:
		ARG(2, fo_printf(c->o, "%d", (int)a[2]));
		ARG(3, fo_printf(c->o, "%u", (unsigned)a[3]));
		ARG(4, p_addr(c, U(4)));
		ARG(5, fo_printf(c->o, "%#x", (unsigned)a[5]));
		break;
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
		ARG(3, p_timespec(c, U(3)));
		break;
	case FUTEX_UNLOCK_PI:
	case FUTEX_TRYLOCK_PI:
		break;
	case FUTEX_WAIT_REQUEUE_PI:
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

void d_rseq(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_addr(c, U(0)));
	ARG(1, fo_printf(c->o, "%#x", (unsigned)a[1]));
	ARG(2, p_flags(c, x_rseq_flags, U(2) & 0xffffffffu, NULL));
	ARG(3, fo_printf(c->o, "%#x", (unsigned)a[3]));
	st->printed = REVEL_FMT_MAXARGS;
}

void d_getrandom(DEC)
{
	if (!c->exiting) {
		split_at(c, st, 0);
		return;
	}
	ARG(0, if (c->result >= 0) p_buf(c, U(0), (uint64_t)c->result, true); else p_addr(c, U(0)));
	ARG(1, fo_printf(c->o, "%" PRIu64, U(1)));
	ARG(2, p_flags(c, x_grnd, U(2) & 0xffffffffu, NULL));
}

void d_uname(DEC)
{
	d_out_struct(c, nr, a, st, 0, p_utsname);
}

void d_sysinfo(DEC)
{
	d_out_struct(c, nr, a, st, 0, p_sysinfo);
}

void d_getrusage(DEC)
{
	if (!c->exiting)
		ARG(0, p_xval(c, x_rusage_who, (uint64_t)(int64_t)(int32_t)a[0], "RUSAGE_???"));
	d_out_struct(c, nr, a, st, 1, p_rusage);
}

void d_times(DEC)
{
	d_out_struct(c, nr, a, st, 0, p_tms);
}

/* sched_getparam, sched_setparam: the priority, [0]. */
void d_sched_param(DEC)
{
	if (!c->exiting) {
		ARG(0, p_pid(c, (int)a[0], PID_TID));
		if (nr == __NR_sched_setparam) {
			ARG(1, p_int_ptr(c, U(1)));
			st->printed = REVEL_FMT_MAXARGS;
		} else {
			split_at(c, st, 1);
		}
		return;
	}
	ARG(1, if (c->result < 0) p_addr(c, U(1)); else p_int_ptr(c, U(1)));
}

/* get_robust_list(pid, [head], [len]). */
void d_get_robust_list(DEC)
{
	if (!c->exiting) {
		ARG(0, p_pid(c, (int)a[0], PID_TID));
		split_at(c, st, 1);
		return;
	}
	uint64_t v;
	for (int i = 1; i <= 2; i++) {
		if (c->result < 0 || !fc_verbose(c) || !fc_fetch(c, U(i), &v, sizeof v))
			ARG(i, p_addr(c, U(i)));
		else if (i == 1)
			ARG(i, fo_putc(c->o, '['); p_addr(c, v); fo_putc(c->o, ']'));
		else
			ARG(i, fo_printf(c->o, "[%" PRIu64 "]", v));
	}
}

/* kcmp(pid1, pid2, type, idx1, idx2): the indices are fds of each process
 * for KCMP_FILE, absent for the kinds that compare whole resources. */
void d_kcmp(DEC)
{
	static const struct xlat types[] = {
	    {0, "KCMP_FILE"},    {1, "KCMP_VM"},        {2, "KCMP_FILES"},
	    {3, "KCMP_FS"},      {4, "KCMP_SIGHAND"},   {5, "KCMP_IO"},
	    {6, "KCMP_SYSVSEM"}, {7, "KCMP_EPOLL_TFD"}, {0, NULL}};
	if (c->exiting)
		return;
	ARG(0, p_pid(c, (int)a[0], PID_TGID));
	ARG(1, p_pid(c, (int)a[1], PID_TGID));
	ARG(2, p_xval(c, types, (uint32_t)a[2], "KCMP_???"));
	unsigned type = (unsigned)a[2];
	if (type == 0) {
		ARG(3, fo_dec(c->o, (int)a[3]));
		ARG(4, fo_dec(c->o, (int)a[4]));
	} else if (type > 7) {
		ARG(3, fo_hex(c->o, U(3)));
		ARG(4, fo_hex(c->o, U(4)));
	}
	st->printed = REVEL_FMT_MAXARGS;
}

/* IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4): an I/O priority as strace spells it. */
void p_ioprio(struct fc *c, unsigned v)
{
	static const struct xlat classes[] = {{0, "IOPRIO_CLASS_NONE"},
	                                      {1, "IOPRIO_CLASS_RT"},
	                                      {2, "IOPRIO_CLASS_BE"},
	                                      {3, "IOPRIO_CLASS_IDLE"},
	                                      {0, NULL}};
	fo_puts(c->o, "IOPRIO_PRIO_VALUE(");
	p_xval(c, classes, v >> 13, "IOPRIO_CLASS_???");
	fo_printf(c->o, ", %u)", v & 0x1fff);
}

/* ioprio_get(which, who), ioprio_set(which, who, ioprio): who a thread, a
 * process group or a user by which. */
void d_ioprio(DEC)
{
	static const struct xlat whos[] = {
	    {1, "IOPRIO_WHO_PROCESS"}, {2, "IOPRIO_WHO_PGRP"}, {3, "IOPRIO_WHO_USER"}, {0, NULL}};
	if (c->exiting)
		return;
	int which = (int)a[0];
	ARG(0, p_xval(c, whos, (uint32_t)which, "IOPRIO_WHO_???"));
	if (which == 1 || which == 2)
		ARG(1, p_pid(c, (int)a[1], which == 1 ? PID_TID : PID_PGID));
	else
		ARG(1, fo_dec(c->o, (int)a[1]));
	if (nr == __NR_ioprio_set)
		ARG(2, p_ioprio(c, (unsigned)a[2]));
	st->printed = REVEL_FMT_MAXARGS;
}
