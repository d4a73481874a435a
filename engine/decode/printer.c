/* printer.c: strace's output loop over the formatter: the one partial line
 * on the output (the call whose exit half is pending), cut with
 * " <unfinished ...>" when another line must go out and taken up again as
 * "<... NAME resumed>"; pid prefixes; the result at column 40; signal and
 * exit lines; --json objects; the -c table. */
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
#include "revel/printer.h"
#include "revel/systable.h"

#define RESULT_COLUMN 40
#define OUTBUF 65536

struct call {
	pid_t tid; /* 0: free slot */
	long nr;
	bool in_call;
	bool injected; /* the result came from an inject rule: strace marks it */
	int64_t args[6];
	uint64_t sp;
	uint64_t ip; /* at the call's entry, for -i */
	int fd;      /* -ff: the thread's file, when fd_open */
	bool fd_open;
	size_t col;  /* -ff: the column of the thread's open line */
	struct revel_fmt_state st;
	struct timespec t0;
	char *text; /* the entry half, kept for --json */
	size_t text_cap;
};

struct count {
	uint64_t calls, errors;
	double secs;
};

struct revel_printer {
	struct revel_printer_opts o;
	struct revel_fmt fmt;
	int ntasks;
	pid_t printing; /* tid whose line is open on the output, 0 for none */
	size_t curcol;  /* column on the open line */
	struct call *calls;
	size_t cap, used;
	struct count counts[REVEL_NR_MAX];
	char *scratch; /* formatter output */
	size_t scratch_cap;
	char out[OUTBUF];
	size_t outlen;
	char *name;      /* the output's, for a write error; NULL: not said */
	bool write_said; /* the first failed write was said */
	pid_t root;      /* the first task heard of (for root_only) */
	char *sep_name;  /* -ff: NAME of NAME.TID; NULL: one output */
	pid_t out_tid;   /* -ff: whose file the buffer holds */
};

/* Whether tid's lines are printed: all, or the root's alone (no -f). */
static bool shown(revel_printer *p, pid_t tid)
{
	if (!p->o.root_only)
		return true;
	if (!p->root)
		p->root = tid;
	return tid == p->root;
}

revel_printer *revel_printer_new(const struct revel_printer_opts *o)
{
	revel_printer *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->o = *o;
	p->fmt.read = o->read; /* NULL: no guest memory, pointers print as addresses */
	p->fmt.ctx = o->ctx;
	p->fmt.string_limit = o->string_limit > 0 ? o->string_limit : 32;
	p->fmt.flags = o->fmt_flags;
	p->cap = 64;
	p->calls = calloc(p->cap, sizeof *p->calls);
	p->scratch_cap = 4096;
	p->scratch = malloc(p->scratch_cap);
	p->name = o->name ? strdup(o->name) : NULL;
	p->o.name = NULL; /* the caller's string: not kept */
	p->sep_name = o->separate ? strdup(o->separate) : NULL;
	p->o.separate = NULL;
	if (p->sep_name)
		p->o.fd = -1;
	if (!p->calls || !p->scratch || (o->name && !p->name) || (o->separate && !p->sep_name)) {
		free(p->sep_name);
		free(p->calls);
		free(p->scratch);
		free(p->name);
		free(p);
		return NULL;
	}
	return p;
}

/* Output lost: said once, at the first failed write, as strace says it
 * ("strace: FILE: ERROR"); strace keeps its exit status, and so does revel. */
static void write_failed(revel_printer *p, int err)
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
			write_failed(p, err);
			p->outlen = 0;
			return -err;
		}
		off += (size_t)w;
	}
	p->outlen = 0;
	return 0;
}

void revel_printer_free(revel_printer *p)
{
	if (!p)
		return;
	revel_printer_flush(p);
	for (size_t i = 0; i < p->cap; i++) {
		free(p->calls[i].text);
		if (p->calls[i].tid && p->calls[i].fd_open)
			close(p->calls[i].fd);
	}
	free(p->sep_name);
	free(p->calls);
	free(p->scratch);
	free(p->name);
	free(p);
}

void revel_printer_ntasks(revel_printer *p, int n)
{
	p->ntasks = n;
}

/* ---- the per-thread table: open addressing, backward-shift deletion ---- */

static size_t slot_of(const revel_printer *p, pid_t tid)
{
	return ((uint32_t)tid * 2654435761u) & (p->cap - 1);
}

static struct call *find(revel_printer *p, pid_t tid)
{
	for (size_t i = slot_of(p, tid);; i = (i + 1) & (p->cap - 1)) {
		if (p->calls[i].tid == tid)
			return &p->calls[i];
		if (p->calls[i].tid == 0)
			return NULL;
	}
}

static struct call *get(revel_printer *p, pid_t tid)
{
	struct call *c = find(p, tid);
	if (c)
		return c;
	if ((p->used + 1) * 2 > p->cap) {
		size_t ocap = p->cap;
		struct call *old = p->calls;
		struct call *n = calloc(ocap * 2, sizeof *n);
		if (!n)
			return NULL;
		p->calls = n;
		p->cap = ocap * 2;
		for (size_t i = 0; i < ocap; i++) {
			if (!old[i].tid)
				continue;
			size_t j = slot_of(p, old[i].tid);
			while (p->calls[j].tid)
				j = (j + 1) & (p->cap - 1);
			p->calls[j] = old[i];
		}
		free(old);
	}
	size_t i = slot_of(p, tid);
	while (p->calls[i].tid)
		i = (i + 1) & (p->cap - 1);
	memset(&p->calls[i], 0, sizeof p->calls[i]);
	p->calls[i].tid = tid;
	p->used++;
	return &p->calls[i];
}

static void drop(revel_printer *p, pid_t tid)
{
	struct call *c = find(p, tid);
	if (!c)
		return;
	size_t i = (size_t)(c - p->calls);
	free(c->text);
	c->text = NULL;
	c->text_cap = 0;
	p->calls[i].tid = 0;
	p->used--;
	/* Shift the entries of the probe run back over the hole. */
	for (size_t j = (i + 1) & (p->cap - 1); p->calls[j].tid; j = (j + 1) & (p->cap - 1)) {
		size_t home = slot_of(p, p->calls[j].tid);
		bool movable = (j > i) ? (home <= i || home > j) : (home <= i && home > j);
		if (movable) {
			p->calls[i] = p->calls[j];
			p->calls[j].tid = 0;
			p->calls[j].text = NULL;
			p->calls[j].text_cap = 0;
			i = j;
		}
	}
}

/* ---- output ---- */

static void put(revel_printer *p, const char *s, size_t n)
{
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

static void puts_(revel_printer *p, const char *s)
{
	put(p, s, strlen(s));
}

static void printf_(revel_printer *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void printf_(revel_printer *p, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n > 0)
		put(p, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static void newline(revel_printer *p)
{
	put(p, "\n", 1);
	p->curcol = 0;
	p->printing = 0;
}

/* Close another thread's open line before a new line starts. */
static void cut_open_line(revel_printer *p, pid_t tid)
{
	if (p->sep_name)
		return; /* -ff: each thread's line is in its own file */
	if (p->printing && p->printing != tid) {
		puts_(p, " <unfinished ...>");
		newline(p);
	}
}

/* "%-5d " or "[pid %5d] ", without printf on the hot path. */
static int tid_text(char *out, pid_t tid, bool bracket)
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
	if (bracket) {
		out[n++] = ']';
		out[n++] = ' ';
	} else {
		while (n < 5)
			out[n++] = ' ';
		out[n++] = ' ';
	}
	return n;
}

/* -ff: the buffer goes to tid's file, NAME.TID, opened at its first line;
 * the column of the line left open in the file before is kept with it. */
static void select_out(revel_printer *p, pid_t tid)
{
	if (!p->sep_name || p->out_tid == tid)
		return;
	revel_printer_flush(p);
	struct call *old = p->out_tid ? find(p, p->out_tid) : NULL;
	if (old)
		old->col = p->curcol;
	struct call *c = get(p, tid);
	if (!c) {
		p->o.fd = -1;
		p->out_tid = 0;
		return;
	}
	if (!c->fd_open) {
		char path[4096];
		snprintf(path, sizeof path, "%s.%d", p->sep_name, (int)tid);
		c->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
		c->fd_open = c->fd >= 0;
		if (!c->fd_open)
			write_failed(p, errno);
		c->col = 0;
	}
	p->o.fd = c->fd_open ? c->fd : -1;
	p->curcol = c->col;
	p->printing = c->in_call ? tid : 0;
	p->out_tid = tid;
}

/* -i: "[00007f...] " after the pid, as strace. */
static void put_ip(revel_printer *p, uint64_t ip)
{
	if (p->o.instruction_pointer)
		printf_(p, "[%016" PRIx64 "] ", ip);
}

static void prefix(revel_printer *p, pid_t tid)
{
	p->curcol = 0;
	char tmp[32];
	int n = 0;
	if (p->o.prefix == REVEL_PREFIX_ALWAYS)
		n = tid_text(tmp, tid, false);
	else if (p->o.prefix == REVEL_PREFIX_MULTI && p->ntasks > 1)
		n = tid_text(tmp, tid, true);
	if (n)
		put(p, tmp, (size_t)n);
}

/* Formats with f into the scratch buffer, growing it to fit. */
#define FORMAT_INTO_SCRATCH(p, n, call)                                                            \
	do {                                                                                       \
		char *buf = (p)->scratch;                                                          \
		size_t len = (p)->scratch_cap;                                                     \
		(n) = (call);                                                                      \
		if ((size_t)(n) >= (p)->scratch_cap) {                                             \
			char *nb = realloc((p)->scratch, (size_t)(n) + 1);                         \
			if (nb) {                                                                  \
				(p)->scratch = nb;                                                 \
				(p)->scratch_cap = (size_t)(n) + 1;                                \
				buf = nb;                                                          \
				len = (p)->scratch_cap;                                            \
				(n) = (call);                                                      \
			} else {                                                                   \
				(n) = (int)(p)->scratch_cap - 1;                                   \
			}                                                                          \
		}                                                                                  \
	} while (0)

static const char *name_of(long nr)
{
	const struct revel_syscall_info *i = revel_syscall_by_nr(nr);
	return i ? i->name : "syscall";
}

static void set_fmt(revel_printer *p, pid_t tid, uint64_t sp)
{
	p->fmt.pid = tid;
	p->fmt.tid = tid;
	p->fmt.sp = sp;
}

/* ---- JSON ---- */

static void json_str(revel_printer *p, const char *s, size_t n)
{
	put(p, "\"", 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '"' || ch == '\\') {
			char e[2] = {'\\', (char)ch};
			put(p, e, 2);
		} else if (ch < 0x20 || ch >= 0x7f) {
			printf_(p, "\\u%04x", ch);
		} else {
			put(p, (const char *)&ch, 1);
		}
	}
	put(p, "\"", 1);
}

static bool is_integer(const char *s, size_t n)
{
	size_t i = 0;
	if (n && s[0] == '-')
		i = 1;
	if (i >= n || n - i > 18 || (s[i] == '0' && n - i > 1))
		return false;
	for (; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static void json_call(revel_printer *p, struct call *c, const char *exit_text, int exit_len,
                      bool has_result, int64_t result)
{
	/* The whole rendering: entry text then exit text, cut by the spans. */
	size_t el = c->st.enter_len > 0 ? (size_t)c->st.enter_len : 0;
	if (el > c->text_cap)
		el = c->text_cap;
	size_t xl = exit_len > 0 ? (size_t)exit_len : 0;
	char *all = malloc(el + xl + 1);
	if (!all)
		return;
	if (el)
		memcpy(all, c->text, el);
	if (xl)
		memcpy(all + el, exit_text, xl);
	all[el + xl] = 0;
	size_t total = el + xl;
	printf_(p, "{\"pid\":%d,\"tid\":%d,\"name\":", (int)c->tid, (int)c->tid);
	const char *name = name_of(c->nr);
	json_str(p, name, strlen(name));
	puts_(p, ",\"args\":[");
	for (int i = 0; i < c->st.nspans; i++) {
		int b = c->st.span_beg[i], e = c->st.span_end[i];
		if (i)
			puts_(p, ",");
		if (b < 0 || e < b || (size_t)e > total) {
			puts_(p, "null");
			continue;
		}
		if (is_integer(all + b, (size_t)(e - b)))
			put(p, all + b, (size_t)(e - b));
		else
			json_str(p, all + b, (size_t)(e - b));
	}
	puts_(p, "],\"result\":");
	if (!has_result) {
		puts_(p, "null");
	} else if (result < 0 && result >= -4095) {
		const char *en = revel_errno_name((int)-result);
		printf_(p, "-1,\"errno\":");
		if (en)
			json_str(p, en, strlen(en));
		else
			printf_(p, "%d", (int)-result);
	} else {
		printf_(p, "%" PRId64, result);
	}
	puts_(p, "}");
	newline(p);
	free(all);
}

/* ---- events ---- */

int revel_printer_enter(revel_printer *p, pid_t tid, long nr, const int64_t args[6], uint64_t sp)
{
	if (!shown(p, tid))
		return 0;
	if (p->o.mode == REVEL_PRINT_TEXT)
		select_out(p, tid);
	struct call *c = get(p, tid);
	if (!c)
		return -ENOMEM;
	c->nr = nr;
	memcpy(c->args, args, sizeof c->args);
	c->sp = sp;
	c->ip = p->o.instruction_pointer && p->o.ip_of ? p->o.ip_of(p->o.ctx, tid) : 0;
	c->in_call = true;
	c->injected = false;
	if (p->o.mode == REVEL_PRINT_COUNT) {
		clock_gettime(CLOCK_MONOTONIC, &c->t0);
		return 0;
	}
	set_fmt(p, tid, sp);
	int n;
	FORMAT_INTO_SCRATCH(p, n, revel_format_enter(&p->fmt, nr, args, &c->st, buf, len));
	if (p->o.mode == REVEL_PRINT_JSON) {
		if ((size_t)n + 1 > c->text_cap) {
			char *t = realloc(c->text, (size_t)n + 1);
			if (!t)
				return -ENOMEM;
			c->text = t;
			c->text_cap = (size_t)n + 1;
		}
		memcpy(c->text, p->scratch, (size_t)n + 1);
		return 0;
	}
	cut_open_line(p, tid);
	if (p->printing != tid) {
		prefix(p, tid);
		put_ip(p, c->ip);
	}
	if (p->o.syscall_number)
		printf_(p, "[%4ld] ", nr);
	put(p, p->scratch, (size_t)n);
	p->printing = tid;
	return 0;
}

static void resumed(revel_printer *p, struct call *c)
{
	cut_open_line(p, c->tid);
	if (p->printing != c->tid && !p->sep_name) {
		prefix(p, c->tid);
		put_ip(p, c->ip);
		printf_(p, "<... %s resumed>", name_of(c->nr));
	}
}

static void to_result_column(revel_printer *p)
{
	static const char pad[] = "                                         = ";
	size_t n = p->curcol + 1 < RESULT_COLUMN ? RESULT_COLUMN - p->curcol : 1;
	put(p, pad + sizeof pad - 1 - 2 - n, n + 2);
}

int revel_printer_exit(revel_printer *p, pid_t tid, int64_t result)
{
	if (!shown(p, tid))
		return 0;
	struct call *c = find(p, tid);
	if (!c || !c->in_call)
		return -ENOENT;
	c->in_call = false;
	if (p->o.mode == REVEL_PRINT_COUNT) {
		struct timespec t1;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (c->nr >= 0 && c->nr < REVEL_NR_MAX) {
			struct count *k = &p->counts[c->nr];
			k->calls++;
			if (result < 0 && result >= -4095)
				k->errors++;
			k->secs += (double)(t1.tv_sec - c->t0.tv_sec) +
			           (double)(t1.tv_nsec - c->t0.tv_nsec) / 1e9;
		}
		return 0;
	}
	set_fmt(p, tid, c->sp);
	int n;
	FORMAT_INTO_SCRATCH(p, n,
	                    revel_format_exit(&p->fmt, c->nr, c->args, &c->st, result, buf, len));
	if (p->o.mode == REVEL_PRINT_JSON) {
		json_call(p, c, p->scratch, n, true, result);
		return 0;
	}
	select_out(p, tid);
	c = find(p, tid); /* select_out may have grown the table */
	resumed(p, c);
	put(p, p->scratch, (size_t)n);
	to_result_column(p);
	/* exit and exit_group return only when a rule fails them: their result
	 * then prints as a plain decimal one (getpid's kind), not "?". */
	long rnr = c->nr == SYS_exit || c->nr == SYS_exit_group ? SYS_getpid : c->nr;
	FORMAT_INTO_SCRATCH(p, n,
	                    revel_format_result(&p->fmt, rnr, c->args, &c->st, result, buf, len));
	put(p, p->scratch, (size_t)n);
	if (c->injected)
		puts_(p, " (INJECTED)");
	c->injected = false;
	newline(p);
	return 0;
}

int revel_printer_injected(revel_printer *p, pid_t tid)
{
	if (!shown(p, tid))
		return 0;
	struct call *c = find(p, tid);
	if (!c || !c->in_call)
		return -ENOENT;
	c->injected = true;
	return 0;
}

int revel_printer_signal(revel_printer *p, pid_t tid, int sig, const void *info)
{
	if (!shown(p, tid))
		return 0;
	if (p->o.mode == REVEL_PRINT_COUNT)
		return 0;
	set_fmt(p, tid, 0);
	int n;
	FORMAT_INTO_SCRATCH(p, n, revel_format_signal(&p->fmt, sig, info, buf, len));
	if (p->o.mode == REVEL_PRINT_JSON) {
		const char *name = revel_signal_name(sig);
		printf_(p, "{\"pid\":%d,\"tid\":%d,\"signal\":", (int)tid, (int)tid);
		if (name)
			json_str(p, name, strlen(name));
		else
			printf_(p, "%d", sig);
		puts_(p, ",\"text\":");
		json_str(p, p->scratch, (size_t)n);
		puts_(p, "}");
		newline(p);
		return 0;
	}
	select_out(p, tid);
	cut_open_line(p, 0);
	prefix(p, tid);
	if (p->o.instruction_pointer)
		put_ip(p, p->o.ip_of ? p->o.ip_of(p->o.ctx, tid) : 0);
	puts_(p, "--- ");
	put(p, p->scratch, (size_t)n);
	puts_(p, " ---");
	newline(p);
	return 0;
}

static int exited_lines(revel_printer *p, pid_t tid, int status)
{
	struct call *c = find(p, tid);
	if (c && c->in_call) {
		/* exit, exit_group, or a call the thread died in. */
		c->in_call = false;
		if (p->o.mode == REVEL_PRINT_COUNT) {
			if (c->nr >= 0 && c->nr < REVEL_NR_MAX)
				p->counts[c->nr].calls++;
		} else if (p->o.mode == REVEL_PRINT_JSON) {
			set_fmt(p, tid, c->sp);
			int n;
			FORMAT_INTO_SCRATCH(
			    p, n, revel_format_exit(&p->fmt, c->nr, c->args, &c->st, 0, buf, len));
			json_call(p, c, p->scratch, n - 1, false, 0); /* without ")" */
		} else {
			resumed(p, c);
			put(p, ")", 1);
			to_result_column(p);
			put(p, "?", 1);
			newline(p);
		}
	}
	drop(p, tid);
	if (p->o.mode == REVEL_PRINT_COUNT)
		return 0;
	int sig = status & 0x7f;
	if (p->o.mode == REVEL_PRINT_JSON) {
		printf_(p, "{\"pid\":%d,\"tid\":%d,", (int)tid, (int)tid);
		if (sig)
			printf_(p, "\"killed\":\"%s\"}",
			        revel_signal_name(sig) ? revel_signal_name(sig) : "?");
		else
			printf_(p, "\"exited\":%d}", (status >> 8) & 0xff);
		newline(p);
		return 0;
	}
	if (p->o.quiet_exit)
		return 0;
	cut_open_line(p, 0);
	prefix(p, tid);
	if (p->o.instruction_pointer)
		puts_(p, "[????????????????] "); /* strace: the thread is gone */
	if (sig) {
		const char *name = revel_signal_name(sig);
		if (name)
			printf_(p, "+++ killed by %s%s +++", name,
			        status & 0x80 ? " (core dumped)" : "");
		else
			printf_(p, "+++ killed by %d +++", sig);
	} else {
		printf_(p, "+++ exited with %d +++", (status >> 8) & 0xff);
	}
	newline(p);
	return 0;
}

int revel_printer_exited(revel_printer *p, pid_t tid, int status)
{
	if (!shown(p, tid))
		return 0;
	if (!p->sep_name || p->o.mode != REVEL_PRINT_TEXT)
		return exited_lines(p, tid, status);
	/* -ff: the thread's last lines, then its file is closed. */
	select_out(p, tid);
	struct call *c = find(p, tid);
	int fd = c && c->fd_open ? c->fd : -1;
	int rc = exited_lines(p, tid, status);
	revel_printer_flush(p);
	if (fd >= 0)
		close(fd);
	p->o.fd = -1;
	p->out_tid = 0;
	return rc;
}

/* ---- -c ---- */

static int by_time(const void *x, const void *y)
{
	const struct {
		long nr;
		const struct count *k;
	} *a = x, *b = y;
	if (a->k->secs != b->k->secs)
		return a->k->secs < b->k->secs ? 1 : -1;
	if (a->k->calls != b->k->calls)
		return a->k->calls < b->k->calls ? 1 : -1;
	return strcmp(name_of(a->nr), name_of(b->nr));
}

int revel_printer_summary(revel_printer *p)
{
	if (p->o.mode != REVEL_PRINT_COUNT)
		return 0;
	struct {
		long nr;
		const struct count *k;
	} rows[REVEL_NR_MAX];
	int n = 0;
	double total = 0;
	uint64_t calls = 0, errors = 0;
	for (long nr = 0; nr < REVEL_NR_MAX; nr++) {
		if (!p->counts[nr].calls)
			continue;
		rows[n].nr = nr;
		rows[n].k = &p->counts[nr];
		n++;
		total += p->counts[nr].secs;
		calls += p->counts[nr].calls;
		errors += p->counts[nr].errors;
	}
	qsort(rows, (size_t)n, sizeof rows[0], by_time);
	static const char dash[] =
	    "------ ----------- ----------- --------- --------- ----------------";
	printf_(p, "%6.6s %11.11s %11.11s %9.9s %9.9s %s\n", "% time", "seconds", "usecs/call",
	        "calls", "errors", "syscall");
	printf_(p, "%s\n", dash);
	for (int i = 0; i < n; i++) {
		const struct count *k = rows[i].k;
		printf_(p, "%6.2f %11.6f %11lu %9" PRIu64 " ",
		        total > 0 ? 100.0 * k->secs / total : 0.0, k->secs,
		        (unsigned long)(1e6 * k->secs / (double)k->calls), k->calls);
		if (k->errors)
			printf_(p, "%9" PRIu64, k->errors);
		else
			printf_(p, "%9s", "");
		printf_(p, " %s\n", name_of(rows[i].nr));
	}
	printf_(p, "%s\n", dash);
	printf_(p, "%6.2f %11.6f %11lu %9" PRIu64 " ", 100.0, total,
	        (unsigned long)(calls ? 1e6 * total / (double)calls : 0), calls);
	if (errors)
		printf_(p, "%9" PRIu64, errors);
	else
		printf_(p, "%9s", "");
	printf_(p, " total\n");
	p->curcol = 0;
	return revel_printer_flush(p);
}
