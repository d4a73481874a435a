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

#ifdef __cplusplus
extern "C" {
#endif

typedef struct revel_printer revel_printer;

enum revel_print_mode {
	REVEL_PRINT_TEXT = 0, /* strace lines */
	REVEL_PRINT_JSON,     /* one JSON object per call, signal and exit */
	REVEL_PRINT_COUNT,    /* nothing per call; a summary table at the end (-c) */
};

enum revel_print_prefix {
	REVEL_PREFIX_MULTI = 0, /* "[pid  N] " while more than one task lives (stderr) */
	REVEL_PREFIX_ALWAYS,    /* "N     " on every line (strace -f -o FILE) */
	REVEL_PREFIX_NONE,
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
	/* Nonzero: only the root's lines are printed and counted, the task the
	 * printer first hears of (strace without -f: the command's process). */
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
};

revel_printer *revel_printer_new(const struct revel_printer_opts *o);
/* Flushes, then frees. */
void revel_printer_free(revel_printer *p);

/* Tasks alive now, for the "[pid N]" prefix. */
void revel_printer_ntasks(revel_printer *p, int n);

/* A call starts: its entry half is printed. sp is the thread's stack
 * pointer (for rt_sigreturn). */
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
/* The -c table (only in REVEL_PRINT_COUNT mode; nothing otherwise). */
int revel_printer_summary(revel_printer *p);
/* Writes what is buffered: 0, or -errno of a write that failed. */
int revel_printer_flush(revel_printer *p);

#ifdef __cplusplus
}
#endif
#endif
