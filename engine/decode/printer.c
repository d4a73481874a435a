/* printer.c: strace's output loop over the formatter: the one partial line
 * on the output (the call whose exit half is pending), cut with
 * " <unfinished ...>" when another line must go out and taken up again as
 * "<... NAME resumed>"; signal and exit lines. The rest of the printer is in
 * printer_*.c (see printer_internal.h). */
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

static void pr_put_last_nr(revel_printer *p, pid_t tid);

/* Whether tid's lines are printed: all, or the root's alone (no -f). */
bool pr_shown(revel_printer *p, pid_t tid)
{
	if (!p->o.root_only)
		return true;
	if (p->nshown) {
		for (size_t i = 0; i < p->nshown; i++)
			if (p->shown[i] == tid)
				return true;
		return false;
	}
	if (!p->root)
		p->root = tid;
	return tid == p->root;
}

void revel_printer_root(revel_printer *p, pid_t pid)
{
	p->root = pid;
}

/* Without -f, strace follows the root's first thread alone: once another
 * thread's execve superseded it, strace sees no call or signal of the
 * process, only its end. */
static bool pr_calls_shown(revel_printer *p, pid_t tid)
{
	return pr_shown(p, tid) && !(p->o.root_only && p->root_superseded);
}

revel_printer *revel_printer_new(const struct revel_printer_opts *o)
{
	revel_printer *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->o = *o;
	p->counting = o->mode == REVEL_PRINT_COUNT || o->summary;
	p->fmt.read = o->read; /* NULL: no guest memory, pointers print as addresses */
	p->fmt.ctx = o->ctx;
	p->fmt.string_limit =
	    o->string_limit > 0 || (o->exact_limit && o->string_limit == 0) ? o->string_limit : 32;
	p->fmt.flags = o->fmt_flags;
	if (o->styles) {
		memcpy(p->styles, o->styles, sizeof p->styles);
		p->fmt.styles = p->styles;
	}
	p->o.styles = NULL; /* the caller's: not kept */
	p->o.dump_fds = NULL;
	if (o->dump_fds && o->dump_nfds > 0) {
		p->dump_fds = malloc((size_t)o->dump_nfds);
		if (p->dump_fds)
			memcpy(p->dump_fds, o->dump_fds, (size_t)o->dump_nfds);
		else
			p->o.dump_nfds = 0;
	} else {
		p->o.dump_nfds = 0;
	}
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
	int paths_rc = pr_paths_init(p, o);
	if (!p->calls || !p->scratch || (o->name && !p->name) || (o->separate && !p->sep_name) ||
	    paths_rc) {
		pr_paths_free(p);
		free(p->sep_name);
		free(p->calls);
		free(p->scratch);
		free(p->name);
		free(p);
		return NULL;
	}
	return p;
}

_Static_assert(sizeof(((struct revel_printer_shared *)0)->counts) ==
                   REVEL_NR_MAX * sizeof(struct revel_printer_count),
               "revel_printer_shared holds a count per syscall number");

void revel_printer_discard(revel_printer *p)
{
	p->outlen = 0;
	p->printing = 0;
	p->curcol = 0;
	p->stage = NULL;
	for (size_t i = 0; i < p->cap && p->used;)
		if (p->calls[i].tid)
			pr_drop(p, p->calls[i].tid); /* another may shift into slot i */
		else
			i++;
}

void revel_printer_cut(revel_printer *p)
{
	pr_cut_open_line(p, 0);
}

void revel_printer_rekey(revel_printer *p, pid_t from, pid_t to)
{
	pr_rekey(p, from, to);
}

size_t revel_printer_take(revel_printer *p, char *buf, size_t n)
{
	size_t k = p->outlen < n ? p->outlen : n;
	memcpy(buf, p->out, k);
	p->outlen = 0;
	p->printing = 0;
	p->curcol = 0;
	return k;
}

void revel_printer_free(revel_printer *p)
{
	if (!p)
		return;
	revel_printer_flush(p);
	for (size_t i = 0; i < p->cap; i++) {
		free(p->calls[i].text);
		free(p->calls[i].stack);
		if (p->calls[i].tid && p->calls[i].fd_open)
			close(p->calls[i].fd);
	}
	pr_paths_free(p);
	free(p->sep_name);
	free(p->calls);
	free(p->scratch);
	free(p->name);
	free(p->dump_fds);
	free(p->shown);
	free(p->frames);
	free(p);
}

int revel_printer_show(revel_printer *p, pid_t tid)
{
	pid_t *s = realloc(p->shown, (p->nshown + 1) * sizeof *s);
	if (!s)
		return -ENOMEM;
	s[p->nshown++] = tid;
	p->shown = s;
	return 0;
}

void revel_printer_ntasks(revel_printer *p, int n)
{
	p->ntasks = n;
}

const char *pr_name_of(long nr)
{
	const struct revel_syscall_info *i = revel_syscall_by_nr(nr);
	return i ? i->name : "syscall";
}

void pr_set_fmt(revel_printer *p, pid_t tid, uint64_t sp)
{
	p->fmt.pid = tid;
	p->fmt.tid = tid;
	p->fmt.sp = sp;
}

int revel_printer_enter(revel_printer *p, pid_t tid, long nr, const int64_t args[6], uint64_t sp)
{
	if (!pr_calls_shown(p, tid))
		return 0;
	bool hidden = p->npaths && !pr_path_match(p, tid, nr, args);
	bool staging = pr_staging(p);
	if (p->o.mode == REVEL_PRINT_TEXT && !hidden && !staging)
		pr_select_out(p, tid);
	struct call *c = pr_get(p, tid);
	if (!c)
		return -ENOMEM;
	long prev = c->nr; /* the thread's call before (0 for a thread new to us) */
	c->nr = nr;
	c->seen = true;
	memcpy(c->args, args, sizeof c->args);
	c->sp = sp;
	c->in_call = true;
	c->injected = false;
	c->hidden = hidden;
	if (hidden)
		return 1; /* neither printed nor counted, as strace -P */
	c->ip = p->o.instruction_pointer && p->o.ip_of ? p->o.ip_of(p->o.ctx, tid) : 0;
	pr_time_enter(p, c);
	if (p->o.stack_trace && p->o.mode == REVEL_PRINT_TEXT)
		pr_stack_enter(p, c);
	if (p->o.mode == REVEL_PRINT_COUNT)
		return 0;
	pr_set_fmt(p, tid, sp);
	int n;
	FORMAT_INTO_SCRATCH(p, n, revel_format_enter(&p->fmt, nr, args, &c->st, buf, len));
	if (nr == SYS_restart_syscall)
		/* As strace: the call it resumes is the thread's call before;
		 * for a thread just attached (none seen) strace's first entry,
		 * read, as strace 6.1 prints it. */
		n = snprintf(p->scratch, p->scratch_cap,
		             "restart_syscall(<... resuming interrupted %s ...>", pr_name_of(prev));
	if (staging && p->o.mode == REVEL_PRINT_TEXT) {
		/* The whole line waits in the call, its prefix as at its entry. */
		pr_stage_begin(p, c, true);
		pr_prefix(p, tid);
		if (p->o.syscall_number) /* strace: the number before the ip */
			pr_printf(p, "[%4ld] ", nr);
		pr_put_ip(p, c->ip);
		pr_put(p, p->scratch, (size_t)n);
		pr_stage_end(p);
		p->printing = tid; /* strace's printing_tcp: see pr_stage_cut */
		return 0;
	}
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
	pr_cut_open_line(p, tid);
	if (p->printing != tid) {
		pr_prefix(p, tid);
		if (p->o.syscall_number) /* strace: the number before the ip */
			pr_printf(p, "[%4ld] ", nr);
		pr_put_ip(p, c->ip);
	}
	pr_put(p, p->scratch, (size_t)n);
	p->printing = tid;
	return 0;
}

static void resumed(revel_printer *p, struct call *c)
{
	pr_cut_open_line(p, c->tid);
	/* -ff: only a call begun in another file (an execve that took the
	 * leader's tid) says it resumes. */
	bool cut = p->sep_name ? c->reprint : p->printing != c->tid;
	c->reprint = false;
	if (cut) {
		pr_prefix(p, c->tid);
		if (p->o.syscall_number)
			pr_printf(p, "[%4ld] ", c->nr);
		pr_put_ip(p, c->ip);
		pr_printf(p, "<... %s resumed>", pr_name_of(c->nr));
	}
}

/* Spaces up to the result column (-a N, else 40), at least one, then "= ". */
static void to_result_column(revel_printer *p)
{
	static const char pad[] =
	    "                                                                = ";
	size_t col = p->o.align ? (size_t)(p->o.column > 0 ? p->o.column : 0) : RESULT_COLUMN;
	size_t n = p->curcol + 1 < col ? col - p->curcol : 1;
	while (n > sizeof pad - 3) {
		pr_put(p, pad, sizeof pad - 3);
		n -= sizeof pad - 3;
	}
	pr_put(p, pad + sizeof pad - 1 - 2 - n, n + 2);
}

static void died_in_call(revel_printer *p, struct call *c);

/* exit and exit_group do not return: strace ends their line at once,
 * " = ?", where another line would cut it: it sees the caller's exit first,
 * before the threads exit_group takes with it (revel may hear of them
 * first). Staged (-e status=), the line goes out whole, as an unfinished
 * call's, or not at all. False for any other call. */
bool pr_end_exit_call(revel_printer *p, pid_t tid)
{
	struct call *c = pr_find(p, tid);
	if (!c || !c->in_call || c->injected || (c->nr != SYS_exit && c->nr != SYS_exit_group))
		return false;
	if (pr_staging(p)) {
		died_in_call(p, c);
		p->printing = 0;
		return true;
	}
	c->in_call = false;
	pr_put(p, ")", 1);
	to_result_column(p);
	pr_put(p, "?", 1);
	pr_newline(p);
	return true;
}

int revel_printer_exit(revel_printer *p, pid_t tid, int64_t result)
{
	if (!pr_calls_shown(p, tid))
		return 0;
	struct call *c = pr_find(p, tid);
	if (!c || !c->in_call)
		return -ENOENT;
	c->in_call = false;
	if (c->hidden)
		return 0;
	/* Counted whatever its status, as strace -c and -C count it. */
	if (p->counting)
		pr_count_exit(p, c, result);
	if (p->o.mode == REVEL_PRINT_COUNT)
		return 0;
	bool staging = pr_staging(p);
	bool shown = pr_status_shown(p, result < 0 && result >= -4095 ? REVEL_STATUS_FAILED
	                                                              : REVEL_STATUS_SUCCESSFUL);
	if (staging && !shown) {
		pr_stage_publish(p, tid, false); /* the staged entry half goes too */
		return 0;
	}
	pr_set_fmt(p, tid, c->sp);
	int n;
	FORMAT_INTO_SCRATCH(p, n,
	                    revel_format_exit(&p->fmt, c->nr, c->args, &c->st, result, buf, len));
	if (p->o.mode == REVEL_PRINT_JSON) {
		pr_json_call(p, c, p->scratch, n, true, result);
		return 0;
	}
	if (staging) {
		pr_stage_begin(p, c, false);
	} else {
		pr_select_out(p, tid);
		c = pr_find(p, tid); /* select_out may have grown the table */
		resumed(p, c);
	}
	pr_put(p, p->scratch, (size_t)n);
	to_result_column(p);
	/* exit and exit_group return only when a rule fails them: their result
	 * then prints as a plain decimal one (getpid's kind), not "?". */
	long rnr = c->nr == SYS_exit || c->nr == SYS_exit_group ? SYS_getpid : c->nr;
	FORMAT_INTO_SCRATCH(p, n,
	                    revel_format_result(&p->fmt, rnr, c->args, &c->st, result, buf, len));
	pr_put(p, p->scratch, (size_t)n);
	if (c->injected)
		pr_puts(p, " (INJECTED)");
	c->injected = false;
	pr_syscall_time(p, c);
	pr_newline(p);
	if (staging) {
		pr_stage_end(p);
		pr_stage_publish(p, tid, true);
		c = pr_find(p, tid); /* publishing may have grown the table (-ff) */
	}
	if (c && (p->dump_fds || p->o.dump_rest))
		pr_dump(p, c, result);
	if (p->o.stack_trace)
		pr_stack_print(p, tid, &c->stack);
	/* A failed execve: what the process says next (revel's "exec: ..."
	 * for the command, a shell's "not found") comes after its line, as
	 * under strace. */
	if (c->nr == SYS_execve && result < 0)
		revel_printer_flush(p);
	return 0;
}

int revel_printer_injected(revel_printer *p, pid_t tid)
{
	if (!pr_shown(p, tid))
		return 0;
	struct call *c = pr_find(p, tid);
	if (!c || !c->in_call)
		return -ENOENT;
	c->injected = true;
	return 0;
}

int revel_printer_signal(revel_printer *p, pid_t tid, int sig, const void *info)
{
	if (!pr_calls_shown(p, tid))
		return 0;
	if (p->o.mode == REVEL_PRINT_COUNT || pr_signal_hidden(p, sig))
		return 0;
	pr_set_fmt(p, tid, 0);
	int n;
	FORMAT_INTO_SCRATCH(p, n, revel_format_signal(&p->fmt, sig, info, buf, len));
	if (p->o.mode == REVEL_PRINT_JSON) {
		const char *name = revel_signal_name(sig);
		pr_printf(p, "{\"pid\":%d,\"tid\":%d,\"signal\":", (int)tid, (int)tid);
		if (name)
			pr_json_str(p, name, strlen(name));
		else
			pr_printf(p, "%d", sig);
		pr_puts(p, ",\"text\":");
		pr_json_str(p, p->scratch, (size_t)n);
		pr_puts(p, "}");
		pr_newline(p);
		return 0;
	}
	pr_select_out(p, tid);
	pr_cut_open_line(p, 0);
	pr_prefix(p, tid);
	pr_put_last_nr(p, tid); /* strace: the number before the ip */
	if (p->o.instruction_pointer)
		pr_put_ip(p, p->o.ip_of ? p->o.ip_of(p->o.ctx, tid) : 0);
	pr_puts(p, "--- ");
	pr_put(p, p->scratch, (size_t)n);
	pr_puts(p, " ---");
	pr_newline(p);
	if (p->o.stack_trace)
		pr_stack_print(p, tid, NULL);
	return 0;
}

int revel_printer_stopped(revel_printer *p, pid_t tid, int sig)
{
	if (!pr_calls_shown(p, tid) || p->o.mode == REVEL_PRINT_COUNT)
		return 0;
	const char *name = revel_signal_name(sig);
	if (p->o.mode == REVEL_PRINT_JSON) {
		pr_printf(p, "{\"pid\":%d,\"tid\":%d,\"stopped\":", (int)tid, (int)tid);
		if (name)
			pr_json_str(p, name, strlen(name));
		else
			pr_printf(p, "%d", sig);
		pr_puts(p, "}");
		pr_newline(p);
		return 0;
	}
	pr_select_out(p, tid);
	pr_cut_open_line(p, 0);
	pr_prefix(p, tid);
	pr_put_last_nr(p, tid);
	if (p->o.instruction_pointer)
		pr_put_ip(p, p->o.ip_of ? p->o.ip_of(p->o.ctx, tid) : 0);
	if (name)
		pr_printf(p, "--- stopped by %s ---", name);
	else
		pr_printf(p, "--- stopped by %d ---", sig);
	pr_newline(p);
	return 0;
}

/* strace -n numbers signal and exit lines too, with the number of the
 * thread's last call (none before its first). */
static void pr_put_last_nr(revel_printer *p, pid_t tid)
{
	struct call *c = p->o.syscall_number ? pr_find(p, tid) : NULL;
	if (c && c->seen)
		pr_printf(p, "[%4ld] ", c->nr);
}

/* The end of a call its thread died in (exit, exit_group, or any call a
 * kill or another thread's exec cut short): " = ?", after " <unfinished
 * ...>" where the call had arguments left for its exit, as strace. */
static void died_in_call(revel_printer *p, struct call *c)
{
	pid_t tid = c->tid;
	c->in_call = false; /* not in the -c table: strace counts a call at its exit */
	bool staging = pr_staging(p);
	if (c->hidden || p->o.mode == REVEL_PRINT_COUNT) {
		return;
	} else if (staging && !pr_status_shown(p, REVEL_STATUS_UNFINISHED)) {
		pr_stage_publish(p, tid, false); /* dropped, staged line and all */
	} else if (p->o.mode == REVEL_PRINT_JSON) {
		pr_set_fmt(p, tid, c->sp);
		int n;
		FORMAT_INTO_SCRATCH(
		    p, n, revel_format_exit(&p->fmt, c->nr, c->args, &c->st, 0, buf, len));
		pr_json_call(p, c, p->scratch, n - 1, false, 0); /* without ")" */
	} else {
		if (staging) {
			pr_stage_begin(p, c, false);
		} else {
			pr_select_out(p, tid);
			c = pr_find(p, tid); /* select_out may have grown the table */
			resumed(p, c);
		}
		const struct revel_syscall_info *i = revel_syscall_by_nr(c->nr);
		if (i && c->st.printed < i->nargs)
			pr_puts(p, " <unfinished ...>");
		pr_put(p, ")", 1);
		to_result_column(p);
		pr_put(p, "?", 1);
		pr_newline(p);
		if (staging) {
			pr_stage_end(p);
			pr_stage_publish(p, tid, true);
		}
	}
}

/* The stack exit or exit_group took at its entry: strace prints it when the
 * thread is gone, after its "+++" line. */
static void exit_stack(revel_printer *p, char *taken)
{
	if (taken)
		pr_stack_print(p, 0, &taken);
}

static int exited_lines(revel_printer *p, pid_t tid, int status)
{
	struct call *c = pr_find(p, tid);
	long last_nr = c && c->seen ? c->nr : -1;
	char *taken = c ? c->stack : NULL;
	if (c)
		c->stack = NULL;
	if (c && c->in_call)
		died_in_call(p, c);
	p->gone_tid = tid; /* -Y: its name for its exit line */
	if (c)
		memcpy(p->gone_comm, c->comm, sizeof p->gone_comm);
	pr_drop(p, tid);
	if (p->o.mode == REVEL_PRINT_COUNT) {
		free(taken);
		return 0;
	}
	int sig = status & 0x7f;
	if (sig && pr_signal_hidden(p, sig))
		return 0; /* strace -e signal=: its killed line goes with its signal lines */
	if (p->o.mode == REVEL_PRINT_JSON) {
		pr_printf(p, "{\"pid\":%d,\"tid\":%d,", (int)tid, (int)tid);
		if (sig)
			pr_printf(p, "\"killed\":\"%s\"}",
			          revel_signal_name(sig) ? revel_signal_name(sig) : "?");
		else
			pr_printf(p, "\"exited\":%d}", (status >> 8) & 0xff);
		pr_newline(p);
		free(taken);
		return 0;
	}
	if (p->o.quiet_exit) {
		exit_stack(p, taken);
		return 0;
	}
	pr_cut_open_line(p, 0);
	pr_prefix(p, tid);
	if (p->o.syscall_number && last_nr >= 0) /* before the ip, as strace */
		pr_printf(p, "[%4ld] ", last_nr);
	if (p->o.instruction_pointer)
		pr_puts(p, "[????????????????] "); /* strace: the thread is gone */
	if (sig) {
		const char *name = revel_signal_name(sig);
		if (name)
			pr_printf(p, "+++ killed by %s%s +++", name,
			          status & 0x80 ? " (core dumped)" : "");
		else
			pr_printf(p, "+++ killed by %d +++", sig);
	} else {
		pr_printf(p, "+++ exited with %d +++", (status >> 8) & 0xff);
	}
	pr_newline(p);
	exit_stack(p, taken);
	return 0;
}

int revel_printer_exited(revel_printer *p, pid_t tid, int status)
{
	if (!pr_shown(p, tid))
		return 0;
	if (!p->sep_name || p->o.mode != REVEL_PRINT_TEXT)
		return exited_lines(p, tid, status);
	/* -ff: the thread's last lines, then its file is closed. */
	pr_select_out(p, tid);
	struct call *c = pr_find(p, tid);
	int fd = c && c->fd_open ? c->fd : -1;
	int rc = exited_lines(p, tid, status);
	revel_printer_flush(p);
	if (fd >= 0)
		close(fd);
	p->o.fd = -1;
	p->out_tid = 0;
	return rc;
}

int revel_printer_detached(revel_printer *p, pid_t tid)
{
	if (!pr_shown(p, tid))
		return 0;
	struct call *c = pr_find(p, tid);
	if (!c || !c->in_call)
		return 0;
	c->in_call = false;
	if (p->o.mode != REVEL_PRINT_TEXT || c->hidden)
		return 0; /* no result to count or to put in an object; -P: not shown */
	if (pr_staging(p)) {
		/* strace: the staged line ends so, shown as status "detached" */
		if (!pr_status_shown(p, REVEL_STATUS_DETACHED)) {
			pr_stage_publish(p, tid, false);
			return 0;
		}
		pr_stage_begin(p, c, false);
		pr_puts(p, " <detached ...>");
		pr_newline(p);
		pr_stage_end(p);
		pr_stage_publish(p, tid, true);
		return 0;
	}
	pr_select_out(p, tid);
	c = pr_find(p, tid);
	resumed(p, c);
	pr_puts(p, " <detached ...>");
	pr_newline(p);
	return 0;
}

int revel_printer_superseded(revel_printer *p, pid_t tid, pid_t by)
{
	if (!pr_shown(p, tid))
		return 0;
	if (p->o.root_only) {
		/* strace without -f: the root's call ends, and nothing more of
		 * the process shows but its end. */
		struct call *c = pr_find(p, tid);
		if (c && c->in_call)
			died_in_call(p, c);
		p->root_superseded = true;
		return 0;
	}
	if (p->sep_name && p->o.mode == REVEL_PRINT_TEXT)
		pr_select_out(p, tid);
	struct call *c = pr_find(p, tid);
	long last_nr = c && c->seen ? c->nr : -1;
	if (c && c->in_call)
		died_in_call(p, c);
	if (p->o.mode == REVEL_PRINT_JSON) {
		pr_printf(p, "{\"pid\":%d,\"tid\":%d,\"superseded_by\":%d}", (int)tid, (int)tid,
		          (int)by);
		pr_newline(p);
	} else if (p->o.mode == REVEL_PRINT_TEXT && !p->o.quiet_superseded) {
		pr_cut_open_line(p, 0);
		pr_prefix(p, tid);
		if (p->o.syscall_number && last_nr >= 0) /* before the ip, as strace */
			pr_printf(p, "[%4ld] ", last_nr);
		if (p->o.instruction_pointer)
			pr_puts(p, "[????????????????] ");
		pr_printf(p, "+++ superseded by execve in pid %d +++", (int)by);
		pr_newline(p);
	}
	int leader_fd = -1;
	if (p->sep_name && p->o.mode == REVEL_PRINT_TEXT) {
		/* -ff: the leader's file goes on with the execve's thread, and
		 * that thread's own file ends "<pid changed to PID ...>". */
		revel_printer_flush(p);
		c = pr_find(p, tid);
		if (c && c->fd_open)
			leader_fd = c->fd;
		if (c)
			c->fd_open = false;
		struct call *f = pr_find(p, by);
		if (f && f->in_call) {
			pr_select_out(p, by);
			pr_printf(p, " <pid changed to %d ...>", (int)tid);
			pr_newline(p);
			revel_printer_flush(p);
		}
		f = pr_find(p, by);
		if (f && f->fd_open)
			close(f->fd);
		if (f)
			f->fd_open = false;
		p->o.fd = -1;
		p->out_tid = 0;
	}
	pr_drop(p, tid);
	/* The execve in flight goes on as tid: "<... execve resumed>) = 0". */
	pr_rekey(p, by, tid);
	if (p->printing == by)
		p->printing = tid;
	if (p->sep_name && p->o.mode == REVEL_PRINT_TEXT) {
		c = pr_get(p, tid);
		if (!c) {
			if (leader_fd >= 0)
				close(leader_fd);
			return -ENOMEM;
		}
		c->fd = leader_fd;
		c->fd_open = leader_fd >= 0;
		c->col = 0;
		c->reprint = c->in_call;
	}
	return 0;
}
