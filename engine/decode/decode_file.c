/* decode_file.c: decoders of file and descriptor calls: read and pread,
 * open and openat, the stat family, readv/writev and their p/p2 forms, pipe,
 * dup3, fcntl, getdents, getcwd, mknod, utimensat, openat2, and the copies
 * (sendfile, splice, copy_file_range). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>
#include <sys/syscall.h>
#include "decode.h"

#ifndef F_GETOWNER_UIDS
#define F_GETOWNER_UIDS 17 /* the kernel's (asm-generic/fcntl.h); glibc lacks it */
#endif

/* read(fd, buf, count [, offset]): the buffer holds result bytes on exit. */
void d_read(DEC)
{
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		split_at(c, st, 1);
		return;
	}
	ARG(1, if (c->result >= 0) p_buf(c, U(1), (uint64_t)c->result, false);
	    else p_addr(c, U(1)));
	ARG(2, fo_printf(c->o, "%" PRIu64, U(2)));
	if (nr == __NR_pread64)
		ARG(3, fo_printf(c->o, "%" PRId64, a[3]));
}

static void p_open_flags(struct fc *c, uint64_t fl)
{
	fl &= 0xffffffffu;
	int how = xs_begin(c, fl, 'x');
	if (how == XS_SKIP)
		return;
	p_xval(c, x_open_access, fl & 3, NULL);
	if (fl & ~3ull) {
		fo_putc(c->o, '|');
		p_flags(c, x_open_flags, fl & ~3ull, NULL);
	}
	xs_end(c, how);
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
void d_open(DEC)
{
	int o = nr == __NR_openat ? 1 : 0;
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

void d_openat2(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_dirfd(c, (int)a[0]));
	ARG(1, p_path(c, U(1)));
	ARG(2, p_open_how(c, U(2), U(3)));
	ARG(3, fo_printf(c->o, "%" PRIu64, U(3)));
	st->printed = REVEL_FMT_MAXARGS;
}

/* stat family: the struct on exit. */
void d_stat(DEC)
{
	if (!c->exiting) {
		if (nr == __NR_newfstatat) {
			ARG(0, p_dirfd(c, (int)a[0]));
			ARG(1, p_path(c, U(1)));
			split_at(c, st, 2);
		} else {
			if (nr == __NR_fstat)
				ARG(0, p_fd(c, (int)a[0]));
			else
				ARG(0, p_path(c, U(0)));
			split_at(c, st, 1);
		}
		return;
	}
	int i = nr == __NR_newfstatat ? 2 : 1;
	ARG(i, if (c->result == 0) p_stat(c, U(i)); else p_addr(c, U(i)));
	if (nr == __NR_newfstatat)
		ARG(3, p_flags(c, x_at_flags, U(3) & 0xffffffffu, NULL));
}

void d_statx(DEC)
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

void d_statfs(DEC)
{
	if (!c->exiting) {
		if (nr == __NR_fstatfs)
			ARG(0, p_fd(c, (int)a[0]));
		else
			ARG(0, p_path(c, U(0)));
		split_at(c, st, 1);
		return;
	}
	ARG(1, if (c->result == 0) p_statfs(c, U(1)); else p_addr(c, U(1)));
}

void d_readv(DEC)
{
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		if (nr == __NR_writev || nr == __NR_pwritev || nr == __NR_pwritev2) {
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
	if (nr >= __NR_preadv) { /* the p and p2 forms: offset, flags */
		ARG(3, fo_printf(c->o, "%" PRId64, a[3]));
		if (nr >= __NR_preadv2)
			ARG(5, p_flags(c, x_preadv2_flags, U(5) & 0xffffffffu, NULL));
	}
	st->printed = REVEL_FMT_MAXARGS;
}

void d_pipe(DEC)
{
	if (!c->exiting) {
		split_at(c, st, 0);
		return;
	}
	ARG(0, if (c->result == 0) p_fd_pair(c, U(0)); else p_addr(c, U(0)));
	if (nr == __NR_pipe2)
		ARG(1, p_flags(c, x_open_flags, U(1) & 0xffffffffu, NULL));
}

void d_dup3(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_fd(c, (int)a[0]));
	ARG(1, p_fd(c, (int)a[1]));
	ARG(2, p_flags(c, x_open_flags, U(2) & 0xffffffffu, NULL));
	st->printed = REVEL_FMT_MAXARGS;
}

/* F_GETOWN_EX, F_SETOWN_EX: {type=F_OWNER_PID, pid=1234}. */
static void p_owner_ex(struct fc *c, uint64_t addr)
{
	static const struct xlat types[] = {{F_OWNER_TID, "F_OWNER_TID"},
	                                    {F_OWNER_PID, "F_OWNER_PID"},
	                                    {F_OWNER_PGRP, "F_OWNER_PGRP"},
	                                    {0, NULL}};
	struct f_owner_ex o;
	FETCH_OR_ADDR(c, addr, o);
	fo_puts(c->o, "{type=");
	p_xval(c, types, (uint32_t)o.type, "F_OWNER_???");
	fo_puts(c->o, ", pid=");
	p_pid(c, o.pid,
	      o.type == F_OWNER_TID    ? PID_TID
	      : o.type == F_OWNER_PGRP ? PID_PGID
	                               : PID_TGID);
	fo_putc(c->o, '}');
}

void d_fcntl(DEC)
{
	unsigned cmd = (unsigned)a[1];
	if (cmd == F_GETOWN_EX) { /* the owner on exit */
		if (c->exiting) {
			ARG(2, if (c->result < 0) p_addr(c, U(2)); else p_owner_ex(c, U(2)));
			return;
		}
		ARG(0, p_fd(c, (int)a[0]));
		ARG(1, p_xval(c, x_fcntl_cmds, cmd, "F_???"));
		split_at(c, st, 2);
		return;
	}
	if (cmd == F_GETLK || cmd == F_OFD_GETLK) { /* the lock on exit, with its l_pid */
		if (c->exiting) {
			ARG(2, if (c->result < 0) p_addr(c, U(2)); else p_flock(c, U(2)));
			return;
		}
		ARG(0, p_fd(c, (int)a[0]));
		ARG(1, p_xval(c, x_fcntl_cmds, cmd, "F_???"));
		split_at(c, st, 2);
		return;
	}
	if (c->exiting)
		return;
	ARG(0, p_fd(c, (int)a[0]));
	ARG(1, p_xval(c, x_fcntl_cmds, cmd, "F_???"));
	switch (cmd) {
	case F_GETFD:
	case F_GETFL:
	case F_GETOWN:
	case F_GETSIG:
	case F_GETLEASE:
	case F_GETPIPE_SZ:
	case F_GET_SEALS:
	case F_GETOWNER_UIDS:
		break;
	case F_SETFD:
		ARG(2, p_flags(c, x_fd_flags, U(2), NULL));
		break;
	case F_SETFL:
		ARG(2, p_open_flags(c, U(2)));
		break;
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		ARG(2, p_flock(c, U(2)));
		break;
	case F_SETSIG:
		ARG(2, p_signame(c, (int)a[2]));
		break;
	case F_SETOWN: /* a process, or minus a group */
		ARG(2, p_pid_or_pgid(c, (int)a[2]));
		break;
	case F_SETOWN_EX:
		ARG(2, p_owner_ex(c, U(2)));
		break;
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_SETPIPE_SZ:
	case F_SETLEASE:
		ARG(2, fo_printf(c->o, "%d", (int)a[2]));
		break;
	default:
		ARG(2, fo_printf(c->o, "%#" PRIx64, U(2)));
		break;
	}
	st->printed = REVEL_FMT_MAXARGS;
}

void d_getdents(DEC)
{
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		split_at(c, st, 1);
		return;
	}
	ARG(1, p_dirents(c, U(1), c->result, nr == __NR_getdents64));
	ARG(2, fo_printf(c->o, "%u", (unsigned)a[2]));
}

void d_getcwd(DEC)
{
	if (!c->exiting) {
		split_at(c, st, 0);
		return;
	}
	ARG(0, if (c->result >= 0) p_path(c, U(0)); else p_addr(c, U(0)));
	ARG(1, fo_printf(c->o, "%" PRIu64, U(1)));
}

void d_mknod(DEC)
{
	int o = nr == __NR_mknodat ? 1 : 0;
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

void d_utimensat(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_dirfd(c, (int)a[0]));
	ARG(1, p_path(c, U(1)));
	ARG(2, if (U(2)) p_timespec_pair(c, U(2)); else fo_puts(c->o, "NULL"));
	ARG(3, p_flags(c, x_at_flags, U(3) & 0xffffffffu, NULL));
	st->printed = REVEL_FMT_MAXARGS;
}

/* utime, utimes, futimesat: the times with their dates. */
void d_utimes(DEC)
{
	if (c->exiting)
		return;
	int o = nr == __NR_futimesat;
	if (o)
		ARG(0, p_dirfd(c, (int)a[0]));
	ARG(o, p_path(c, U(o)));
	ARG(o + 1, if (!U(o + 1)) fo_puts(c->o, "NULL");
	    else if (nr == __NR_utime) p_utimbuf(c, U(o + 1)); else p_timeval_pair(c, U(o + 1)));
	st->printed = REVEL_FMT_MAXARGS;
}

/* sendfile, copy_file_range, splice: offsets by pointer, [N] or NULL. */
void p_off_ptr(struct fc *c, uint64_t addr)
{
	int64_t v;
	if (addr && fc_fetch(c, addr, &v, sizeof v))
		fo_printf(c->o, "[%" PRId64 "]", v);
	else
		p_addr(c, addr);
}

void d_copy(DEC)
{
	if (c->exiting)
		return;
	if (nr == __NR_sendfile) {
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
		ARG(5, if (nr == __NR_splice) p_flags(c, x_splice_flags, U(5) & 0xffffffffu, NULL);
		    else fo_printf(c->o, "%u", (unsigned)a[5]));
	}
	st->printed = REVEL_FMT_MAXARGS;
}
