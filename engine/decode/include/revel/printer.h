/* revel/printer.h: strace's output, line by line, for a tool in C or Lua.
 *
 * The printer owns what strace's output loop owns: each thread's call in
 * flight (entry half printed, exit half pending), "<unfinished ...>" and
 * "<... NAME resumed>" when another thread's line cuts in, the pid prefix,
 * the result column, signal and exit lines, the -c summary and --json lines.
 * Output is buffered and written with write(2) to one fd; a write that fails
 * loses that buffer, is said on stderr when the output has a name, and the
 * next buffer is tried again (a disk that was full may not be any more). */
#ifndef REVEL_PRINTER_H
#define REVEL_PRINTER_H

#include <stdint.h>
#include <sys/types.h>
#include "revel/format.h"
#include "revel/frame.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ffi.cdef begin */
typedef struct revel_printer revel_printer;

enum revel_print_mode {
	REVEL_PRINT_TEXT = 0, /* strace lines */
	REVEL_PRINT_JSON,     /* one JSON object per call, signal and exit */
	REVEL_PRINT_COUNT,    /* nothing per call; a summary table at the end (-c) */
};

/* A call's outcome, for strace's status filter (-z, -Z, -e status=). */
enum revel_print_status {
	REVEL_STATUS_SUCCESSFUL = 1 << 0,  /* returned, not an error */
	REVEL_STATUS_FAILED = 1 << 1,      /* returned -1 with an errno */
	REVEL_STATUS_UNFINISHED = 1 << 2,  /* its thread ended in it (exit_group: "= ?") */
	REVEL_STATUS_UNAVAILABLE = 1 << 3, /* its result could not be read: never, in revel */
	REVEL_STATUS_DETACHED = 1 << 4,    /* the tracer let go during it: never, in revel */
};

enum revel_print_prefix {
	REVEL_PREFIX_MULTI = 0, /* "[pid  N] " while more than one task lives (stderr) */
	REVEL_PREFIX_ALWAYS,    /* "N     " on every line (strace -f -o FILE) */
	REVEL_PREFIX_NONE,
};

/* How -t/-tt/-ttt (--absolute-timestamps) print the wall clock. */
enum revel_time_format {
	REVEL_TIME_NONE = 0,
	REVEL_TIME_CLOCK = 1, /* 10:00:06 (strftime's %T, local time) */
	REVEL_TIME_UNIX = 2,  /* 1796637606 (seconds since the epoch) */
};

/* The -c table's columns (strace -U), in the order given; and the sort
 * keys (strace -S): a column, or REVEL_SORT_NOTHING (the syscall numbers'
 * order). */
enum revel_summary_column {
	REVEL_COL_END = 0, /* ends the list; as a sort key: strace's default, time */
	REVEL_COL_PERCENT = 1,
	REVEL_COL_TOTAL = 2,
	REVEL_COL_MIN = 3,
	REVEL_COL_MAX = 4,
	REVEL_COL_AVG = 5,
	REVEL_COL_CALLS = 6,
	REVEL_COL_ERRORS = 7,
	REVEL_COL_NAME = 8,
	REVEL_SORT_NOTHING = 9,
};

struct revel_printer_opts {
	int fd;                /* where lines go */
	int mode;              /* enum revel_print_mode */
	int prefix;            /* enum revel_print_prefix */
	int string_limit;      /* -s N; 32 when 0 */
	int fmt_flags;         /* enum revel_fmt_flags */
	revel_mem_reader read; /* e.g. revel_mem_read with ctx = the engine; NULL reads nothing */
	void *ctx;
	/* The output's name (-o FILE; copied): a write that fails is said once,
	 * at the first, on stderr as "revel: NAME: ERROR", as strace says it.
	 * NULL: not said (the output is stderr itself). */
	const char *name;
	/* Nonzero: only the root's lines are printed and counted (strace
	 * without -f: the command's process): revel_printer_root's, else the
	 * task the printer first hears of. */
	int root_only;
	/* Nonzero: no "+++ exited/killed +++" lines (strace -qq). */
	int quiet_exit;
	/* Nonzero: each call's line starts with its number, "[  12] " (strace -n). */
	int syscall_number;
	/* Nonzero: lines start with the thread's instruction pointer at the
	 * call or signal, "[00007f...] " (strace -i), got with ip_of(ctx, tid);
	 * an exit line has "[????????????????] ". */
	int instruction_pointer;
	uint64_t (*ip_of)(void *ctx, pid_t tid);
	/* strace -ff -o NAME: each thread's lines go to NAME.TID (created or
	 * truncated at its first line, closed at its exit), with no pid and no
	 * "<unfinished ...>"; fd is then unused. NULL: one output. Copied. */
	const char *separate;
	/* -t, -tt, -ttt, --absolute-timestamps: each line starts with the wall
	 * clock (CLOCK_REALTIME) when it is printed, with abs_digits digits of
	 * the second (0, 3, 6 or 9). enum revel_time_format. */
	int abs_time;
	int abs_digits;
	/* -r: each line starts with the time since the previous line started
	 * (CLOCK_MONOTONIC), rel_digits digits of the second. */
	int rel_time;
	int rel_digits;
	/* -T: " <0.000012>" after each result, the time from the call's entry
	 * to its exit (CLOCK_MONOTONIC), syscall_digits digits of the second. */
	int syscall_times;
	int syscall_digits;
	/* -C: the lines and, at the end, the -c table (mode TEXT). */
	int summary;
	/* The -c table's times: nonzero (-w), the wall clock from entry to exit;
	 * zero, the thread's system CPU time over the call, got with
	 * cpu_of(ctx, tid) (ns; the engine's revel_stop_cputime), or the wall
	 * clock as with -w when cpu_of is NULL. */
	int summary_wall;
	int64_t (*cpu_of)(void *ctx, pid_t tid);
	/* -O: taken off each call's time (ns), never below zero. */
	int64_t summary_overhead_ns;
	/* -S: enum revel_summary_column; REVEL_COL_END: by time. */
	int summary_sort;
	/* -U: the columns, REVEL_COL_END after the last; none: strace's default
	 * (time percent, seconds, usecs/call, calls, errors, syscall). The name
	 * column is added last when missing. */
	unsigned char summary_columns[12];
	/* Nonzero: results go at column `column` (strace -a N, 0 included);
	 * zero: at column 40. */
	int align;
	int column;
	/* Nonzero: string_limit is taken as given, 0 included (strace -s 0:
	 * every string "..."). */
	int exact_limit;
	/* Nonzero: -ff's NAME.TID files are appended to, not truncated (-A). */
	int append;
	/* REVEL_NR_MAX bytes of enum revel_fmt_style by syscall number (-e raw=,
	 * -e abbrev=, -e verbose=, -v); copied. NULL: none. */
	const unsigned char *styles;
	/* -e read=SET / -e write=SET: the data each read from or written to a
	 * listed fd is dumped in hex and ASCII under the line, as strace does.
	 * dump_fds[fd] for fd < dump_nfds, dump_rest for the others: bit 1
	 * read, bit 2 write. Copied. */
	const unsigned char *dump_fds;
	int dump_nfds;
	int dump_rest;
	/* Nonzero: no "+++ superseded by execve in pid N +++" lines (strace
	 * -qqq, --quiet=superseded). */
	int quiet_superseded;
	/* Nonzero: each call's line, signal line and exit is followed by the
	 * thread's stack, one " > FILE(FUNC+0xOFF) [0xREL]" line a frame, as
	 * strace -k prints it: the stack at the call's entry for execve and
	 * exit_group (printed after the line, and after "+++ exited" for an
	 * exit), at its exit for the rest. stack_of(ctx, tid, frames, max)
	 * fills the frames (revel_backtrace()'s contract); NULL: none. 2: also
	 * " FILE:LINE" after a frame whose source is known (--stack-traces=source). */
	int stack_trace;
	int (*stack_of)(void *ctx, pid_t tid, struct revel_frame *frames, int max);
	/* strace -z, -Z, -e status=SET: the enum revel_print_status bits whose
	 * calls are not printed. Nonzero: each call's line is kept whole until
	 * its outcome is known, so no "<unfinished ...>" cuts (strace's staged
	 * output). Ignored with REVEL_PRINT_COUNT, as strace -c ignores it. */
	unsigned int status_hide;
	/* strace -e signal=SET: bit N%64 of signal_hide[N/64] hides signal N's
	 * "--- SIG ---" and "+++ killed by SIG +++" lines. */
	uint64_t signal_hide[4];
	/* strace -P PATH: when ntrace_paths > 0, only calls that name one of
	 * these paths, in a path argument or by an fd whose /proc/PID/fd link
	 * it is, are printed and counted. Copied. */
	const char *const *trace_paths;
	int ntrace_paths;
	/* --backend=guest: what every process's printer shares (a MAP_SHARED
	 * page): the tasks alive in the whole tree, for the "[pid N]" prefix,
	 * and the -c counts, added to atomically and printed from there. NULL:
	 * this printer's own. */
	struct revel_printer_shared *shared;
};

/* One syscall's -c counts. */
struct revel_printer_count {
	uint64_t calls, errors;
	int64_t ns, min_ns, max_ns; /* time in the calls: sum, least, most */
};

struct revel_printer_shared {
	int ntasks; /* tasks alive (atomic) */
	int root;   /* the command's pid: without -f the only process printed (the guest's) */
	struct revel_printer_count counts[512]; /* REVEL_NR_MAX */
};
/* ffi.cdef end */

revel_printer *revel_printer_new(const struct revel_printer_opts *o);
/* Flushes, then frees. */
void revel_printer_free(revel_printer *p);

/* Tasks alive now, for the "[pid N]" prefix. */
void revel_printer_ntasks(revel_printer *p, int n);

/* A call starts: its entry half is printed. sp is the thread's stack
 * pointer (for rt_sigreturn). Returns 1 when the call is not printed at all
 * (-P: it names none of the paths), so that its exit need not be reported;
 * 0, or -ENOMEM. */
int revel_printer_enter(revel_printer *p, pid_t tid, long nr, const int64_t args[6], uint64_t sp);
/* The call tid started returned result: its exit half and result. */
int revel_printer_exit(revel_printer *p, pid_t tid, int64_t result);
/* The call in flight gets its result from an inject rule: " (INJECTED)"
 * follows the result, as strace prints it. */
int revel_printer_injected(revel_printer *p, pid_t tid);
/* "--- SIGCHLD {si_signo=...} ---"; info is a 128-byte siginfo or NULL. */
int revel_printer_signal(revel_printer *p, pid_t tid, int sig, const void *info);
/* "+++ exited with N +++" / "+++ killed by SIG +++" for a wait status; a call
 * left in flight (exit, exit_group) ends with " = ?" first. */
int revel_printer_exited(revel_printer *p, pid_t tid, int status);
/* "--- stopped by SIGSTOP ---": tid entered a group-stop (--json: a
 * "stopped" object). */
int revel_printer_stopped(revel_printer *p, pid_t tid, int sig);
/* The root for root_only: the process revel spawned (the first task heard
 * of is another when the trace set is narrow). */
void revel_printer_root(revel_printer *p, pid_t pid);
/* A thread's execve made it the leader: the leader tid is gone, "+++
 * superseded by execve in pid BY +++" (its call in flight ends " = ?"), and
 * BY's execve in flight goes on as tid's ("<... execve resumed>"). Without
 * -f (root_only) the root's lines stop there, as strace's, but its exit. */
int revel_printer_superseded(revel_printer *p, pid_t tid, pid_t by);
/* The -c table (only in REVEL_PRINT_COUNT mode; nothing otherwise). */
int revel_printer_summary(revel_printer *p);
/* Writes what is buffered: 0, or -errno of a write that failed. */
int revel_printer_flush(revel_printer *p);
/* Drops what is buffered and every call in flight, unwritten (a forked
 * child's copy of its parent's printer: the parent writes them). */
void revel_printer_discard(revel_printer *p);
/* The open line, if any, ends " <unfinished ...>" now, as when another
 * thread's line comes; its call's exit prints "<... NAME resumed>". */
void revel_printer_cut(revel_printer *p);
/* The call in flight of `from` goes on as `to`'s (a key no thread has: a
 * call a nested one, a signal handler's, set aside; and back). */
void revel_printer_rekey(revel_printer *p, pid_t from, pid_t to);
/* Takes up to n bytes of what is buffered (the rest is dropped): the
 * length, and the buffer is empty. */
size_t revel_printer_take(revel_printer *p, char *buf, size_t n);

/* With root_only: print tid's lines too (strace -p PID without -f prints the
 * attached tids; the first task heard of is then not the only one). */
int revel_printer_show(revel_printer *p, pid_t tid);
/* revel let go of tid (detached): a call left in flight ends with
 * " <detached ...>", as strace prints it. */
int revel_printer_detached(revel_printer *p, pid_t tid);

#ifdef __cplusplus
}
#endif
#endif
