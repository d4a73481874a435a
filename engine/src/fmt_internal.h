/* fmt_internal.h: what the formatter's files share: a bounded output
 * buffer, guarded guest reads, and the decoders of flags and structs. */
#ifndef REVEL_FMT_INTERNAL_H
#define REVEL_FMT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "revel/format.h"

/* Output: writes what fits, counts what was wanted (like snprintf). */
struct fo {
	char *buf;
	size_t cap; /* bytes of buf, NUL included */
	size_t len; /* bytes wanted so far */
};

void fo_init(struct fo *o, char *buf, size_t cap);
int fo_done(struct fo *o);
void fo_putc(struct fo *o, char c);
void fo_write(struct fo *o, const char *s, size_t n);
void fo_puts(struct fo *o, const char *s);
void fo_dec(struct fo *o, int64_t v);
void fo_udec(struct fo *o, uint64_t v);
void fo_hex(struct fo *o, uint64_t v); /* %#x */
void fo_printf(struct fo *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Everything a decoder needs. */
struct fc {
	const struct revel_fmt *f;
	struct fo *o;
	int64_t result; /* valid when exiting */
	bool exiting;
};

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
		if (!fc_fetch((c), (addr), &(obj), sizeof(obj))) {                                 \
			p_addr((c), (addr));                                                       \
			return;                                                                    \
		}                                                                                  \
	} while (0)

/* Values. */
void p_addr(struct fc *c, uint64_t v); /* NULL or 0x... */
void p_fd(struct fc *c, int fd);       /* 3 or 3</path> (-y) */
void p_dirfd(struct fc *c, int fd);    /* AT_FDCWD or as p_fd */
void p_quoted(struct fc *c, const unsigned char *s, size_t n, bool force_hex);
/* A NUL-terminated string at addr: at most max bytes shown, "..." past it. */
void p_cstring(struct fc *c, uint64_t addr, size_t max);
void p_path(struct fc *c, uint64_t addr);
void p_str(struct fc *c, uint64_t addr); /* limited by -s */
/* n bytes at addr (a buffer), at most -s shown. */
void p_buf(struct fc *c, uint64_t addr, uint64_t n, bool force_hex);
void p_mode(struct fc *c, unsigned mode);    /* 0644, S_IFREG|0644 */
void p_int_ptr(struct fc *c, uint64_t addr); /* [N] */
void p_sigset_addr(struct fc *c, uint64_t addr, uint64_t size);
void p_sigset(struct fc *c, const uint64_t *mask, int nwords);
void p_signame(struct fc *c, int sig);
void p_timespec(struct fc *c, uint64_t addr);
void p_timeval(struct fc *c, uint64_t addr);

/* A table of named values: {value, name}, ended by name == NULL. */
struct xlat {
	uint64_t val;
	const char *name;
};

/* A value by name, else the number with a comment: 0x3001 / * ARCH_??? * /. */
void p_xval(struct fc *c, const struct xlat *x, uint64_t v, const char *dflt);
/* Flags OR'ed: A|B|0x40; dflt printed for 0 when not NULL (else "0"). */
void p_flags(struct fc *c, const struct xlat *x, uint64_t v, const char *dflt);
const char *xlat_name(const struct xlat *x, uint64_t v);

/* The tables (format_flags.c). */
extern const struct xlat x_open_access[], x_open_flags[], x_at_flags[], x_at_statx_sync[],
    x_mmap_prot[], x_mmap_type[], x_mmap_flags[], x_clone_flags[], x_fcntl_cmds[], x_fd_flags[],
    x_af[], x_sock_type[], x_sock_flags[], x_ipproto[], x_nl_proto[], x_sol[], x_so[], x_tcp_opts[],
    x_sockopt_ip[], x_ipv6_opts[], x_msg_flags[], x_shutdown[], x_ioctls[], x_prctl[],
    x_arch_prctl[], x_futex_ops[], x_access[], x_whence[], x_madvise[], x_fadvise[],
    x_sigprocmask_how[], x_sa_flags[], x_rlimit[], x_grnd[], x_statx_mask[], x_statx_attrs[],
    x_wait_opts[], x_waitid_which[], x_poll_events[], x_epoll_events[], x_epoll_ctl[],
    x_epoll_flags[], x_clocks[], x_timer_flags[], x_tfd_flags[], x_tfd_set_flags[],
    x_eventfd_flags[], x_sfd_flags[], x_inotify_flags[], x_inotify_mask[], x_memfd_flags[],
    x_close_range[], x_mremap_flags[], x_msync_flags[], x_mlockall[], x_rusage_who[], x_itimer[],
    x_lock_ops[], x_sched_policy[], x_priority_which[], x_membarrier[], x_rename_flags[],
    x_splice_flags[], x_falloc[], x_xattr_flags[], x_umount_flags[], x_pkey_access[],
    x_rseq_flags[], x_personality[], x_fs_magic[], x_st_flags[], x_si_codes[], x_cld_codes[],
    x_segv_codes[], x_bus_codes[], x_trap_codes[], x_ill_codes[], x_fpe_codes[], x_poll_codes[],
    x_ptrace_req[], x_keyctl[], x_sig_how_dummy[], x_seek_data[], x_mount_flags[], x_caps[],
    x_sigev_notify[];

/* Structs (format_structs.c). */
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
void p_mmsghdr(struct fc *c, uint64_t addr, uint64_t n, bool out);

/* Argument separators with spans recorded for --json. */
void arg_begin(struct fc *c, struct revel_fmt_state *st, int i);
void arg_end(struct fc *c, struct revel_fmt_state *st, int i);

#endif
