/* printer_internal.h: the printer's state and the helpers its files share
 * (printer.c: the event loop; printer_table.c: the per-thread calls;
 * printer_output.c: the buffer, prefixes and -ff files; printer_json.c:
 * --json; printer_summary.c: -c; printer_time.c: -t, -r, -T; printer_filter.c:
 * -P, -e signal=, -z). Not installed. */
#ifndef REVEL_PRINTER_INTERNAL_H
#define REVEL_PRINTER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "revel/printer.h"
#include "revel/systable.h"

#define RESULT_COLUMN 40
#define OUTBUF 65536

struct call {
	pid_t tid; /* 0: free slot */
	long nr;
	bool in_call;
	bool reprint;  /* -ff: the call began in another thread's file */
	bool seen;     /* nr holds the thread's last call (strace -n numbers its lines) */
	bool injected; /* the result came from an inject rule: strace marks it */
	int64_t args[6];
	uint64_t sp;
	uint64_t ip; /* at the call's entry, for -i */
	int fd;      /* -ff: the thread's file, when fd_open */
	bool fd_open;
	size_t col; /* -ff: the column of the thread's open line */
	struct revel_fmt_state st;
	int64_t t_enter;   /* -T, -c: CLOCK_MONOTONIC ns at the entry */
	int64_t cpu_enter; /* -c without -w: the thread's system CPU ns then */
	char *text;        /* the entry half, kept for --json; the staged line (-z) */
	size_t text_cap;
	char *stack;      /* -k: the frames taken at entry (execve, exit), to print later */
	char comm[16];    /* -Y: its name when last read, for lines after it is gone */
	size_t text_len;  /* the staged line's length */
	size_t stage_col; /* the staged line's column */
	bool hidden;      /* -P: the call names none of the paths */
};

struct revel_printer {
	struct revel_printer_opts o;
	struct revel_fmt fmt;
	int ntasks;
	pid_t printing; /* tid whose line is open on the output, 0 for none */
	size_t curcol;  /* column on the open line */
	struct call *calls;
	size_t cap, used;
	struct revel_printer_count counts[REVEL_NR_MAX];
	char *scratch; /* formatter output */
	size_t scratch_cap;
	char out[OUTBUF];
	size_t outlen;
	char *name;           /* the output's, for a write error; NULL: not said */
	bool write_said;      /* the first failed write was said */
	pid_t root;           /* revel_printer_root's, else the first task heard of (root_only) */
	bool root_superseded; /* root_only: another thread's execve took the root's place */
	pid_t *shown;         /* root_only: the tids shown, when set (-p) */
	size_t nshown;
	char *sep_name;   /* -ff: NAME of NAME.TID; NULL: one output */
	pid_t out_tid;    /* -ff: whose file the buffer holds */
	bool counting;    /* -c or -C */
	int64_t rel_last; /* -r: CLOCK_MONOTONIC ns of the last line's start; 0: none yet */
	unsigned char styles[REVEL_NR_MAX]; /* -e raw=, abbrev=, verbose= (o.styles copied) */
	unsigned char *dump_fds;            /* -e read=, write= (o.dump_fds copied) */
	pid_t gone_tid;                     /* -Y: the thread whose exit line is printed, dropped */
	char gone_comm[16];                 /* and its name */
	time_t clock_sec;                   /* -t: the second clock_text shows */
	char clock_text[32];                /* -t: "10:00:06" */
	struct revel_frame *frames;         /* -k: one walk's frames */
	char **paths;                       /* -P */
	int npaths;
	struct call *stage; /* the call whose line pr_put stages (-z), or NULL */
};

/* Tasks alive: the tree's (shared, --backend=guest) or this printer's. */
static inline int pr_ntasks(const revel_printer *p)
{
	return p->o.shared ? __atomic_load_n(&p->o.shared->ntasks, __ATOMIC_RELAXED) : p->ntasks;
}
/* The -c counts: the tree's (shared) or this printer's. */
static inline struct revel_printer_count *pr_counts(revel_printer *p)
{
	return p->o.shared ? p->o.shared->counts : p->counts;
}

/* printer.c */
bool pr_shown(revel_printer *p, pid_t tid);
const char *pr_name_of(long nr);
void pr_set_fmt(revel_printer *p, pid_t tid, uint64_t sp);
bool pr_end_exit_call(revel_printer *p, pid_t tid);

/* printer_table.c: open addressing, backward-shift deletion */
struct call *pr_find(revel_printer *p, pid_t tid);
struct call *pr_get(revel_printer *p, pid_t tid);
void pr_drop(revel_printer *p, pid_t tid);
void pr_rekey(revel_printer *p, pid_t from, pid_t to);

/* printer_output.c */
void pr_write_failed(revel_printer *p, int err);
void pr_put(revel_printer *p, const char *s, size_t n);
void pr_puts(revel_printer *p, const char *s);
void pr_printf(revel_printer *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void pr_newline(revel_printer *p);
void pr_cut_open_line(revel_printer *p, pid_t tid);
void pr_select_out(revel_printer *p, pid_t tid);
void pr_put_nr(revel_printer *p, long nr);
void pr_put_ip(revel_printer *p, uint64_t ip);
void pr_prefix(revel_printer *p, pid_t tid);

/* printer_dump.c: -e read=SET / -e write=SET */
void pr_dump(revel_printer *p, struct call *c, int64_t result);
/* printer_stack.c (-k) */
void pr_stack_enter(revel_printer *p, struct call *c);
void pr_stack_print(revel_printer *p, pid_t tid, char **taken);
/* printer_filter.c */
int pr_paths_init(revel_printer *p, const struct revel_printer_opts *o);
void pr_paths_free(revel_printer *p);
bool pr_path_match(revel_printer *p, pid_t tid, long nr, const int64_t args[6]);
bool pr_signal_hidden(const revel_printer *p, int sig);
bool pr_staging(const revel_printer *p);
bool pr_status_shown(const revel_printer *p, unsigned int status);
void pr_stage_begin(revel_printer *p, struct call *c, bool fresh);
void pr_stage_end(revel_printer *p);
void pr_stage_put(revel_printer *p, const char *s, size_t n);
void pr_stage_cut(revel_printer *p);
void pr_stage_publish(revel_printer *p, pid_t tid, bool publish);

/* printer_json.c */
void pr_json_str(revel_printer *p, const char *s, size_t n);
void pr_json_call(revel_printer *p, struct call *c, const char *exit_text, int exit_len,
                  bool has_result, int64_t result);

/* printer_summary.c */
void pr_count_exit(revel_printer *p, struct call *c, int64_t result);

/* printer_time.c: -t, -r, -T */
int64_t pr_mono_ns(void);
void pr_time_enter(revel_printer *p, struct call *c);
void pr_stamp(revel_printer *p);
void pr_syscall_time(revel_printer *p, const struct call *c);

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

#endif
