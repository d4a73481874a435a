/* decode.h: what the decoder's files share, above the output buffer
 * (output.h): the decoding context, guarded guest reads, value printers
 * (values.c), flag tables (xlat.c and the generated xlat_tables.h), struct
 * printers (structs*.c) and the per-syscall decoders (decode_*.c), which the
 * syscall table names in its decoder column. */
#ifndef REVEL_DECODE_H
#define REVEL_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "output.h"
#include "revel/format.h"
#include "xlat_tables.h" /* struct xlat, and every x_ table */

/* Everything a decoder needs. */
struct fc {
	const struct revel_fmt *f;
	struct fo *o;
	int64_t result; /* valid when exiting */
	int sockfd;     /* with sock: the socket whose data the buffers hold */
	bool sock;      /* sendto, recvfrom, sendmsg, recvmsg (netlink messages) */
	bool exiting;
	bool xs_inner; /* -X verbose: inside the comment, names as abbrev */
	long nr;       /* the call decoded (-1: none), for -e abbrev= / verbose= */
};

/* -v, -e abbrev=: structures and arrays whole; -e verbose=: structures
 * decoded at all (else their addresses), for the call decoded (xlat.c). */
bool fc_abbrev(struct fc *c);
bool fc_verbose(struct fc *c);

/* -X raw / -X verbose around a constant or flags decoded in parts (xlat.c):
 * xs_begin prints v (hex; octal for 'o', decimal for 'd' and 'u') and returns
 * XS_SKIP under raw; under verbose it opens the comment the names go in and
 * returns XS_CLOSE, which xs_end closes; XS_DECODE: names only, as strace's
 * default. */
enum { XS_SKIP, XS_DECODE, XS_CLOSE };
int xs_begin(struct fc *c, uint64_t v, char base);
void xs_end(struct fc *c, int how);
/* The style bits of syscall nr (enum revel_fmt_style). */
int fc_style(const struct revel_fmt *f, long nr);

/* Guest memory. fetch: all n bytes or false. Sizes are bounded by callers. */
bool fc_fetch(struct fc *c, uint64_t addr, void *buf, size_t n);
ssize_t fc_read(struct fc *c, uint64_t addr, void *buf, size_t n);

/* Fetch a struct whole into obj, or print NULL / its address and return. */
#define FETCH_OR_ADDR(c, addr, obj)                                                                \
	do {                                                                                       \
		if (!(addr)) {                                                                     \
			fo_puts((c)->o, "NULL");                                                   \
			return;                                                                    \
		}                                                                                  \
		if (!fc_verbose(c) || !fc_fetch((c), (addr), &(obj), sizeof(obj))) {               \
			p_addr((c), (addr));                                                       \
			return;                                                                    \
		}                                                                                  \
	} while (0)

/* Values (values.c). */
void p_addr(struct fc *c, uint64_t v); /* NULL or 0x... */
void p_fd(struct fc *c, int fd);       /* 3 or 3</path> (-y) */
/* "<path>" as -y prints it (open: without the closing '>'). */
void p_fd_path(struct fc *c, const char *path, size_t n, bool open);
/* -yy: a socket's, device's or pidfd's details for fd, whose /proc link
 * reads path; false when it has none (fd_details.c). */
bool p_fd_details(struct fc *c, int fd, const char *path, size_t n);
/* The netlink protocol of process pid's socket fd (NETLINK_ROUTE...), or -1
 * for another socket or one not bound yet (fd_details.c). */
int revel_netlink_protocol(pid_t pid, int fd);
/* The messages at addr, len bytes, of socket fd when it is a NETLINK_ROUTE
 * one and they decode whole; false: nothing printed (decode_netlink.c).
 * p_buf asks only for bytes that begin as a netlink message. */
bool p_netlink(struct fc *c, int fd, uint64_t addr, uint64_t len);
void p_dirfd(struct fc *c, int fd); /* AT_FDCWD (AT_FDCWD</cwd> under -y) or as p_fd */
/* Which of a process's ids a pid is, as strace tells them apart: a thread's,
 * a process's, a process group's or a session's (pidns.c). */
enum pid_kind { PID_TID, PID_TGID, PID_PGID, PID_SID };
/* id of the thread tid's pid namespace in revel's; 0 when not found. */
int revel_pidns_translate(pid_t tid, int id, enum pid_kind kind);
/* 1234; 1234<cat> under -Y (a thread's or process's id); under
 * --decode-pids=pidns, inside a pid namespace: 1 / * 1234 in strace's PID NS * / */
void p_pid(struct fc *c, int pid, enum pid_kind kind);
/* kill's and wait4's pid: a process's, or minus a process group's. */
void p_pid_or_pgid(struct fc *c, int pid);
void p_fd_pair(struct fc *c, uint64_t addr); /* [3, 4]: fds a call wrote (pipe2) */
void p_quoted(struct fc *c, const unsigned char *s, size_t n, bool force_hex);
/* A NUL-terminated string at addr: at most max bytes shown, "..." past it. */
void p_cstring(struct fc *c, uint64_t addr, size_t max);
void p_path(struct fc *c, uint64_t addr);
void p_str(struct fc *c, uint64_t addr); /* limited by -s */
/* n bytes at addr (a buffer), at most -s shown. */
void p_buf(struct fc *c, uint64_t addr, uint64_t n, bool force_hex);
void p_mode(struct fc *c, unsigned mode);    /* 0644, S_IFREG|0644 */
void p_umode(struct fc *c, uint64_t mode);   /* a umask-style mode: 022 */
void p_int_ptr(struct fc *c, uint64_t addr); /* [N] */
void p_tid_ptr(struct fc *c, uint64_t addr); /* [N], N as p_pid */
void p_sigset_addr(struct fc *c, uint64_t addr, uint64_t size);
void p_sigset(struct fc *c, const uint64_t *mask, int nwords);
void p_signame(struct fc *c, int sig);
void p_timespec(struct fc *c, uint64_t addr);
void p_timeval(struct fc *c, uint64_t addr);

/* Flag and constant tables (xlat.c). A value by name, else the number
 * with a comment: 0x3001 / * ARCH_??? * /. */
void p_xval(struct fc *c, const struct xlat *x, uint64_t v, const char *dflt);
/* Flags OR'ed: A|B|0x40; dflt printed for 0 when not NULL (else "0"). */
void p_flags(struct fc *c, const struct xlat *x, uint64_t v, const char *dflt);
const char *xlat_name(const struct xlat *x, uint64_t v);

/* Structs (structs.c, structs_proc.c). */
void p_stat(struct fc *c, uint64_t addr);
void p_statx(struct fc *c, uint64_t addr);
void p_statfs(struct fc *c, uint64_t addr);
void p_sockaddr(struct fc *c, uint64_t addr, uint64_t len);
void p_iovec(struct fc *c, uint64_t addr, uint64_t cnt, int64_t data_len, bool out);
void p_msghdr(struct fc *c, uint64_t addr, int64_t data_len, bool out);
void p_pollfds(struct fc *c, uint64_t addr, uint64_t n, bool out);
void p_epoll_event(struct fc *c, uint64_t addr);
void p_epoll_events(struct fc *c, uint64_t addr, int64_t n);
void p_sigaction(struct fc *c, uint64_t addr);
void p_rlimit(struct fc *c, uint64_t addr);
void p_utsname(struct fc *c, uint64_t addr);
void p_sysinfo(struct fc *c, uint64_t addr);
void p_rusage(struct fc *c, uint64_t addr);
void p_wait_status(struct fc *c, uint64_t addr);
void p_clone3_args(struct fc *c, uint64_t addr, uint64_t size, bool exiting);
void p_siginfo(struct fc *c, const void *info);
void p_siginfo_addr(struct fc *c, uint64_t addr);
void p_fdset(struct fc *c, uint64_t addr, int nfds);
void p_cpuset(struct fc *c, uint64_t addr, int64_t bytes);
void p_dirents(struct fc *c, uint64_t addr, int64_t len, bool is64);
void p_timespec_pair(struct fc *c, uint64_t addr);
/* Dates as strace writes them (width: digits of part, 9 or 6). */
bool p_date(struct fc *c, int64_t sec, int64_t part, int width);
void p_time_comment(struct fc *c, int64_t sec, int64_t part, int width);
void p_utimbuf(struct fc *c, uint64_t addr);
void p_timeval_pair(struct fc *c, uint64_t addr);
void p_itimerspec(struct fc *c, uint64_t addr);
void p_itimerval(struct fc *c, uint64_t addr);
void p_stack_t(struct fc *c, uint64_t addr);
void p_flock(struct fc *c, uint64_t addr);
void p_int_array(struct fc *c, uint64_t addr, int n);
void p_tms(struct fc *c, uint64_t addr);
void p_sched_param(struct fc *c, uint64_t addr);
void p_timezone(struct fc *c, uint64_t addr);
void p_open_how(struct fc *c, uint64_t addr, uint64_t size);
void p_sockopt_val(struct fc *c, int level, int name, uint64_t addr, int64_t len);
void p_winsize(struct fc *c, uint64_t addr);
/* msg_control: [{cmsg_len=20, cmsg_level=SOL_SOCKET, ...}] (decode_net.c). */
void p_cmsgs(struct fc *c, uint64_t addr, uint64_t len);
void p_mmsghdr(struct fc *c, uint64_t addr, uint64_t n, bool out);

/* Argument separators with spans recorded for --json (values.c). */
void arg_begin(struct fc *c, struct revel_fmt_state *st, int i);
void arg_end(struct fc *c, struct revel_fmt_state *st, int i);
/* On entry: stop before argument i; the exit half starts there. */
void split_at(struct fc *c, struct revel_fmt_state *st, int i);

/* ---- per-syscall decoders ----
 * A decoder runs twice, on entry and on exit (c->exiting). On entry it
 * prints the arguments it can and marks where the exit half starts
 * (split_at), or sets st->printed = REVEL_FMT_MAXARGS when it printed all.
 * The syscall table's decoder column names it: column `open` is d_open. */
#define DEC struct fc *c, long nr, const int64_t *a, struct revel_fmt_state *st
#define U(i) ((uint64_t)a[i])
#define ARG(i, ...)                                                                                \
	do {                                                                                       \
		arg_begin(c, st, (i));                                                             \
		__VA_ARGS__;                                                                       \
		arg_end(c, st, (i));                                                               \
	} while (0)
typedef void (*decoder_fn)(DEC);

/* How the result after "= " prints: the syscall table's result-kind column. */
enum result_kind {
	RK_DECIMAL, /* signed decimal */
	RK_HEX,     /* an address */
	RK_OCT,     /* a mode (umask) */
	RK_FD,      /* a new fd, with its path under -y */
	RK_NONE,    /* never returns (exit): "?" */
	RK_FCNTL,   /* by command: an fd, fd flags, file status flags */
	RK_POLL,    /* "0 (Timeout)", or the ready fds */
	RK_SELECT,  /* "0 (Timeout)", "1 (in [3], left {...})" */
	RK_SIGNAL,  /* a signal number: "12 (SIGUSR2)" */
	RK_TIME,    /* seconds since the epoch: "1796640396 (2026-12-07T10:46:36+0000)" */
};

/* The decoder and result kind of nr (format.c, from the table). */
decoder_fn syscall_decoder(long nr);
enum result_kind syscall_result_kind(long nr);

/* An offset by pointer, [N] or NULL (decode_file.c). */
void p_off_ptr(struct fc *c, uint64_t addr);

/* decode_file.c */
void d_copy(DEC);
void d_dup3(DEC);
void d_fcntl(DEC);
void d_getcwd(DEC);
void d_getdents(DEC);
void d_mknod(DEC);
void d_open(DEC);
void d_openat2(DEC);
void d_pipe(DEC);
void d_read(DEC);
void d_readv(DEC);
void d_stat(DEC);
void d_statfs(DEC);
void d_statx(DEC);
void d_utimensat(DEC);
void d_utimes(DEC);
/* decode_net.c */
void d_connect(DEC);
void d_getname(DEC);
void d_msg(DEC);
void d_recvfrom(DEC);
void d_sendto(DEC);
void d_socket(DEC);
void d_sockopt(DEC);
/* decode_poll.c */
void d_epoll_ctl(DEC);
void d_epoll_wait(DEC);
void d_poll(DEC);
void d_select(DEC);
/* decode_process.c */
void d_arch_prctl(DEC);
void d_clone(DEC);
void d_clone3(DEC);
void d_execve(DEC);
void d_futex(DEC);
void d_getgroups(DEC);
void d_getrandom(DEC);
void d_getresuid(DEC);
void d_prctl(DEC);
void d_rlimit(DEC);
void d_rseq(DEC);
void d_sched_affinity(DEC);
void d_sysinfo(DEC);
void d_getrusage(DEC);
void d_sched_param(DEC);
void d_get_robust_list(DEC);
void d_kcmp(DEC);
void d_ioprio(DEC);
void p_ioprio(struct fc *c, unsigned v); /* IOPRIO_PRIO_VALUE(CLASS, data) */
void d_times(DEC);
void d_uname(DEC);
void d_wait4(DEC);
void d_waitid(DEC);
/* decode_signal.c */
void d_rt_sigaction(DEC);
void d_rt_sigprocmask(DEC);
void d_rt_sigreturn(DEC);
void d_sigaltstack(DEC);
void d_signalfd(DEC);
void d_sigtimedwait(DEC);
void d_sigqueueinfo(DEC);
/* decode_time.c */
void d_clock(DEC);
void d_gettimeofday(DEC);
void d_nanosleep(DEC);
void d_setitimer(DEC);
void d_time(DEC);
void d_timer(DEC);
void d_timerfd_settime(DEC);
/* decode_ioctl.c */
void d_ioctl(DEC);
/* decode_kvm.c: KVM's requests, for d_ioctl: is req one; its third
 * argument on entry or exit (false for another request); its result, with
 * KVM_RUN's exit reason under -e kvm=vcpu (false: printed as a number). */
bool kvm_request(unsigned req);
bool kvm_ioctl(struct fc *c, unsigned req, const int64_t *a, struct revel_fmt_state *st);
bool p_kvm_result(struct fc *c, unsigned req, int fd, int64_t r);
/* decode_term.c: a termios request's third argument (false for another). */
bool term_ioctl(struct fc *c, unsigned req, const int64_t *a, struct revel_fmt_state *st);

#endif
