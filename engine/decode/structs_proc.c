/* structs_proc.c: more struct decoders: process and signal structs (wait
 * status, clone_args, siginfo), fd and cpu sets, directory entries, time
 * pairs and timers, and the small ones (stack_t, flock, winsize...). */
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "decode.h"
#include "revel/systable.h"

/* A clock_t count, with strace's comment in seconds when it is not zero:
 * "28 / * 0.28 s * /" (as many decimals as the tick rate has digits - 1). */
static void p_clock_t(struct fc *c, int64_t v)
{
	fo_printf(c->o, "%" PRId64, v);
	static long hz;
	if (!hz)
		hz = sysconf(_SC_CLK_TCK) > 0 ? sysconf(_SC_CLK_TCK) : 100;
	if (v <= 0)
		return;
	int width = 0;
	for (long t = hz - 1; t > 0; t /= 10)
		width++;
	fo_printf(c->o, " /* %" PRId64 ".%0*" PRId64 " s */", v / hz, width, v % hz);
}

void p_wait_status(struct fc *c, uint64_t addr)
{
	int s;
	FETCH_OR_ADDR(c, addr, s);
	fo_puts(c->o, "[{");
	int sig = s & 0x7f;
	if (sig == 0) {
		fo_printf(c->o, "WIFEXITED(s) && WEXITSTATUS(s) == %d", (s >> 8) & 0xff);
	} else if (sig == 0x7f && (s & 0xff) == 0x7f) {
		fo_puts(c->o, "WIFSTOPPED(s) && WSTOPSIG(s) == ");
		p_signame(c, (s >> 8) & 0xff);
		if (s >> 16) {
			fo_printf(c->o, "} | %#x << 16", (unsigned)s >> 16);
			fo_puts(c->o, "]");
			return;
		}
	} else if (s == 0xffff) {
		fo_puts(c->o, "WIFCONTINUED(s)");
	} else {
		fo_puts(c->o, "WIFSIGNALED(s) && WTERMSIG(s) == ");
		p_signame(c, sig);
		if (s & 0x80)
			fo_puts(c->o, " && WCOREDUMP(s)");
	}
	fo_puts(c->o, "}]");
}

struct kclone_args {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid,
	    set_tid_size, cgroup;
};

void p_clone3_args(struct fc *c, uint64_t addr, uint64_t size, bool exiting)
{
	struct kclone_args a;
	memset(&a, 0, sizeof a);
	if (!addr) {
		if (!exiting)
			fo_puts(c->o, "NULL");
		return;
	}
	size_t n = size < sizeof a ? (size_t)size : sizeof a;
	if (n < 64 || !fc_fetch(c, addr, &a, n)) {
		if (!exiting)
			p_addr(c, addr);
		return;
	}
	if (exiting) {
		/* What the kernel wrote back: the child's pidfd and tid. */
		if (c->result <= 0 || !(a.flags & (0x1000 | 0x100000)))
			return;
		fo_puts(c->o, " => {");
		bool sep = false;
		if (a.flags & 0x1000) {
			fo_puts(c->o, "pidfd=");
			p_int_ptr(c, a.pidfd);
			sep = true;
		}
		if (a.flags & 0x100000) {
			if (sep)
				fo_puts(c->o, ", ");
			fo_puts(c->o, "parent_tid=");
			p_tid_ptr(c, a.parent_tid);
		}
		fo_putc(c->o, '}');
		return;
	}
	fo_puts(c->o, "{flags=");
	p_flags(c, x_clone_flags, a.flags, "CLONE_???");
	if (a.flags & 0x1000)
		fo_printf(c->o, ", pidfd=%#" PRIx64, a.pidfd);
	if (a.flags & (0x1000000 | 0x200000)) {
		fo_puts(c->o, ", child_tid=");
		p_addr(c, a.child_tid);
	}
	if (a.flags & 0x100000) {
		fo_puts(c->o, ", parent_tid=");
		p_addr(c, a.parent_tid);
	}
	fo_puts(c->o, ", exit_signal=");
	if (a.exit_signal)
		p_signame(c, (int)a.exit_signal);
	else
		fo_putc(c->o, '0');
	fo_puts(c->o, ", stack=");
	p_addr(c, a.stack);
	fo_printf(c->o, ", stack_size=%#" PRIx64, a.stack_size);
	if (a.flags & 0x80000) {
		fo_puts(c->o, ", tls=");
		p_addr(c, a.tls);
	}
	if (a.set_tid_size)
		fo_printf(c->o, ", set_tid=%#" PRIx64 ", set_tid_size=%" PRIu64, a.set_tid,
		          a.set_tid_size);
	if (a.flags & 0x200000000ull)
		fo_printf(c->o, ", cgroup=%" PRIu64, a.cgroup);
	fo_putc(c->o, '}');
}

struct ksiginfo {
	int32_t signo, errno_, code, pad;
	union {
		struct {
			int32_t pid;
			uint32_t uid;
			int32_t status, pad;
			int64_t utime, stime;
		} chld;
		struct {
			int32_t pid;
			uint32_t uid;
			uint64_t value;
		} rt;
		struct {
			int32_t tid, overrun;
			uint64_t value;
		} timer;
		uint64_t addr;
		struct {
			int64_t band;
			int32_t fd;
		} poll;
		struct {
			uint64_t call_addr;
			int32_t syscall;
			uint32_t arch;
		} sys;
	} u;
};

/* Who sent a signal: ", si_pid=1234, si_uid=0". */
static void p_sigsource(struct fc *c, int pid, unsigned uid)
{
	fo_puts(c->o, ", si_pid=");
	p_pid(c, pid, PID_TGID);
	fo_printf(c->o, ", si_uid=%u", uid);
}

/* The value sent with it: ", si_int=N, si_ptr=0x...". */
static void p_sigval(struct fc *c, uint64_t v)
{
	fo_printf(c->o, ", si_int=%d, si_ptr=", (int)v);
	p_addr(c, v);
}

/* As strace: a siginfo of signal 0 (one made up, not yet sent) is "{}". */
void p_siginfo(struct fc *c, const void *raw)
{
	struct ksiginfo si;
	memcpy(&si, raw, sizeof si);
	if (si.signo == 0) {
		fo_puts(c->o, "{}");
		return;
	}
	fo_puts(c->o, "{si_signo=");
	p_signame(c, si.signo);
	fo_puts(c->o, ", si_code=");
	const char *name = NULL;
	if (si.code > 0 && si.code != 0x80) {
		switch (si.signo) {
		case SIGCHLD:
			name = xlat_name(x_cld_codes, (uint64_t)si.code);
			break;
		case SIGSEGV:
			name = xlat_name(x_segv_codes, (uint64_t)si.code);
			break;
		case SIGBUS:
			name = xlat_name(x_bus_codes, (uint64_t)si.code);
			break;
		case SIGTRAP:
			name = xlat_name(x_trap_codes, (uint64_t)si.code);
			break;
		case SIGILL:
			name = xlat_name(x_ill_codes, (uint64_t)si.code);
			break;
		case SIGFPE:
			name = xlat_name(x_fpe_codes, (uint64_t)si.code);
			break;
		case SIGIO:
			name = xlat_name(x_poll_codes, (uint64_t)si.code);
			break;
		}
	} else {
		name = xlat_name(x_si_codes, (uint64_t)(int64_t)si.code);
	}
	int how = name ? xs_begin(c, (uint32_t)si.code, 'x') : XS_DECODE;
	if (how != XS_SKIP) {
		if (name)
			fo_puts(c->o, name);
		else
			fo_printf(c->o, "%d", si.code);
	}
	xs_end(c, how);
	if (si.errno_) {
		const char *en = revel_errno_name(si.errno_);
		fo_puts(c->o, ", si_errno=");
		if (en)
			fo_puts(c->o, en);
		else
			fo_printf(c->o, "%d", si.errno_);
	}
	if (si.code <= 0) { /* sent by a process (strace's SI_FROMUSER) */
		switch (si.code) {
		case -2: /* SI_TIMER */
			fo_printf(c->o, ", si_timerid=%#x, si_overrun=%d", (unsigned)si.u.timer.tid,
			          si.u.timer.overrun);
			p_sigval(c, si.u.timer.value);
			break;
		case -5: /* SI_SIGIO */
			fo_printf(c->o, ", si_band=%" PRId64 ", si_fd=", si.u.poll.band);
			p_fd(c, si.u.poll.fd);
			break;
		default:
			p_sigsource(c, si.u.rt.pid, si.u.rt.uid);
			/* SI_USER and SI_TKILL carry no value; the others one that is set */
			if (si.code != 0 && si.code != -6 && si.u.rt.value)
				p_sigval(c, si.u.rt.value);
		}
	} else if (si.signo == 17) {
		p_sigsource(c, si.u.chld.pid, si.u.chld.uid);
		fo_puts(c->o, ", si_status=");
		if (si.code == 1)
			fo_printf(c->o, "%d", si.u.chld.status);
		else
			p_signame(c, si.u.chld.status);
		fo_puts(c->o, ", si_utime=");
		p_clock_t(c, si.u.chld.utime);
		fo_puts(c->o, ", si_stime=");
		p_clock_t(c, si.u.chld.stime);
	} else if (si.signo == 11 || si.signo == 7 || si.signo == 4 || si.signo == 8 ||
	           si.signo == 5) {
		fo_puts(c->o, ", si_addr=");
		p_addr(c, si.u.addr);
	} else if (si.signo == 29) {
		if (si.code >= 1 && si.code <= 3) { /* POLL_IN, POLL_OUT, POLL_MSG */
			fo_printf(c->o, ", si_band=%" PRId64 ", si_fd=", si.u.poll.band);
			p_fd(c, si.u.poll.fd);
		}
	} else if (si.signo == 31) {
		fo_puts(c->o, ", si_call_addr=");
		p_addr(c, si.u.sys.call_addr);
		fo_printf(c->o, ", si_syscall=%d, si_arch=%#x", si.u.sys.syscall, si.u.sys.arch);
	} else {
		if (si.u.rt.pid || si.u.rt.uid)
			p_sigsource(c, si.u.rt.pid, si.u.rt.uid);
		if (si.u.rt.value)
			p_sigval(c, si.u.rt.value);
	}
	fo_putc(c->o, '}');
}

void p_siginfo_addr(struct fc *c, uint64_t addr)
{
	unsigned char raw[128];
	FETCH_OR_ADDR(c, addr, raw);
	p_siginfo(c, raw);
}

void p_fdset(struct fc *c, uint64_t addr, int nfds)
{
	uint64_t set[16];
	if (!addr) {
		fo_puts(c->o, "NULL");
		return;
	}
	if (nfds < 0)
		nfds = 0;
	if (nfds > 1024)
		nfds = 1024;
	size_t bytes = (size_t)(nfds + 63) / 64 * 8;
	memset(set, 0, sizeof set);
	if (bytes && !fc_fetch(c, addr, set, bytes)) {
		p_addr(c, addr);
		return;
	}
	fo_putc(c->o, '[');
	bool first = true;
	for (int i = 0; i < nfds; i++) {
		if (!((set[i / 64] >> (i % 64)) & 1))
			continue;
		if (!first)
			fo_putc(c->o, ' ');
		first = false;
		p_fd(c, i);
	}
	fo_putc(c->o, ']');
}

void p_cpuset(struct fc *c, uint64_t addr, int64_t bytes)
{
	unsigned char set[128];
	if (bytes <= 0 || !addr) {
		p_addr(c, addr);
		return;
	}
	size_t n = (size_t)bytes < sizeof set ? (size_t)bytes : sizeof set;
	if (!fc_fetch(c, addr, set, n)) {
		p_addr(c, addr);
		return;
	}
	fo_putc(c->o, '[');
	bool first = true;
	for (size_t i = 0; i < n * 8; i++) {
		if (!((set[i / 8] >> (i % 8)) & 1))
			continue;
		if (!first)
			fo_putc(c->o, ' ');
		first = false;
		fo_printf(c->o, "%zu", i);
	}
	fo_putc(c->o, ']');
}

/* getdents: strace abbreviates to the number of entries. */
#define DIRENTS_AT_ONCE (1 << 20)

/* The entries' buffer in one read where it can be (as strace reads it),
 * not a read per entry: find's getdents64 took 15 reads a call. NULL: read
 * entry by entry (too long, or not all of it readable). Freed by the caller. */
static unsigned char *dirents_read(struct fc *c, uint64_t addr, int64_t len)
{
	unsigned char *buf = len <= DIRENTS_AT_ONCE ? malloc((size_t)len + 1) : NULL;
	if (buf && !fc_fetch(c, addr, buf, (size_t)len)) {
		free(buf);
		buf = NULL;
	}
	return buf;
}

/* n bytes at off of the entries: from buf when it holds them. */
static bool dirents_fetch(struct fc *c, const unsigned char *buf, int64_t len, uint64_t addr,
                          uint64_t off, void *out, size_t n)
{
	if (buf && off + n <= (uint64_t)len) {
		memcpy(out, buf + off, n);
		return true;
	}
	return fc_fetch(c, addr + off, out, n);
}
/* -v: getdents64's entries whole, as strace prints them. */
static void p_dirents_whole(struct fc *c, uint64_t addr, int64_t len)
{
	static const char *const types[16] = {
	    "DT_UNKNOWN", "DT_FIFO", "DT_CHR", NULL, "DT_DIR",  NULL, "DT_BLK", NULL,
	    "DT_REG",     NULL,      "DT_LNK", NULL, "DT_SOCK", NULL, "DT_WHT", NULL};
	fo_putc(c->o, '[');
	uint64_t off = 0;
	unsigned char *buf = dirents_read(c, addr, len);
	for (int n = 0; off + 19 <= (uint64_t)len && n < 100000; n++) {
		struct {
			uint64_t ino;
			int64_t off;
			uint16_t reclen;
			uint8_t type;
		} __attribute__((packed)) d;
		unsigned char name[256];
		if (!dirents_fetch(c, buf, len, addr, off, &d, sizeof d) || d.reclen < 19)
			break;
		size_t max =
		    (size_t)d.reclen - 19 < sizeof name ? (size_t)d.reclen - 19 : sizeof name;
		if (max && !dirents_fetch(c, buf, len, addr, off + 19, name, max))
			break;
		const unsigned char *nul = memchr(name, 0, max);
		size_t nlen = nul ? (size_t)(nul - name) : max;
		fo_printf(c->o, "%s{d_ino=%" PRIu64 ", d_off=%" PRId64 ", d_reclen=%u, d_type=",
		          n ? ", " : "", d.ino, d.off, (unsigned)d.reclen);
		int how = xs_begin(c, d.type, 'x');
		if (how != XS_SKIP && d.type < 16 && types[d.type])
			fo_puts(c->o, types[d.type]);
		else if (how == XS_CLOSE)
			fo_puts(c->o, "DT_???");
		else if (how == XS_DECODE)
			fo_printf(c->o, "%#x /* DT_??? */", d.type);
		xs_end(c, how);
		fo_puts(c->o, ", d_name=");
		p_quoted(c, name, nlen, false);
		fo_putc(c->o, '}');
		off += d.reclen;
	}
	free(buf);
	fo_putc(c->o, ']');
}

void p_dirents(struct fc *c, uint64_t addr, int64_t len, bool is64)
{
	if (len >= 0 && is64 && addr && !fc_abbrev(c) && fc_verbose(c)) {
		p_dirents_whole(c, addr, len);
		return;
	}
	p_addr(c, addr);
	if (len < 0 || !fc_verbose(c))
		return;
	int count = 0;
	uint64_t off = 0;
	unsigned char *buf = dirents_read(c, addr, len);
	while (off + 19 <= (uint64_t)len && count < 100000) {
		uint16_t reclen;
		/* d_reclen is at 16 in both layouts. */
		if (!dirents_fetch(c, buf, len, addr, off + 16, &reclen, sizeof reclen) ||
		    reclen == 0)
			break;
		count++;
		off += reclen;
	}
	free(buf);
	(void)is64;
	fo_printf(c->o, " /* %d entries */", count);
}

void p_timespec_pair(struct fc *c, uint64_t addr)
{
	int64_t ts[4];
	FETCH_OR_ADDR(c, addr, ts);
	fo_putc(c->o, '[');
	for (int i = 0; i < 2; i++) {
		if (i)
			fo_puts(c->o, ", ");
		const char *special = ts[2 * i + 1] == (1l << 30) - 1   ? "UTIME_NOW"
		                      : ts[2 * i + 1] == (1l << 30) - 2 ? "UTIME_OMIT"
		                                                        : NULL;
		bool styled = c->f->flags & (REVEL_FMT_CONST_RAW | REVEL_FMT_CONST_VERBOSE);
		if (special && !styled) {
			fo_puts(c->o, special);
		} else if (special) { /* -X: the timespec, and for verbose its name */
			fo_printf(c->o, "{tv_sec=%" PRId64 ", tv_nsec=%" PRId64 "}", ts[2 * i],
			          ts[2 * i + 1]);
			if (c->f->flags & REVEL_FMT_CONST_VERBOSE)
				fo_printf(c->o, " /* %s */", special);
		} else {
			fo_printf(c->o, "{tv_sec=%" PRId64 ", tv_nsec=%" PRId64 "}", ts[2 * i],
			          ts[2 * i + 1]);
			p_time_comment(c, ts[2 * i], ts[2 * i + 1], 9);
		}
	}
	fo_putc(c->o, ']');
}

/* A date as strace writes one, in local time: "2001-09-09T01:46:40" with
 * ".000000500" (width digits) when part is not 0, then "+0000". False for
 * 0 and for what is not a date. */
bool p_date(struct fc *c, int64_t sec, int64_t part, int width)
{
	int64_t max = width == 6 ? 1000000 : 1000000000;
	time_t t = (time_t)sec;
	struct tm tm;
	char date[64], zone[16];
	if ((sec == 0 && part == 0) || part < 0 || part >= max || !localtime_r(&t, &tm) ||
	    !strftime(date, sizeof date, "%FT%T", &tm) || !strftime(zone, sizeof zone, "%z", &tm))
		return false;
	fo_puts(c->o, date);
	if (part)
		fo_printf(c->o, ".%0*" PRId64, width, part);
	fo_puts(c->o, zone);
	return true;
}

/* strace's comment after a time: " / * 2001-09-09T01:46:40+0000 * /". */
void p_time_comment(struct fc *c, int64_t sec, int64_t part, int width)
{
	struct fo save = *c->o;
	fo_puts(c->o, " /* ");
	if (!p_date(c, sec, part, width)) {
		*c->o = save; /* nothing said */
		return;
	}
	fo_puts(c->o, " */");
}

void p_timeval_pair(struct fc *c, uint64_t addr)
{
	int64_t tv[4];
	FETCH_OR_ADDR(c, addr, tv);
	fo_putc(c->o, '[');
	for (int i = 0; i < 2; i++) {
		if (i)
			fo_puts(c->o, ", ");
		fo_printf(c->o, "{tv_sec=%" PRId64 ", tv_usec=%" PRId64 "}", tv[2 * i],
		          tv[2 * i + 1]);
		p_time_comment(c, tv[2 * i], tv[2 * i + 1], 6);
	}
	fo_putc(c->o, ']');
}

/* utime's struct utimbuf: {actime=N / * date * /, modtime=N / * date * /}. */
void p_utimbuf(struct fc *c, uint64_t addr)
{
	int64_t t[2];
	FETCH_OR_ADDR(c, addr, t);
	fo_printf(c->o, "{actime=%" PRId64, t[0]);
	p_time_comment(c, t[0], 0, 0);
	fo_printf(c->o, ", modtime=%" PRId64, t[1]);
	p_time_comment(c, t[1], 0, 0);
	fo_putc(c->o, '}');
}

void p_itimerspec(struct fc *c, uint64_t addr)
{
	int64_t t[4];
	FETCH_OR_ADDR(c, addr, t);
	fo_printf(c->o,
	          "{it_interval={tv_sec=%" PRId64 ", tv_nsec=%" PRId64
	          "}, it_value={tv_sec=%" PRId64 ", tv_nsec=%" PRId64 "}}",
	          t[0], t[1], t[2], t[3]);
}

void p_itimerval(struct fc *c, uint64_t addr)
{
	int64_t t[4];
	FETCH_OR_ADDR(c, addr, t);
	fo_printf(c->o,
	          "{it_interval={tv_sec=%" PRId64 ", tv_usec=%" PRId64
	          "}, it_value={tv_sec=%" PRId64 ", tv_usec=%" PRId64 "}}",
	          t[0], t[1], t[2], t[3]);
}

void p_stack_t(struct fc *c, uint64_t addr)
{
	struct {
		uint64_t sp;
		int32_t flags, pad;
		uint64_t size;
	} s;
	FETCH_OR_ADDR(c, addr, s);
	fo_puts(c->o, "{ss_sp=");
	p_addr(c, s.sp);
	static const struct xlat ss_flags[] = {
	    {1, "SS_ONSTACK"}, {2, "SS_DISABLE"}, {1u << 31, "SS_AUTODISARM"}, {0, NULL}};
	fo_puts(c->o, ", ss_flags=");
	p_flags(c, ss_flags, (uint32_t)s.flags, NULL);
	fo_printf(c->o, ", ss_size=%" PRIu64 "}", s.size);
}

void p_flock(struct fc *c, uint64_t addr)
{
	struct {
		int16_t type, whence;
		int32_t pad;
		int64_t start, len;
		int32_t pid, pad2;
	} l;
	static const struct xlat types[] = {
	    {0, "F_RDLCK"}, {1, "F_WRLCK"}, {2, "F_UNLCK"}, {0, NULL}};
	FETCH_OR_ADDR(c, addr, l);
	fo_puts(c->o, "{l_type=");
	p_xval(c, types, (uint64_t)(uint16_t)l.type, "F_???");
	fo_puts(c->o, ", l_whence=");
	p_xval(c, x_whence, (uint64_t)(uint16_t)l.whence, "SEEK_???");
	fo_printf(c->o, ", l_start=%" PRId64 ", l_len=%" PRId64, l.start, l.len);
	if (c->exiting) {
		fo_puts(c->o, ", l_pid=");
		p_pid(c, l.pid, PID_TGID);
	}
	fo_putc(c->o, '}');
}

void p_int_array(struct fc *c, uint64_t addr, int n)
{
	int v[2];
	if (n < 1 || n > 2) {
		p_addr(c, addr);
		return;
	}
	if (!addr) {
		fo_puts(c->o, "NULL");
		return;
	}
	if (!fc_fetch(c, addr, v, sizeof(int) * (size_t)n)) {
		p_addr(c, addr);
		return;
	}
	if (n == 1)
		fo_printf(c->o, "[%d]", v[0]);
	else
		fo_printf(c->o, "[%d, %d]", v[0], v[1]);
}

void p_tms(struct fc *c, uint64_t addr)
{
	uint64_t t[4];
	FETCH_OR_ADDR(c, addr, t);
	static const char *const names[] = {
	    "{tms_utime=", ", tms_stime=", ", tms_cutime=", ", tms_cstime="};
	for (int i = 0; i < 4; i++) {
		fo_puts(c->o, names[i]);
		p_clock_t(c, (int64_t)t[i]);
	}
	fo_puts(c->o, "}");
}

void p_sched_param(struct fc *c, uint64_t addr)
{
	int p;
	FETCH_OR_ADDR(c, addr, p);
	fo_printf(c->o, "[%d]", p);
}

void p_timezone(struct fc *c, uint64_t addr)
{
	int tz[2];
	FETCH_OR_ADDR(c, addr, tz);
	fo_printf(c->o, "{tz_minuteswest=%d, tz_dsttime=%d}", tz[0], tz[1]);
}

void p_open_how(struct fc *c, uint64_t addr, uint64_t size)
{
	uint64_t h[3];
	if (size < sizeof h) {
		p_addr(c, addr);
		return;
	}
	FETCH_OR_ADDR(c, addr, h);
	fo_puts(c->o, "{flags=");
	p_xval(c, x_open_access, h[0] & 3, NULL);
	if (h[0] & ~3ull) {
		fo_putc(c->o, '|');
		p_flags(c, x_open_flags, h[0] & ~3ull, NULL);
	}
	fo_printf(c->o, ", mode=%#03" PRIo64 ", resolve=%#" PRIx64 "}", h[1], h[2]);
}

void p_sockopt_val(struct fc *c, int level, int name, uint64_t addr, int64_t len)
{
	int v[3];
	if (level == SOL_SOCKET && name == SO_ERROR && len == 4 && fc_verbose(c) &&
	    fc_fetch(c, addr, v, 4)) { /* [ECONNREFUSED] */
		const char *e = v[0] > 0 ? revel_errno_name(v[0]) : NULL;
		if (e)
			fo_printf(c->o, "[%s]", e);
		else
			fo_printf(c->o, "[%d]", v[0]);
		return;
	}
	if (level == SOL_SOCKET && name == SO_PEERCRED && len == 12) {
		FETCH_OR_ADDR(c, addr, v);
		fo_puts(c->o, "{pid=");
		p_pid(c, v[0], PID_TGID);
		fo_printf(c->o, ", uid=%u, gid=%u}", (unsigned)v[1], (unsigned)v[2]);
		return;
	}
	if (level == SOL_SOCKET && name == SO_LINGER && len == 8) {
		int lg[2];
		FETCH_OR_ADDR(c, addr, lg);
		fo_printf(c->o, "{l_onoff=%d, l_linger=%d}", lg[0], lg[1]);
		return;
	}
	if (len == 4) {
		p_int_ptr(c, addr);
		return;
	}
	if (len > 0 && len <= 4096)
		p_buf(c, addr, (uint64_t)len, false);
	else
		p_addr(c, addr);
}

void p_winsize(struct fc *c, uint64_t addr)
{
	uint16_t w[4];
	FETCH_OR_ADDR(c, addr, w);
	fo_printf(c->o, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}", w[0], w[1], w[2],
	          w[3]);
}
