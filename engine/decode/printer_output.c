/* printer_output.c: the output buffer and its writes, line prefixes
 * ("[pid N] ", -i), the cut of an open line, and -ff's file per thread. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "printer_internal.h"

/* Output lost: said once, at the first failed write, as strace says it
 * ("strace: FILE: ERROR"); strace keeps its exit status, and so does revel. */
void pr_write_failed(revel_printer *p, int err)
{
	if (p->write_said || !p->name)
		return;
	p->write_said = true;
	dprintf(STDERR_FILENO, "revel: %s: %s\n", p->name, strerror(err));
}

int revel_printer_flush(revel_printer *p)
{
	size_t off = 0;
	while (off < p->outlen) {
		ssize_t w = write(p->o.fd, p->out + off, p->outlen - off);
		if (w <= 0) {
			if (w < 0 && errno == EINTR)
				continue;
			int err = w < 0 ? errno : EIO; /* 0 bytes for a nonzero count */
			pr_write_failed(p, err);
			p->outlen = 0;
			return -err;
		}
		off += (size_t)w;
	}
	p->outlen = 0;
	return 0;
}

void pr_put(revel_printer *p, const char *s, size_t n)
{
	if (p->stage) {
		pr_stage_put(p, s, n);
		return;
	}
	while (n) {
		if (p->outlen == OUTBUF)
			revel_printer_flush(p);
		size_t k = OUTBUF - p->outlen;
		if (k > n)
			k = n;
		memcpy(p->out + p->outlen, s, k);
		p->outlen += k;
		s += k;
		n -= k;
		p->curcol += k;
	}
}

void pr_puts(revel_printer *p, const char *s)
{
	pr_put(p, s, strlen(s));
}

void pr_printf(revel_printer *p, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n > 0)
		pr_put(p, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

void pr_newline(revel_printer *p)
{
	pr_put(p, "\n", 1);
	p->curcol = 0;
	p->printing = 0;
}

/* Close another thread's open line before a new line starts. */
void pr_cut_open_line(revel_printer *p, pid_t tid)
{
	if (p->sep_name)
		return; /* -ff: each thread's line is in its own file */
	if (!p->printing || p->printing == tid || pr_end_exit_call(p, p->printing))
		return;
	if (pr_staging(p)) {
		pr_stage_cut(p);
	} else {
		pr_puts(p, " <unfinished ...>");
		pr_newline(p);
	}
}

/* -Y: tid's name, read now (and kept) or the last one read. */
static const char *comm_of(revel_printer *p, pid_t tid)
{
	struct call *c = pr_find(p, tid);
	char buf[16];
	if (revel_pid_comm(tid, buf, sizeof buf)) {
		if (c) {
			memcpy(c->comm, buf, sizeof c->comm);
			return c->comm;
		}
		memcpy(p->gone_comm, buf, sizeof p->gone_comm);
		return p->gone_comm;
	}
	if (c && c->comm[0])
		return c->comm;
	return p->gone_tid == tid && p->gone_comm[0] ? p->gone_comm : NULL;
}

/* "%-5d " or "[pid %5d] ", without printf on the hot path; with comm
 * (-Y) "%d<comm> " or "[pid %5d<comm>] ", as strace. */
static int tid_text(char *out, pid_t tid, bool bracket, const char *comm)
{
	char d[16];
	int nd = 0;
	unsigned v = (unsigned)tid;
	do {
		d[nd++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	int n = 0;
	if (bracket) {
		memcpy(out, "[pid ", 5);
		n = 5;
		for (int i = nd; i < 5; i++)
			out[n++] = ' ';
	}
	while (nd)
		out[n++] = d[--nd];
	if (!bracket && !comm) /* strace pads the pid alone, not 1234<sh> */
		while (n < 5)
			out[n++] = ' ';
	if (comm) {
		out[n++] = '<';
		for (size_t i = 0; comm[i] && i < 15; i++)
			out[n++] = comm[i];
		out[n++] = '>';
	}
	if (bracket)
		out[n++] = ']';
	out[n++] = ' ';
	return n;
}

/* -ff: the buffer goes to tid's file, NAME.TID, opened at its first line;
 * the column of the line left open in the file before is kept with it. */
void pr_select_out(revel_printer *p, pid_t tid)
{
	if (!p->sep_name || p->out_tid == tid)
		return;
	revel_printer_flush(p);
	struct call *old = p->out_tid ? pr_find(p, p->out_tid) : NULL;
	if (old)
		old->col = p->curcol;
	struct call *c = pr_get(p, tid);
	if (!c) {
		p->o.fd = -1;
		p->out_tid = 0;
		return;
	}
	if (!c->fd_open) {
		char path[4096];
		snprintf(path, sizeof path, "%s.%d", p->sep_name, (int)tid);
		c->fd =
		    open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (p->o.append ? O_APPEND : O_TRUNC),
		         0666);
		c->fd_open = c->fd >= 0;
		if (!c->fd_open)
			pr_write_failed(p, errno);
		c->col = 0;
	}
	p->o.fd = c->fd_open ? c->fd : -1;
	p->curcol = c->col;
	p->printing = c->in_call ? tid : 0;
	p->out_tid = tid;
}

/* -n: "[  12] " after the pid, before -i's ip, as strace. */
void pr_put_nr(revel_printer *p, long nr)
{
	if (p->o.syscall_number)
		pr_printf(p, "[%4ld] ", nr);
}

/* -i: "[00007f...] " after the pid, as strace. */
void pr_put_ip(revel_printer *p, uint64_t ip)
{
	if (p->o.instruction_pointer)
		pr_printf(p, "[%016" PRIx64 "] ", ip);
}

void pr_prefix(revel_printer *p, pid_t tid)
{
	p->curcol = 0;
	char tmp[64];
	const char *comm = NULL;
	if ((p->fmt.flags & REVEL_FMT_PID_COMM) &&
	    (p->o.prefix == REVEL_PREFIX_ALWAYS ||
	     (p->o.prefix == REVEL_PREFIX_MULTI && pr_ntasks(p) > 1)))
		comm = comm_of(p, tid);
	int n = 0;
	if (p->o.prefix == REVEL_PREFIX_ALWAYS)
		n = tid_text(tmp, tid, false, comm);
	else if (p->o.prefix == REVEL_PREFIX_MULTI && pr_ntasks(p) > 1)
		n = tid_text(tmp, tid, true, comm);
	if (n)
		pr_put(p, tmp, (size_t)n);
	pr_stamp(p);
}
