/* structs.c: struct decoders, in strace's abbreviated style (-v off):
 * stat/statx/statfs, sockaddr, iovec, msghdr, pollfd, epoll_event,
 * sigaction, rlimit, utsname, sysinfo (more in structs_proc.c).
 * Every struct is fetched whole through the reader into a local of its own
 * size; one that cannot be read prints as its address, as strace does. */
#include <inttypes.h>
#include <string.h>
#include "decode.h"
#include "revel/systable.h"

static void p_rlim_abbrev(struct fc *c, uint64_t v);

static void p_dev(struct fc *c, uint64_t dev)
{
	unsigned major = (unsigned)(((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffull));
	unsigned minor = (unsigned)((dev & 0xff) | ((dev >> 12) & ~0xffull));
	int how = xs_begin(c, dev, 'x');
	if (how == XS_SKIP)
		return;
	fo_printf(c->o, "makedev(%#x, %#x)", major, minor);
	xs_end(c, how);
}

struct kstat {
	uint64_t dev, ino, nlink;
	uint32_t mode, uid, gid, pad0;
	uint64_t rdev;
	int64_t size, blksize, blocks;
	uint64_t times[6];
	int64_t unused[3];
};

/* -v: every field, times with their dates, as strace. */
static void p_stat_whole(struct fc *c, const struct kstat *st)
{
	fo_puts(c->o, "{st_dev=");
	p_dev(c, st->dev);
	fo_printf(c->o, ", st_ino=%" PRIu64 ", st_mode=", st->ino);
	p_mode(c, st->mode);
	fo_printf(c->o,
	          ", st_nlink=%" PRIu64 ", st_uid=%u, st_gid=%u, st_blksize=%" PRId64
	          ", st_blocks=%" PRId64,
	          st->nlink, st->uid, st->gid, st->blksize, st->blocks);
	unsigned t = st->mode & 0170000;
	if (t == 0020000 || t == 0060000) {
		fo_puts(c->o, ", st_rdev=");
		p_dev(c, st->rdev);
	} else {
		fo_printf(c->o, ", st_size=%" PRId64, st->size);
	}
	static const char *const names[] = {"st_atime", "st_mtime", "st_ctime"};
	for (int i = 0; i < 3; i++) {
		int64_t sec = (int64_t)st->times[2 * i], nsec = (int64_t)st->times[2 * i + 1];
		fo_printf(c->o, ", %s=%" PRId64, names[i], sec);
		p_time_comment(c, sec, nsec, 9);
		fo_printf(c->o, ", %s_nsec=%" PRId64, names[i], nsec);
	}
	fo_putc(c->o, '}');
}

void p_stat(struct fc *c, uint64_t addr)
{
	struct kstat st;
	FETCH_OR_ADDR(c, addr, st);
	if (!fc_abbrev(c)) {
		p_stat_whole(c, &st);
		return;
	}
	fo_puts(c->o, "{st_mode=");
	p_mode(c, st.mode);
	unsigned t = st.mode & 0170000;
	if (t == 0020000 || t == 0060000) {
		fo_puts(c->o, ", st_rdev=");
		p_dev(c, st.rdev);
	} else {
		fo_printf(c->o, ", st_size=%" PRId64, st.size);
	}
	fo_puts(c->o, ", ...}");
}

struct kstatx {
	uint32_t mask, blksize;
	uint64_t attributes;
	uint32_t nlink, uid, gid;
	uint16_t mode, pad1;
	uint64_t ino, size, blocks, attributes_mask;
	struct {
		int64_t sec;
		uint32_t nsec;
		int32_t pad;
	} t[4];
	uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
	uint64_t mnt_id;
};

/* -v: every field, as strace; times with their dates, btime and mnt_id
 * when the mask has them. */
static void p_statx_whole(struct fc *c, const struct kstatx *st)
{
	fo_puts(c->o, "{stx_mask=");
	p_flags(c, x_statx_mask, st->mask, "STATX_???");
	fo_printf(c->o, ", stx_blksize=%u, stx_attributes=", st->blksize);
	p_flags(c, x_statx_attrs, st->attributes, "STATX_ATTR_???");
	fo_printf(c->o, ", stx_nlink=%u, stx_uid=%u, stx_gid=%u, stx_mode=", st->nlink, st->uid,
	          st->gid);
	p_mode(c, st->mode);
	fo_printf(c->o,
	          ", stx_ino=%" PRIu64 ", stx_size=%" PRIu64 ", stx_blocks=%" PRIu64
	          ", stx_attributes_mask=",
	          st->ino, st->size, st->blocks);
	p_flags(c, x_statx_attrs, st->attributes_mask, "STATX_ATTR_???");
	/* t[]: atime, btime, ctime, mtime */
	static const char *const names[] = {"stx_atime", "stx_btime", "stx_ctime", "stx_mtime"};
	for (int i = 0; i < 4; i++) {
		if (i == 1 && !(st->mask & 0x800)) /* STATX_BTIME */
			continue;
		fo_printf(c->o, ", %s={tv_sec=%" PRId64 ", tv_nsec=%u}", names[i], st->t[i].sec,
		          st->t[i].nsec);
		p_time_comment(c, st->t[i].sec, st->t[i].nsec, 9);
	}
	fo_printf(c->o,
	          ", stx_rdev_major=%u, stx_rdev_minor=%u, stx_dev_major=%u, stx_dev_minor=%u",
	          st->rdev_major, st->rdev_minor, st->dev_major, st->dev_minor);
	if (st->mask & 0x1000) /* STATX_MNT_ID */
		fo_printf(c->o, ", stx_mnt_id=%#" PRIx64, st->mnt_id);
	fo_putc(c->o, '}');
}

void p_statx(struct fc *c, uint64_t addr)
{
	struct kstatx st;
	FETCH_OR_ADDR(c, addr, st);
	if (!fc_abbrev(c)) {
		p_statx_whole(c, &st);
		return;
	}
	fo_puts(c->o, "{stx_mask=");
	p_flags(c, x_statx_mask, st.mask, "STATX_???");
	fo_puts(c->o, ", stx_attributes=");
	p_flags(c, x_statx_attrs, st.attributes, "STATX_ATTR_???");
	fo_puts(c->o, ", stx_mode=");
	p_mode(c, st.mode);
	fo_printf(c->o, ", stx_size=%" PRIu64 ", ...}", st.size);
}

struct kstatfs {
	int64_t type, bsize;
	uint64_t blocks, bfree, bavail, files, ffree;
	int32_t fsid[2];
	int64_t namelen, frsize, flags, spare[4];
};

void p_statfs(struct fc *c, uint64_t addr)
{
	struct kstatfs s;
	FETCH_OR_ADDR(c, addr, s);
	fo_puts(c->o, "{f_type=");
	p_xval(c, x_fs_magic, (uint64_t)s.type, NULL);
	fo_printf(c->o,
	          ", f_bsize=%" PRId64 ", f_blocks=%" PRIu64 ", f_bfree=%" PRIu64
	          ", f_bavail=%" PRIu64 ", f_files=%" PRIu64 ", f_ffree=%" PRIu64
	          ", f_fsid={val=[%#x, %#x]}, f_namelen=%" PRId64 ", f_frsize=%" PRId64
	          ", f_flags=",
	          s.bsize, s.blocks, s.bfree, s.bavail, s.files, s.ffree, (unsigned)s.fsid[0],
	          (unsigned)s.fsid[1], s.namelen, s.frsize);
	p_flags(c, x_st_flags, (uint64_t)s.flags, "ST_???");
	fo_putc(c->o, '}');
}

static void p_inet4(struct fc *c, const unsigned char *a)
{
	fo_printf(c->o, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
}

/* RFC 5952 text of an IPv6 address (the longest run of zero groups as ::). */
static void p_inet6(struct fc *c, const unsigned char *a)
{
	unsigned g[8];
	for (int i = 0; i < 8; i++)
		g[i] = (unsigned)a[2 * i] << 8 | a[2 * i + 1];
	bool v4mapped = !g[0] && !g[1] && !g[2] && !g[3] && !g[4] && g[5] == 0xffff;
	int best = -1, bestlen = 1;
	for (int i = 0; i < 8;) {
		int j = i;
		while (j < 8 && g[j] == 0)
			j++;
		if (j - i > bestlen) {
			best = i;
			bestlen = j - i;
		}
		i = j > i ? j : i + 1;
	}
	if (v4mapped) {
		fo_puts(c->o, "::ffff:");
		p_inet4(c, a + 12);
		return;
	}
	for (int i = 0; i < 8; i++) {
		if (i == best) {
			fo_puts(c->o, "::");
			i += bestlen - 1;
			continue;
		}
		if (i && i != best + bestlen)
			fo_putc(c->o, ':');
		fo_printf(c->o, "%x", g[i]);
	}
}

void p_sockaddr(struct fc *c, uint64_t addr, uint64_t len)
{
	unsigned char sa[128];
	if (!addr) {
		fo_puts(c->o, "NULL");
		return;
	}
	if (!fc_verbose(c)) {
		p_addr(c, addr);
		return;
	}
	if (len < 2 || len > sizeof sa) {
		if (len > sizeof sa)
			len = sizeof sa;
		else {
			p_addr(c, addr);
			return;
		}
	}
	memset(sa, 0, sizeof sa);
	if (!fc_fetch(c, addr, sa, (size_t)len)) {
		p_addr(c, addr);
		return;
	}
	unsigned fam = (unsigned)sa[0] | (unsigned)sa[1] << 8;
	fo_puts(c->o, "{sa_family=");
	p_xval(c, x_af, fam, "AF_???");
	if (fam == 1) { /* AF_UNIX */
		size_t n = (size_t)len - 2;
		if (n == 0) {
			fo_putc(c->o, '}');
			return;
		}
		const unsigned char *p = sa + 2;
		fo_puts(c->o, ", sun_path=");
		if (p[0] == 0 && n > 0) { /* abstract */
			fo_putc(c->o, '@');
			p_quoted(c, p + 1, n - 1, false);
		} else {
			size_t k = strnlen((const char *)p, n);
			p_quoted(c, p, k, false);
		}
		fo_putc(c->o, '}');
	} else if (fam == 2 && len >= 8) { /* AF_INET */
		fo_printf(c->o, ", sin_port=htons(%u), sin_addr=inet_addr(\"",
		          (unsigned)sa[2] << 8 | sa[3]);
		p_inet4(c, sa + 4);
		fo_puts(c->o, "\")}");
	} else if (fam == 10 && len >= 24) { /* AF_INET6 */
		uint32_t flow, scope = 0;
		memcpy(&flow, sa + 4, 4);
		if (len >= 28)
			memcpy(&scope, sa + 24, 4);
		fo_printf(c->o,
		          ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u), inet_pton(AF_INET6, \"",
		          (unsigned)sa[2] << 8 | sa[3], __builtin_bswap32(flow));
		p_inet6(c, sa + 8);
		fo_printf(c->o, "\", &sin6_addr), sin6_scope_id=%u}", scope);
	} else if (fam == 16 && len >= 12) { /* AF_NETLINK */
		uint16_t pad;
		int32_t pid;
		uint32_t groups;
		memcpy(&pad, sa + 2, 2);
		memcpy(&pid, sa + 4, 4);
		memcpy(&groups, sa + 8, 4);
		if (pad) /* as strace: shown when set */
			fo_printf(c->o, ", nl_pad=%#x", pad);
		fo_printf(c->o, ", nl_pid=%d, nl_groups=%08x}", pid, groups);
	} else {
		fo_puts(c->o, ", sa_data=");
		p_quoted(c, sa + 2, (size_t)len - 2, false);
		fo_putc(c->o, '}');
	}
}

/* iovecs: data shown up to data_len bytes in all (the result of a read),
 * or each buffer in full (-s bounded) for writes (data_len < 0). */
void p_iovec(struct fc *c, uint64_t addr, uint64_t cnt, int64_t data_len, bool out)
{
	(void)out;
	if (!addr) {
		fo_puts(c->o, "NULL");
		return;
	}
	uint64_t first[2];
	if (cnt == 0 || !fc_fetch(c, addr, first, sizeof first)) {
		if (cnt == 0)
			fo_puts(c->o, "[]");
		else
			p_addr(c, addr);
		return;
	}
	fo_putc(c->o, '[');
	uint64_t max = (uint64_t)(c->f->string_limit < 0 ? 32 : c->f->string_limit);
	for (uint64_t i = 0; i < cnt; i++) {
		uint64_t iov[2];
		if (i)
			fo_puts(c->o, ", ");
		if (i >= max) {
			fo_puts(c->o, "...");
			break;
		}
		if (!fc_fetch(c, addr + i * 16, iov, sizeof iov)) {
			fo_printf(c->o, "... /* %#" PRIx64 " */", addr + i * 16);
			break;
		}
		fo_puts(c->o, "{iov_base=");
		uint64_t n = iov[1];
		if (data_len >= 0) {
			uint64_t left = (uint64_t)data_len;
			n = n < left ? n : left;
			data_len -= (int64_t)n;
		}
		p_buf(c, iov[0], n, false);
		fo_printf(c->o, ", iov_len=%" PRIu64 "}", iov[1]);
	}
	fo_putc(c->o, ']');
}

struct kmsghdr {
	uint64_t name;
	uint32_t namelen, pad0;
	uint64_t iov, iovlen, control, controllen;
	uint32_t flags, pad1;
};

void p_msghdr(struct fc *c, uint64_t addr, int64_t data_len, bool out)
{
	struct kmsghdr m;
	FETCH_OR_ADDR(c, addr, m);
	fo_puts(c->o, "{msg_name=");
	if (m.name && m.namelen)
		p_sockaddr(c, m.name, m.namelen);
	else
		p_addr(c, m.name);
	fo_printf(c->o, ", msg_namelen=%u, msg_iov=", m.namelen);
	p_iovec(c, m.iov, m.iovlen, data_len, out);
	fo_printf(c->o, ", msg_iovlen=%" PRIu64 ", ", m.iovlen);
	if (m.controllen) {
		fo_puts(c->o, "msg_control=");
		p_cmsgs(c, m.control, m.controllen);
		fo_puts(c->o, ", ");
	}
	fo_printf(c->o, "msg_controllen=%" PRIu64 ", msg_flags=", m.controllen);
	p_flags(c, x_msg_flags, m.flags, NULL);
	fo_putc(c->o, '}');
}

void p_mmsghdr(struct fc *c, uint64_t addr, uint64_t n, bool out)
{
	(void)n;
	(void)out;
	p_addr(c, addr);
}

/* pollfds: on entry {fd, events}; in the result only those with revents. */
void p_pollfds(struct fc *c, uint64_t addr, uint64_t n, bool out)
{
	if (!addr) {
		fo_puts(c->o, "NULL");
		return;
	}
	if (n == 0) {
		fo_puts(c->o, "[]");
		return;
	}
	uint64_t max = (uint64_t)(c->f->string_limit < 0 ? 32 : c->f->string_limit);
	int shown = 0;
	fo_putc(c->o, '[');
	for (uint64_t i = 0; i < n && i < 1024; i++) {
		struct {
			int32_t fd;
			int16_t events, revents;
		} p;
		if (!fc_fetch(c, addr + i * 8, &p, sizeof p)) {
			if (i == 0) {
				c->o->len--; /* drop "[" */
				p_addr(c, addr);
				return;
			}
			break;
		}
		if (out && !p.revents)
			continue;
		if (shown)
			fo_puts(c->o, ", ");
		if ((uint64_t)shown >= max) {
			fo_puts(c->o, "...");
			break;
		}
		shown++;
		fo_printf(c->o, "{fd=%d, %s=", p.fd, out ? "revents" : "events");
		p_flags(c, x_poll_events, (uint16_t)(out ? p.revents : p.events), "POLL???");
		fo_putc(c->o, '}');
	}
	fo_putc(c->o, ']');
}

struct __attribute__((packed)) kepoll_event {
	uint32_t events;
	uint64_t data;
};

static void p_epev(struct fc *c, const struct kepoll_event *e)
{
	fo_puts(c->o, "{events=");
	p_flags(c, x_epoll_events, e->events, "EPOLL???");
	fo_printf(c->o, ", data={u32=%u, u64=%" PRIu64 "}}", (uint32_t)e->data, e->data);
}

void p_epoll_event(struct fc *c, uint64_t addr)
{
	struct kepoll_event e;
	FETCH_OR_ADDR(c, addr, e);
	p_epev(c, &e);
}

void p_epoll_events(struct fc *c, uint64_t addr, int64_t n)
{
	if (n <= 0) {
		if (n == 0)
			fo_puts(c->o, "[]");
		else
			p_addr(c, addr);
		return;
	}
	fo_putc(c->o, '[');
	for (int64_t i = 0; i < n && i < 1024; i++) {
		struct kepoll_event e;
		if (i)
			fo_puts(c->o, ", ");
		if (!fc_fetch(c, addr + (uint64_t)i * sizeof e, &e, sizeof e)) {
			fo_printf(c->o, "... /* %#" PRIx64 " */", addr + (uint64_t)i * sizeof e);
			break;
		}
		p_epev(c, &e);
	}
	fo_putc(c->o, ']');
}

struct ksigaction {
	uint64_t handler, flags, restorer;
	uint64_t mask;
};

void p_sigaction(struct fc *c, uint64_t addr)
{
	struct ksigaction sa;
	FETCH_OR_ADDR(c, addr, sa);
	fo_puts(c->o, "{sa_handler=");
	if (sa.handler == 0 || sa.handler == 1) {
		int how = xs_begin(c, sa.handler, 'x');
		if (how != XS_SKIP)
			fo_puts(c->o, sa.handler ? "SIG_IGN" : "SIG_DFL");
		xs_end(c, how);
	} else {
		fo_printf(c->o, "%#" PRIx64, sa.handler);
	}
	fo_puts(c->o, ", sa_mask=");
	p_sigset(c, &sa.mask, 1);
	fo_puts(c->o, ", sa_flags=");
	p_flags(c, x_sa_flags, sa.flags, "SA_???");
	if (sa.flags & 0x04000000) {
		fo_puts(c->o, ", sa_restorer=");
		p_addr(c, sa.restorer);
	}
	fo_putc(c->o, '}');
}

static void p_rlim(struct fc *c, uint64_t v)
{
	bool named = v == UINT64_MAX || (v > 1024 && v % 1024 == 0);
	int how = named ? xs_begin(c, v, 'u') : XS_DECODE;
	if (how == XS_SKIP)
		return;
	if (how == XS_CLOSE)
		c->xs_inner = false; /* the comment's text is the abbreviated form */
	p_rlim_abbrev(c, v);
	if (how == XS_CLOSE) {
		c->xs_inner = true;
		xs_end(c, how);
	}
}

static void p_rlim_abbrev(struct fc *c, uint64_t v)
{
	if (v == UINT64_MAX)
		fo_puts(c->o, "RLIM64_INFINITY");
	else if (v > 1024 && v % 1024 == 0)
		fo_printf(c->o, "%" PRIu64 "*1024", v / 1024);
	else
		fo_printf(c->o, "%" PRIu64, v);
}

void p_rlimit(struct fc *c, uint64_t addr)
{
	uint64_t r[2];
	FETCH_OR_ADDR(c, addr, r);
	fo_puts(c->o, "{rlim_cur=");
	p_rlim(c, r[0]);
	fo_puts(c->o, ", rlim_max=");
	p_rlim(c, r[1]);
	fo_putc(c->o, '}');
}

static void p_field_str(struct fc *c, const char *name, const char *s, size_t max)
{
	fo_printf(c->o, "%s=", name);
	p_quoted(c, (const unsigned char *)s, strnlen(s, max), false);
}

void p_utsname(struct fc *c, uint64_t addr)
{
	char u[6][65];
	FETCH_OR_ADDR(c, addr, u);
	p_field_str(c, "{sysname", u[0], 65);
	fo_puts(c->o, ", ");
	p_field_str(c, "nodename", u[1], 65);
	if (fc_abbrev(c)) {
		fo_puts(c->o, ", ...}");
		return;
	}
	static const char *const rest[] = {"release", "version", "machine", "domainname"};
	for (int i = 0; i < 4; i++) {
		fo_puts(c->o, ", ");
		p_field_str(c, rest[i], u[2 + i], 65);
	}
	fo_putc(c->o, '}');
}

struct ksysinfo {
	int64_t uptime;
	uint64_t loads[3], totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	uint16_t procs, pad;
	uint32_t pad2;
	uint64_t totalhigh, freehigh;
	uint32_t mem_unit;
	char f[4];
};

void p_sysinfo(struct fc *c, uint64_t addr)
{
	struct ksysinfo s;
	FETCH_OR_ADDR(c, addr, s);
	fo_printf(c->o,
	          "{uptime=%" PRId64 ", loads=[%" PRIu64 ", %" PRIu64 ", %" PRIu64
	          "], totalram=%" PRIu64 ", freeram=%" PRIu64 ", sharedram=%" PRIu64
	          ", bufferram=%" PRIu64 ", totalswap=%" PRIu64 ", freeswap=%" PRIu64
	          ", procs=%u, totalhigh=%" PRIu64 ", freehigh=%" PRIu64 ", mem_unit=%u}",
	          s.uptime, s.loads[0], s.loads[1], s.loads[2], s.totalram, s.freeram, s.sharedram,
	          s.bufferram, s.totalswap, s.freeswap, s.procs, s.totalhigh, s.freehigh,
	          s.mem_unit);
}

void p_rusage(struct fc *c, uint64_t addr)
{
	int64_t r[18];
	FETCH_OR_ADDR(c, addr, r);
	fo_printf(c->o,
	          "{ru_utime={tv_sec=%" PRId64 ", tv_usec=%" PRId64 "}, ru_stime={tv_sec=%" PRId64
	          ", tv_usec=%" PRId64 "}",
	          r[0], r[1], r[2], r[3]);
	if (fc_abbrev(c)) {
		fo_puts(c->o, ", ...}");
		return;
	}
	/* -v: the counters too, as strace */
	static const char *const rest[] = {"maxrss", "ixrss",    "idrss",   "isrss",   "minflt",
	                                   "majflt", "nswap",    "inblock", "oublock", "msgsnd",
	                                   "msgrcv", "nsignals", "nvcsw",   "nivcsw"};
	for (int i = 0; i < 14; i++)
		fo_printf(c->o, ", ru_%s=%" PRId64, rest[i], r[4 + i]);
	fo_putc(c->o, '}');
}
