/* printer_filter.c: which lines strace's filters let through: -P PATH (a
 * call that names a path, by argument or by fd), -e signal=SET (signal and
 * killed lines) and the status filter (-z, -Z, -e status=), whose lines are
 * staged whole in the call until its outcome is known, as strace stages
 * them in a memstream. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "printer_internal.h"

/* ---- -P ---- */

int pr_paths_init(revel_printer *p, const struct revel_printer_opts *o)
{
	p->o.trace_paths = NULL;
	p->o.ntrace_paths = 0;
	if (o->ntrace_paths <= 0 || !o->trace_paths)
		return 0;
	p->paths = calloc((size_t)o->ntrace_paths, sizeof *p->paths);
	if (!p->paths)
		return -ENOMEM;
	for (int i = 0; i < o->ntrace_paths; i++) {
		if (!o->trace_paths[i])
			continue;
		p->paths[p->npaths] = strdup(o->trace_paths[i]);
		if (!p->paths[p->npaths])
			return -ENOMEM;
		p->npaths++;
	}
	return 0;
}

void pr_paths_free(revel_printer *p)
{
	for (int i = 0; i < p->npaths; i++)
		free(p->paths[i]);
	free(p->paths);
	p->paths = NULL;
	p->npaths = 0;
}

static bool path_listed(revel_printer *p, const char *path)
{
	for (int i = 0; i < p->npaths; i++)
		if (strcmp(path, p->paths[i]) == 0)
			return true;
	return false;
}

/* A path argument: read as strace reads it, up to PATH_MAX + 1 bytes with
 * its NUL (a longer one matches nothing), page by page. */
static bool upath_match(revel_printer *p, pid_t tid, uint64_t addr)
{
	static char buf[PATH_MAX + 1];
	if (!addr || !p->o.read)
		return false;
	size_t len = 0;
	while (len < sizeof buf) {
		uint64_t a = addr + len;
		size_t chunk = 4096 - (a & 4095);
		if (chunk > sizeof buf - len)
			chunk = sizeof buf - len;
		ssize_t r = p->o.read(p->o.ctx, tid, a, buf + len, chunk);
		if (r <= 0)
			return false;
		if ((size_t)r > chunk)
			r = (ssize_t)chunk;
		if (memchr(buf + len, 0, (size_t)r))
			return path_listed(p, buf);
		len += (size_t)r;
		if ((size_t)r < chunk)
			return false;
	}
	return false;
}

/* An fd: its /proc/TID/fd link, less the " (deleted)" the kernel adds to a
 * file unlinked since (unless a file of that very name is the same one). */
static bool fd_match(revel_printer *p, pid_t tid, int64_t arg)
{
	int fd = (int)arg; /* the kernel takes an int */
	if (fd < 0)
		return false;
	char link[64], path[PATH_MAX + 1];
	snprintf(link, sizeof link, "/proc/%d/fd/%d", (int)tid, fd);
	ssize_t n = readlink(link, path, sizeof path - 1);
	if (n < 0)
		return false;
	path[n] = 0;
	static const char del[] = " (deleted)";
	if ((size_t)n > sizeof del && strcmp(path + n - (sizeof del - 1), del) == 0) {
		struct stat sl, sp;
		char *at = path + n - (sizeof del - 1);
		if (stat(link, &sl) == 0) {
			*at = 0;
			bool same = lstat(path, &sp) == 0 && sl.st_ino == sp.st_ino &&
			            sl.st_dev == sp.st_dev;
			if (same)
				*at = ' ';
		}
	}
	return path_listed(p, path);
}

/* select's fd sets: any fd set in any of them, up to nfds. */
static bool fdset_match(revel_printer *p, pid_t tid, const int64_t args[6])
{
	int nfds = (int)args[0];
	if (nfds <= 0 || !p->o.read)
		return false;
	if (nfds > 1024 * 1024)
		nfds = 1024 * 1024;
	size_t size = (((size_t)nfds + 7) / 8 + 7) & ~(size_t)7;
	unsigned char *bits = malloc(size);
	if (!bits)
		return false;
	bool hit = false;
	for (int i = 1; i <= 3 && !hit; i++) {
		if (!args[i] ||
		    p->o.read(p->o.ctx, tid, (uint64_t)args[i], bits, size) != (ssize_t)size)
			continue;
		for (int fd = 0; fd < nfds && !hit; fd++)
			if (bits[fd / 8] & (1u << (fd % 8)))
				hit = fd_match(p, tid, fd);
	}
	free(bits);
	return hit;
}

static bool pollfd_match(revel_printer *p, pid_t tid, const int64_t args[6])
{
	uint64_t start = (uint64_t)args[0];
	unsigned int nfds = (unsigned int)args[1];
	if (nfds > 1024 * 1024)
		nfds = 1024 * 1024;
	if (!nfds || !p->o.read || start + (uint64_t)nfds * sizeof(struct pollfd) < start)
		return false;
	for (unsigned int i = 0; i < nfds; i++) {
		struct pollfd pf;
		if (p->o.read(p->o.ctx, tid, start + i * sizeof pf, &pf, sizeof pf) != sizeof pf)
			return false;
		if (fd_match(p, tid, pf.fd))
			return true;
	}
	return false;
}

/* Whether the call names one of -P's paths: strace's pathtrace_match, by
 * where each call keeps its paths and fds (arg 0 unless said otherwise). */
bool pr_path_match(revel_printer *p, pid_t tid, long nr, const int64_t a[6])
{
	const struct revel_syscall_info *info = revel_syscall_by_nr(nr);
	unsigned int cls = info ? info->classes : 0;
	if (!(cls & (REVEL_CLASS_FILE | REVEL_CLASS_DESC | REVEL_CLASS_NETWORK)))
		return false;
	switch (nr) {
	case SYS_dup2:
	case SYS_dup3:
	case SYS_kexec_file_load:
	case SYS_sendfile:
	case SYS_tee:
	case SYS_copy_file_range: /* fd, x, fd */
	case SYS_splice:
		if (nr == SYS_copy_file_range || nr == SYS_splice)
			return fd_match(p, tid, a[0]) || fd_match(p, tid, a[2]);
		return fd_match(p, tid, a[0]) || fd_match(p, tid, a[1]);
	case SYS_execveat:
	case SYS_faccessat:
	case SYS_faccessat2:
	case SYS_fchmodat:
	case SYS_fchownat:
	case SYS_fspick:
	case SYS_futimesat:
	case SYS_inotify_add_watch:
	case SYS_mkdirat:
	case SYS_mknodat:
	case SYS_mount_setattr:
	case SYS_name_to_handle_at:
	case SYS_newfstatat:
	case SYS_open_tree:
	case SYS_openat:
	case SYS_openat2:
	case SYS_readlinkat:
	case SYS_statx:
	case SYS_unlinkat:
	case SYS_utimensat: /* fd, path */
		return fd_match(p, tid, a[0]) || upath_match(p, tid, (uint64_t)a[1]);
	case SYS_link:
	case SYS_mount:
	case SYS_pivot_root: /* path, path */
		return upath_match(p, tid, (uint64_t)a[0]) || upath_match(p, tid, (uint64_t)a[1]);
	case SYS_quotactl:
	case SYS_symlink: /* x, path */
		return upath_match(p, tid, (uint64_t)a[1]);
	case SYS_linkat:
	case SYS_move_mount:
	case SYS_renameat:
	case SYS_renameat2: /* fd, path, fd, path */
		return fd_match(p, tid, a[0]) || fd_match(p, tid, a[2]) ||
		       upath_match(p, tid, (uint64_t)a[1]) || upath_match(p, tid, (uint64_t)a[3]);
	case SYS_mmap: /* x, x, x, x, fd */
		return fd_match(p, tid, a[4]);
	case SYS_symlinkat: /* x, fd, path */
		return fd_match(p, tid, a[1]) || upath_match(p, tid, (uint64_t)a[2]);
	case SYS_epoll_ctl: /* x, x, fd */
		return fd_match(p, tid, a[2]);
	case SYS_fanotify_mark: /* x, x, mask, fd, path */
		return fd_match(p, tid, a[3]) || upath_match(p, tid, (uint64_t)a[4]);
	case SYS_select:
	case SYS_pselect6:
		return fdset_match(p, tid, a);
	case SYS_poll:
	case SYS_ppoll:
		return pollfd_match(p, tid, a);
	case SYS_fsconfig: /* x, cmd, x, maybe path, maybe fd */
		switch ((unsigned int)a[1]) {
		case 3: /* FSCONFIG_SET_PATH */
		case 4: /* FSCONFIG_SET_PATH_EMPTY */
			return fd_match(p, tid, a[4]) || upath_match(p, tid, (uint64_t)a[3]);
		case 5: /* FSCONFIG_SET_FD */
			return fd_match(p, tid, a[4]);
		}
		return false;
	case SYS_bpf:
	case SYS_epoll_create:
	case SYS_epoll_create1:
	case SYS_eventfd2:
	case SYS_eventfd:
	case SYS_fanotify_init:
	case SYS_fsopen:
	case SYS_inotify_init:
	case SYS_inotify_init1:
	case SYS_io_uring_setup:
	case SYS_landlock_create_ruleset:
	case SYS_memfd_create:
	case SYS_memfd_secret:
	case SYS_mq_open:
	case SYS_perf_event_open:
	case SYS_pidfd_open:
	case SYS_pipe:
	case SYS_pipe2:
	case SYS_socket:
	case SYS_socketpair:
	case SYS_timerfd_create:
	case SYS_userfaultfd:
		return false; /* in the classes, but no fd or path to look at */
	}
	if (cls & REVEL_CLASS_FILE)
		return upath_match(p, tid, (uint64_t)a[0]);
	return fd_match(p, tid, a[0]);
}

/* ---- -e signal= ---- */

bool pr_signal_hidden(const revel_printer *p, int sig)
{
	if (sig < 0 || sig > 255)
		return false;
	return (p->o.signal_hide[sig / 64] >> (sig % 64)) & 1;
}

/* ---- the status filter ---- */

bool pr_staging(const revel_printer *p)
{
	return p->o.status_hide && p->o.mode != REVEL_PRINT_COUNT;
}

bool pr_status_shown(const revel_printer *p, unsigned int status)
{
	return !(p->o.status_hide & status);
}

/* pr_put's bytes go to c's staged line from now on, at its own column. */
void pr_stage_begin(revel_printer *p, struct call *c, bool fresh)
{
	if (fresh) {
		c->text_len = 0;
		c->stage_col = 0;
	}
	p->stage = c;
	p->curcol = c->stage_col;
}

void pr_stage_end(revel_printer *p)
{
	p->stage->stage_col = p->curcol;
	p->stage = NULL;
	p->curcol = 0; /* no call's line is ever open on the output itself */
}

/* Appends to the staged line; a line that cannot grow loses its tail. */
void pr_stage_put(revel_printer *p, const char *s, size_t n)
{
	struct call *c = p->stage;
	if (c->text_len + n > c->text_cap) {
		size_t cap = c->text_cap ? c->text_cap : 256;
		while (cap < c->text_len + n)
			cap *= 2;
		char *t = realloc(c->text, cap);
		if (!t)
			return;
		c->text = t;
		c->text_cap = cap;
	}
	memcpy(c->text + c->text_len, s, n);
	c->text_len += n;
	p->curcol += n;
}

/* strace's own way (its printleader): a line of no call (a signal, an
 * exit) cuts the staged line of the thread that entered a call last, if no
 * call's line ended since: " <unfinished ...>" and a newline go into that
 * staged line, whose rest then starts a line of its own, ")    = 0". */
void pr_stage_cut(revel_printer *p)
{
	struct call *c = pr_find(p, p->printing);
	p->printing = 0;
	if (!c || !c->in_call || c->hidden || !c->stage_col)
		return;
	pr_stage_begin(p, c, false);
	pr_puts(p, " <unfinished ...>\n");
	p->curcol = 0;
	pr_stage_end(p);
}

/* The staged line of tid's call goes out whole, or is dropped; either way
 * no call's line is open any more. */
void pr_stage_publish(revel_printer *p, pid_t tid, bool publish)
{
	p->printing = 0;
	if (!publish)
		return;
	pr_select_out(p, tid);
	struct call *c = pr_find(p, tid);
	if (c && c->text_len) {
		pr_put(p, c->text, c->text_len);
		p->curcol = 0;
		p->printing = 0;
	}
}
