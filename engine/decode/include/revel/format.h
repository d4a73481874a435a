/* revel/format.h: strace-grade rendering of syscalls, signals and results.
 *
 * The formatter reads guest memory only through a reader callback, so it can
 * run on a live guest (revel_mem_read) or on made-up memory (the fuzz test).
 * A syscall renders in two halves, as strace decodes it: the arguments known
 * on entry, then after the call the output arguments; the result apart, so
 * the caller can pad it to strace's column.
 *
 *   enter:  "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC"
 *   exit:   ")"                                  (or ", {st_mode=...}, 0)")
 *   result: "3"  or  "-1 ENOENT (No such file or directory)"
 *
 * Every function writes at most len bytes (always NUL-terminated when
 * len > 0) and returns the length it wanted, like snprintf. */
#ifndef REVEL_FORMAT_H
#define REVEL_FORMAT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ffi.cdef begin */
/* Reads n bytes of thread tid's memory at addr; returns bytes read (possibly
 * fewer than n) or a negative errno. revel_mem_read fits with ctx = engine. */
typedef ssize_t (*revel_mem_reader)(void *ctx, pid_t tid, uint64_t addr, void *buf, size_t n);

enum revel_fmt_flags {
	REVEL_FMT_FD_PATHS = 1,        /* -y: print fds as 3</etc/passwd> */
	REVEL_FMT_HEX_NONASCII = 2,    /* -x: a string with a non-ASCII byte all in \xHH */
	REVEL_FMT_HEX_ALL = 4,         /* -xx: every string in \xHH */
	REVEL_FMT_HEX_ESCAPES = 8,     /* --strings-in-hex=non-ascii-chars: \xHH, not octal */
	REVEL_FMT_FD_DETAILS = 16,     /* -yy, --decode-fds=socket: sockets' protocols, addresses */
	REVEL_FMT_PID_COMM = 32,       /* -Y: pids as 1234<cat> */
	REVEL_FMT_CONST_RAW = 64,      /* -X raw: constants and flags as numbers */
	REVEL_FMT_CONST_VERBOSE = 128, /* -X verbose: the number, then its names in a comment */
	REVEL_FMT_FD_DEVS = 256,       /* -yy, --decode-fds=dev: /dev/null<char 1:3> */
	REVEL_FMT_FD_PIDFDS = 512,     /* -yy, --decode-fds=pidfd: a pidfd's pid, <pid:1234> */
	REVEL_FMT_PID_NS = 1024,       /* --decode-pids=pidns: 1 / * 1234 in strace's PID NS * / */
	REVEL_FMT_KVM_VCPU = 2048,     /* -e kvm=vcpu: KVM_RUN's exit reason, 0 (KVM_EXIT_HLT) */
};

/* Per-syscall styles (struct revel_fmt.styles, one byte per number). */
enum revel_fmt_style {
	REVEL_STYLE_RAW = 1,        /* -e raw=: every argument and the result in hex */
	REVEL_STYLE_NO_ABBREV = 2,  /* -e abbrev= not naming it, -v: structures whole */
	REVEL_STYLE_NO_VERBOSE = 4, /* -e verbose= not naming it: structures as addresses */
};
/* ffi.cdef end */

struct revel_fmt {
	revel_mem_reader read;
	void *ctx;
	int string_limit; /* -s N: bytes of a string shown before "..." (strace: 32) */
	int flags;        /* enum revel_fmt_flags */
	pid_t pid;        /* the guest process, for /proc lookups (-y) */
	pid_t tid;        /* the thread whose memory the reader reads */
	uint64_t sp;      /* its stack pointer at the call (rt_sigreturn's frame) */
	/* REVEL_NR_MAX bytes of enum revel_fmt_style, by syscall number; NULL:
	 * none set. Not copied: the caller keeps it alive. */
	const unsigned char *styles;
};

#define REVEL_FMT_MAXARGS 6

/* What the entry half leaves for the exit half. Argument spans (offsets into
 * the entry text followed by the exit text) let a caller split the rendering
 * into arguments, as --json does; -1 when an argument was not printed. */
struct revel_fmt_state {
	int printed;   /* arguments printed by the entry half */
	int enter_len; /* length of the entry text */
	int nspans;    /* arguments with a span */
	int span_beg[REVEL_FMT_MAXARGS];
	int span_end[REVEL_FMT_MAXARGS];
	int64_t saved[4]; /* values the exit half needs from entry */
};

int revel_format_enter(const struct revel_fmt *f, long nr, const int64_t args[6],
                       struct revel_fmt_state *state, char *out, size_t len);

/* The exit half: the remaining arguments and ")". */
int revel_format_exit(const struct revel_fmt *f, long nr, const int64_t args[6],
                      struct revel_fmt_state *state, int64_t result, char *out, size_t len);

/* The result as strace prints it after "= ": "0", "0x7f...", "022",
 * "-1 ENOENT (No such file or directory)", "0x1 (flags FD_CLOEXEC)",
 * "3</etc/passwd>" with -y. */
int revel_format_result(const struct revel_fmt *f, long nr, const int64_t args[6],
                        const struct revel_fmt_state *state, int64_t result, char *out, size_t len);

/* A signal line body: "SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, ...}".
 * info points to a siginfo_t (128 bytes) read from the guest; NULL prints
 * the name alone. */
int revel_format_signal(const struct revel_fmt *f, int sig, const void *info, char *out,
                        size_t len);

/* -Y: the name of process pid (/proc/PID/comm) into buf; false if none. */
bool revel_pid_comm(pid_t pid, char *buf, size_t size);

/* "ENOENT" / "No such file or directory" for the error numbers strace knows,
 * including the kernel-internal ERESTART* ones; NULL when unknown. */
const char *revel_errno_message(int err);

#ifdef __cplusplus
}
#endif
#endif
