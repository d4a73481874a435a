/* values.c: guarded guest reads and the value printers every decoder shares:
 * addresses, fds, strings, paths, buffers, modes, signals and sigsets, time
 * values; and the argument separators that record spans for --json. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "decode.h"
#include "revel/systable.h"

/* ---- guest memory ---- */

ssize_t fc_read(struct fc *c, uint64_t addr, void *buf, size_t n)
{
	const struct revel_fmt *f = c->f;
	if (!f->read || n == 0)
		return -EFAULT;
	ssize_t r = f->read(f->ctx, f->tid, addr, buf, n);
	if (r > (ssize_t)n) /* a reader that lies must not make us read past buf */
		r = (ssize_t)n;
	return r;
}

bool fc_fetch(struct fc *c, uint64_t addr, void *buf, size_t n)
{
	if (!addr)
		return false;
	return fc_read(c, addr, buf, n) == (ssize_t)n;
}

/* ---- values ---- */

static void p_mode_names(struct fc *c, unsigned mode);

void p_addr(struct fc *c, uint64_t v)
{
	if (v)
		fo_hex(c->o, v);
	else
		fo_puts(c->o, "NULL");
}

#define FD_DETAILS (REVEL_FMT_FD_DETAILS | REVEL_FMT_FD_DEVS | REVEL_FMT_FD_PIDFDS)

/* A path from /proc as strace prints it after -y: in <>, nothing quoted,
 * unprintables, '>' and '\\' escaped; open: without the closing '>'. */
void p_fd_path(struct fc *c, const char *path, size_t n, bool open)
{
	fo_putc(c->o, '<');
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)path[i];
		if (ch < ' ' || ch >= 0x7f || ch == '>' || ch == '\\')
			fo_printf(c->o, "\\x%02x", ch);
		else
			fo_putc(c->o, (char)ch);
	}
	if (!open)
		fo_putc(c->o, '>');
}

/* The link's target printed as p_fd_path; false when it cannot be read.
 * With fd >= 0 and -yy: a socket's, device's or pidfd's details instead. */
static bool p_proc_link(struct fc *c, const char *link, int fd)
{
	char path[4096];
	ssize_t n = readlink(link, path, sizeof path - 1);
	if (n <= 0)
		return false;
	if (fd >= 0 && (c->f->flags & FD_DETAILS) && p_fd_details(c, fd, path, (size_t)n))
		return true;
	if (!(c->f->flags & REVEL_FMT_FD_PATHS))
		return false;
	p_fd_path(c, path, (size_t)n, false);
	return true;
}

/* The one fd printer: arguments, results, fds a call returns in memory
 * (pipe2, socketpair) and fds in control messages all come here. */
void p_fd(struct fc *c, int fd)
{
	fo_dec(c->o, fd);
	if (!(c->f->flags & (REVEL_FMT_FD_PATHS | FD_DETAILS)) || fd < 0 || c->f->pid <= 0)
		return;
	char link[64];
	snprintf(link, sizeof link, "/proc/%d/fd/%d", (int)c->f->pid, fd);
	p_proc_link(c, link, fd);
}

/* -Y: a process's name from /proc/PID/comm, without its newline; false
 * when there is none (gone, or not a pid). */
bool revel_pid_comm(pid_t pid, char *buf, size_t size)
{
	if (pid <= 0 || size < 2)
		return false;
	char name[48];
	snprintf(name, sizeof name, "/proc/%d/comm", (int)pid);
	int fd = open(name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, buf, size - 1);
	close(fd);
	if (n <= 0)
		return false;
	if (buf[n - 1] == '\n')
		n--;
	buf[n] = 0;
	return n > 0;
}

/* A pid: 1234; under -Y 1234<cat>, the name read under revel's pid (a
 * thread's or process's, as strace); under --decode-pids=pidns, a pid of
 * another namespace with revel's in a comment. Both only when the pid is
 * found (strace's translation). */
void p_pid(struct fc *c, int pid, enum pid_kind kind)
{
	fo_dec(c->o, pid);
	int fl = c->f->flags;
	bool comm = (fl & REVEL_FMT_PID_COMM) && (kind == PID_TID || kind == PID_TGID);
	if (!comm && !(fl & REVEL_FMT_PID_NS))
		return;
	int ours = revel_pidns_translate(c->f->tid > 0 ? c->f->tid : c->f->pid, pid, kind);
	char name[64];
	if (!ours)
		return;
	if (comm && revel_pid_comm(ours, name, sizeof name))
		fo_printf(c->o, "<%s>", name);
	if ((fl & REVEL_FMT_PID_NS) && ours != pid)
		fo_printf(c->o, " /* %d in strace's PID NS */", ours);
}

void p_pid_or_pgid(struct fc *c, int pid)
{
	if (pid < -1) {
		fo_putc(c->o, '-');
		p_pid(c, -pid, PID_PGID);
	} else if (pid > 0) {
		p_pid(c, pid, PID_TGID);
	} else {
		fo_dec(c->o, pid);
	}
}

/* AT_FDCWD, with the directory it stands for under -y: AT_FDCWD</tmp>. */
void p_dirfd(struct fc *c, int fd)
{
	if (fd != -100) {
		p_fd(c, fd);
		return;
	}
	int how = xs_begin(c, (uint64_t)(int64_t)fd, 'd');
	if (how == XS_SKIP)
		return;
	fo_puts(c->o, "AT_FDCWD");
	xs_end(c, how);
	if (!(c->f->flags & REVEL_FMT_FD_PATHS) || c->f->pid <= 0 || how != XS_DECODE)
		return;
	char link[64];
	snprintf(link, sizeof link, "/proc/%d/cwd", (int)c->f->pid);
	p_proc_link(c, link, -1);
}

/* Two fds the kernel wrote at addr (pipe2, socketpair): [3</...>, 4</...>]. */
void p_fd_pair(struct fc *c, uint64_t addr)
{
	int v[2];
	if (!fc_fetch(c, addr, v, sizeof v)) {
		p_addr(c, addr);
		return;
	}
	fo_putc(c->o, '[');
	p_fd(c, v[0]);
	fo_puts(c->o, ", ");
	p_fd(c, v[1]);
	fo_putc(c->o, ']');
}

/* -x: a string is all hex when a byte in it is neither printable ASCII nor
 * one of \t \n \v \f \r (strace's rule). */
static bool wants_hex(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] > 0x7e || (s[i] < ' ' && (s[i] < 9 || s[i] > 13)))
			return true;
	return false;
}

void p_quoted(struct fc *c, const unsigned char *s, size_t n, bool force_hex)
{
	struct fo *o = c->o;
	int fl = c->f->flags;
	if ((fl & REVEL_FMT_HEX_ALL) || ((fl & REVEL_FMT_HEX_NONASCII) && wants_hex(s, n)))
		force_hex = true;
	fo_putc(o, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = s[i];
		bool odd = ch >= 0x7f || (ch < ' ' && (ch < 9 || ch > 13));
		if (force_hex || (odd && (fl & REVEL_FMT_HEX_ESCAPES))) {
			fo_printf(o, "\\x%02x", ch);
			continue;
		}
		switch (ch) {
		case '"':
		case '\\':
			fo_putc(o, '\\');
			fo_putc(o, (char)ch);
			continue;
		case '\f':
			fo_puts(o, "\\f");
			continue;
		case '\n':
			fo_puts(o, "\\n");
			continue;
		case '\r':
			fo_puts(o, "\\r");
			continue;
		case '\t':
			fo_puts(o, "\\t");
			continue;
		case '\v':
			fo_puts(o, "\\v");
			continue;
		}
		if (ch >= ' ' && ch < 0x7f) {
			fo_putc(o, (char)ch);
			continue;
		}
		/* Octal, as short as it can be unless a digit follows. */
		char e[5];
		int k = 0;
		e[k++] = '\\';
		bool digit_next = i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7';
		if (digit_next || ch >> 6)
			e[k++] = (char)('0' + (ch >> 6));
		if (digit_next || ch >> 3)
			e[k++] = (char)('0' + ((ch >> 3) & 7));
		e[k++] = (char)('0' + (ch & 7));
		fo_write(o, e, (size_t)k);
	}
	fo_putc(o, '"');
}

static size_t str_limit(struct fc *c)
{
	int s = c->f->string_limit;
	if (s < 0)
		s = 32;
	return (size_t)s;
}

/* Reads a string page by page so one ending just before an unmapped page is
 * still seen. Returns its length (<= max), -1 if unreadable; *term tells
 * whether a NUL was found within max bytes. */
static ssize_t fetch_cstring(struct fc *c, uint64_t addr, unsigned char *buf, size_t max,
                             bool *term)
{
	size_t len = 0;
	*term = false;
	while (len < max) {
		uint64_t a = addr + len;
		size_t chunk = 4096 - (a & 4095);
		if (chunk > max - len)
			chunk = max - len;
		ssize_t r = fc_read(c, a, buf + len, chunk);
		if (r <= 0)
			return len ? (ssize_t)len : -1;
		unsigned char *nul = memchr(buf + len, 0, (size_t)r);
		if (nul) {
			*term = true;
			return nul - buf;
		}
		len += (size_t)r;
		if ((size_t)r < chunk)
			return (ssize_t)len;
	}
	return (ssize_t)len;
}

void p_cstring(struct fc *c, uint64_t addr, size_t max)
{
	static unsigned char buf[4097];
	if (!addr) {
		fo_puts(c->o, "NULL");
		return;
	}
	if (max > sizeof buf - 1)
		max = sizeof buf - 1;
	bool term;
	/* One byte more than shown tells whether "..." is due. */
	ssize_t n = fetch_cstring(c, addr, buf, max + 1, &term);
	if (n < 0) {
		p_addr(c, addr);
		return;
	}
	if (!term && (size_t)n <= max) {
		/* Unterminated before unreadable memory: strace shows the address. */
		p_addr(c, addr);
		return;
	}
	size_t shown = (size_t)n > max ? max : (size_t)n;
	p_quoted(c, buf, shown, false);
	if ((size_t)n > max)
		fo_puts(c->o, "...");
}

void p_path(struct fc *c, uint64_t addr)
{
	p_cstring(c, addr, 4095);
}

void p_str(struct fc *c, uint64_t addr)
{
	p_cstring(c, addr, str_limit(c));
}

void p_buf(struct fc *c, uint64_t addr, uint64_t n, bool force_hex)
{
	static unsigned char buf[65536];
	if (!addr) {
		fo_puts(c->o, "NULL");
		return;
	}
	size_t lim = str_limit(c);
	if (lim > sizeof buf)
		lim = sizeof buf;
	size_t want = n < lim ? (size_t)n : lim;
	/* a socket's: netlink messages when it is a netlink socket and the
	 * bytes begin as one (its length, within the buffer) */
	size_t head = c->sock && want < 16 && n >= 16 ? 16 : want;
	if (head && !fc_fetch(c, addr, buf, head)) {
		p_addr(c, addr);
		return;
	}
	uint32_t first = 0;
	if (c->sock && head >= 16)
		memcpy(&first, buf, 4);
	if (first > 16 && first <= n && p_netlink(c, c->sockfd, addr, n))
		return;
	p_quoted(c, buf, want, force_hex);
	if (n > want)
		fo_puts(c->o, "...");
}

static const char *const ftypes[16] = {
    [1] = "S_IFIFO", [2] = "S_IFCHR",  [4] = "S_IFDIR",   [6] = "S_IFBLK",
    [8] = "S_IFREG", [10] = "S_IFLNK", [12] = "S_IFSOCK",
};

/* st_mode: "S_IFREG|0644", with S_ISUID|S_ISGID|S_ISVTX spelled out. */
void p_mode(struct fc *c, unsigned mode)
{
	int how = xs_begin(c, mode, 'o');
	if (how == XS_SKIP)
		return;
	p_mode_names(c, mode);
	xs_end(c, how);
}

static void p_mode_names(struct fc *c, unsigned mode)
{
	unsigned t = (mode >> 12) & 0xf;
	if (t) {
		if (ftypes[t])
			fo_puts(c->o, ftypes[t]);
		else
			fo_printf(c->o, "%#o", t << 12);
		fo_putc(c->o, '|');
	}
	if (mode & 04000)
		fo_puts(c->o, "S_ISUID|");
	if (mode & 02000)
		fo_puts(c->o, "S_ISGID|");
	if (mode & 01000)
		fo_puts(c->o, "S_ISVTX|");
	fo_printf(c->o, "%#03o", mode & 0777);
}

/* A numeric mode argument (mkdir, chmod, open): "0755", "000", "0100744":
 * octal, as strace's print_numeric_umode_t, file type bits and all. */
void p_umode(struct fc *c, uint64_t mode)
{
	fo_printf(c->o, "%#03o", (unsigned)mode);
}

void p_int_ptr(struct fc *c, uint64_t addr)
{
	int v;
	if (!fc_fetch(c, addr, &v, sizeof v)) {
		p_addr(c, addr);
		return;
	}
	fo_printf(c->o, "[%d]", v);
}

/* [1234]: a thread id the kernel wrote (clone's parent_tid), as p_pid. */
void p_tid_ptr(struct fc *c, uint64_t addr)
{
	int v;
	if (!fc_fetch(c, addr, &v, sizeof v)) {
		p_addr(c, addr);
		return;
	}
	fo_putc(c->o, '[');
	p_pid(c, v, PID_TID);
	fo_putc(c->o, ']');
}

void p_signame(struct fc *c, int sig)
{
	const char *n = revel_signal_name(sig);
	int how = n ? xs_begin(c, (uint64_t)(int64_t)sig, 'd') : XS_DECODE;
	if (how == XS_SKIP)
		return;
	if (n)
		fo_puts(c->o, n);
	else
		fo_printf(c->o, "%d", sig);
	xs_end(c, how);
}

/* strace's sigset: [INT TERM], or ~[KILL STOP] when more than half is set. */
void p_sigset(struct fc *c, const uint64_t *mask, int nwords)
{
	int nbits = nwords * 64, set = 0;
	for (int i = 0; i < nbits; i++)
		set += (mask[i / 64] >> (i % 64)) & 1;
	bool inv = set * 2 > nbits;
	fo_puts(c->o, inv ? "~[" : "[");
	bool first = true;
	for (int i = 0; i < nbits; i++) {
		bool on = (mask[i / 64] >> (i % 64)) & 1;
		if (on == inv)
			continue;
		if (!first)
			fo_putc(c->o, ' ');
		first = false;
		const char *n = revel_signal_name(i + 1);
		int how = n ? xs_begin(c, (uint64_t)i + 1, 'd') : XS_DECODE;
		if (how == XS_SKIP)
			continue;
		if (n)
			fo_puts(c->o, n + 3);
		else
			fo_printf(c->o, "%d", i + 1);
		xs_end(c, how);
	}
	fo_putc(c->o, ']');
}

void p_sigset_addr(struct fc *c, uint64_t addr, uint64_t size)
{
	uint64_t mask[2] = {0, 0};
	if (!addr) {
		fo_puts(c->o, "NULL");
		return;
	}
	if (size == 0 || size > sizeof mask || !fc_verbose(c) ||
	    !fc_fetch(c, addr, mask, (size_t)size)) {
		p_addr(c, addr);
		return;
	}
	p_sigset(c, mask, (int)((size + 7) / 8));
}

void p_timespec(struct fc *c, uint64_t addr)
{
	int64_t ts[2];
	FETCH_OR_ADDR(c, addr, ts); /* an address under -e verbose= without the call */
	fo_printf(c->o, "{tv_sec=%" PRId64 ", tv_nsec=%" PRId64 "}", ts[0], ts[1]);
}

void p_timeval(struct fc *c, uint64_t addr)
{
	int64_t tv[2];
	FETCH_OR_ADDR(c, addr, tv); /* an address under -e verbose= without the call */
	fo_printf(c->o, "{tv_sec=%" PRId64 ", tv_usec=%" PRId64 "}", tv[0], tv[1]);
}

/* ---- arguments ---- */

/* The first argument printed on exit follows the ", " the entry half left. */
void arg_begin(struct fc *c, struct revel_fmt_state *st, int i)
{
	if (i > 0 && !(c->exiting && i == st->printed))
		fo_puts(c->o, ", ");
	if (i < REVEL_FMT_MAXARGS) {
		st->span_beg[i] = (int)c->o->len + (c->exiting ? st->enter_len : 0);
		st->span_end[i] = -1;
	}
}

void arg_end(struct fc *c, struct revel_fmt_state *st, int i)
{
	if (i < REVEL_FMT_MAXARGS) {
		st->span_end[i] = (int)c->o->len + (c->exiting ? st->enter_len : 0);
		if (st->nspans < i + 1)
			st->nspans = i + 1;
	}
}

void split_at(struct fc *c, struct revel_fmt_state *st, int i)
{
	if (i > 0)
		fo_puts(c->o, ", ");
	st->printed = i;
}
