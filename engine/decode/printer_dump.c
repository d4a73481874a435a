/* printer_dump.c: -e read=SET / -e write=SET, strace's dumps of the data a
 * call read from or wrote to a listed fd, under its line:
 *
 *  | 00000  62 0a 61 0a 63 0a                                 b.a.c.           |
 *
 * and for a vector " * 6 bytes in buffer 1" before each buffer's dump. As
 * strace: writes are dumped by the length asked for, reads by the result;
 * a failed read dumps nothing. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include "printer_internal.h"

enum { DUMP_READ = 1, DUMP_WRITE = 2 };

static bool dumped(revel_printer *p, int64_t fd, int what)
{
	if (fd < 0 || fd > INT32_MAX)
		return false;
	int bits = fd < p->o.dump_nfds && p->dump_fds ? p->dump_fds[fd] : p->o.dump_rest;
	return bits & what;
}

static ssize_t guest_read(revel_printer *p, struct call *c, uint64_t addr, void *buf, size_t n)
{
	if (!p->fmt.read || !n)
		return -1;
	return p->fmt.read(p->fmt.ctx, c->tid, addr, buf, n);
}

/* One row: " | 00000  61 62 ...  ab... |", without printf (a dump can be
 * megabytes). */
static size_t dump_row(char *line, uint64_t off, const unsigned char *d, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t k = 0;
	memcpy(line, " | ", 3);
	k = 3;
	char num[24];
	int nd = snprintf(num, sizeof num, "%05" PRIx64, off);
	memcpy(line + k, num, (size_t)nd);
	k += (size_t)nd;
	line[k++] = ' ';
	for (size_t j = 0; j < 16; j++) {
		if (j == 8)
			line[k++] = ' ';
		line[k++] = ' ';
		line[k++] = j < n ? hex[d[j] >> 4] : ' ';
		line[k++] = j < n ? hex[d[j] & 15] : ' ';
	}
	line[k++] = ' ';
	line[k++] = ' ';
	for (size_t j = 0; j < 16; j++) {
		unsigned char ch = j < n ? d[j] : ' ';
		line[k++] = ch >= ' ' && ch < 0x7f ? (char)ch : '.';
	}
	memcpy(line + k, " |", 2);
	return k + 2;
}

/* One buffer: 16 bytes a row, as strace's dumpstr. */
static void dump_buf(revel_printer *p, struct call *c, uint64_t addr, uint64_t len)
{
	static unsigned char data[65536];
	uint64_t off = 0;
	while (off < len) {
		size_t want = len - off < sizeof data ? (size_t)(len - off) : sizeof data;
		ssize_t got = guest_read(p, c, addr + off, data, want);
		if (got <= 0)
			return; /* unreadable: strace stops there too */
		for (size_t i = 0; i < (size_t)got; i += 16) {
			char line[128];
			size_t n = (size_t)got - i < 16 ? (size_t)got - i : 16;
			pr_put(p, line, dump_row(line, off + i, data + i, n));
			pr_newline(p);
		}
		off += (uint64_t)got;
		if ((size_t)got < want)
			return;
	}
}

/* An iovec array: each buffer's dump, while total bytes last (-1: all). */
static void dump_iov(revel_printer *p, struct call *c, uint64_t iov, uint64_t cnt, int64_t total)
{
	for (uint64_t i = 0; i < cnt && i < 1024; i++) {
		uint64_t v[2];
		if (guest_read(p, c, iov + 16 * i, v, sizeof v) != (ssize_t)sizeof v)
			return;
		uint64_t len = v[1];
		if (total >= 0) {
			if (total == 0)
				return;
			if (len > (uint64_t)total)
				len = (uint64_t)total;
			total -= (int64_t)len;
		}
		pr_printf(p, " * %" PRIu64 " bytes in buffer %" PRIu64, len, i);
		pr_newline(p);
		dump_buf(p, c, v[0], len);
	}
}

/* A msghdr's iovecs (msg_iov at 16, msg_iovlen at 24). */
static void dump_msg(revel_printer *p, struct call *c, uint64_t msg, int64_t total)
{
	uint64_t m[4];
	if (guest_read(p, c, msg, m, sizeof m) == (ssize_t)sizeof m)
		dump_iov(p, c, m[2], m[3], total);
}

/* An mmsghdr array: each message's iovecs by its msg_len. */
static void dump_mmsg(revel_printer *p, struct call *c, uint64_t vec, uint64_t n)
{
	for (uint64_t i = 0; i < n && i < 1024; i++) {
		uint32_t len;
		if (guest_read(p, c, vec + 64 * i + 56, &len, sizeof len) != (ssize_t)sizeof len)
			return;
		dump_msg(p, c, vec + 64 * i, len);
	}
}

void pr_dump(revel_printer *p, struct call *c, int64_t r)
{
	const int64_t *a = c->args;
	const uint64_t *u = (const uint64_t *)c->args;
	if (dumped(p, (int)a[0], DUMP_WRITE)) {
		switch (c->nr) {
		case SYS_write:
		case SYS_pwrite64:
		case SYS_sendto:
		case SYS_mq_timedsend:
			dump_buf(p, c, u[1], u[2]);
			break;
		case SYS_writev:
		case SYS_pwritev:
		case SYS_pwritev2:
		case SYS_vmsplice:
			dump_iov(p, c, u[1], u[2], -1);
			break;
		case SYS_sendmsg:
			dump_msg(p, c, u[1], -1);
			break;
		case SYS_sendmmsg:
			if (r > 0)
				dump_mmsg(p, c, u[1], (uint64_t)r);
			break;
		}
	}
	if (r < 0 || !dumped(p, (int)a[0], DUMP_READ))
		return;
	switch (c->nr) {
	case SYS_read:
	case SYS_pread64:
	case SYS_recvfrom:
	case SYS_mq_timedreceive:
		dump_buf(p, c, u[1], (uint64_t)r);
		break;
	case SYS_readv:
	case SYS_preadv:
	case SYS_preadv2:
		dump_iov(p, c, u[1], u[2], r);
		break;
	case SYS_recvmsg:
		dump_msg(p, c, u[1], r);
		break;
	case SYS_recvmmsg:
		dump_mmsg(p, c, u[1], (uint64_t)r);
		break;
	}
}
