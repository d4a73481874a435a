/* gdb_packet.c: reading and framing GDB remote protocol packets. */
#include <stdio.h>
#include <string.h>
#include "gdb_packet.h"

enum { R_IDLE, R_DATA, R_CS1, R_CS2 };

void gdb_reader_init(struct gdb_reader *r)
{
	memset(r, 0, offsetof(struct gdb_reader, buf));
	r->buf[0] = 0;
}

int gdb_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void start(struct gdb_reader *r)
{
	r->state = R_DATA;
	r->len = 0;
	r->sum = 0;
	r->too_long = false;
	r->rle_bad = false;
}

static void put(struct gdb_reader *r, char c)
{
	if (r->len < GDB_PACKET_MAX)
		r->buf[r->len++] = c;
	else
		r->too_long = true;
}

/* A byte of the payload: '*' repeats the byte before it (count byte - 29
 * more times), as the checksum covers the bytes as sent. The count byte is
 * taken raw in R_DATA; a flag says the next byte is one. */
#define R_COUNT 0x100

enum gdb_in gdb_reader_feed(struct gdb_reader *r, unsigned char c)
{
	int v;
	switch (r->state & 0xff) {
	case R_IDLE:
		if (c == '$') {
			start(r);
			return GDB_IN_NONE;
		}
		if (c == '+')
			return GDB_IN_ACK;
		if (c == '-')
			return GDB_IN_NACK;
		if (c == 0x03)
			return GDB_IN_INTERRUPT;
		return GDB_IN_NONE; /* noise between packets: ignored, as gdbserver does */
	case R_DATA:
		if (r->state & R_COUNT) {
			r->state = R_DATA;
			r->sum += c;
			int n = (int)c - 29;
			if (r->len == 0 || n < 3 || c == '#' || c == '$') {
				r->rle_bad = true;
				if (c == '#') {
					r->sum -= c;
					r->state = R_CS1;
				}
				return GDB_IN_NONE;
			}
			char prev = r->buf[r->len - 1];
			for (int i = 0; i < n; i++)
				put(r, prev);
			return GDB_IN_NONE;
		}
		if (c == '#') {
			r->state = R_CS1;
			return GDB_IN_NONE;
		}
		if (c == '$') { /* a new packet before this one ended: start over */
			start(r);
			return GDB_IN_NONE;
		}
		r->sum += c;
		if (c == '*')
			r->state = R_DATA | R_COUNT;
		else
			put(r, (char)c);
		return GDB_IN_NONE;
	case R_CS1:
		v = gdb_hexval(c);
		if (v < 0) {
			r->state = R_IDLE;
			snprintf(r->err, sizeof r->err, "bad checksum digit 0x%02x", c);
			return GDB_IN_BAD;
		}
		r->hi = (unsigned char)v;
		r->state = R_CS2;
		return GDB_IN_NONE;
	default: /* R_CS2 */
		r->state = R_IDLE;
		v = gdb_hexval(c);
		if (v < 0) {
			snprintf(r->err, sizeof r->err, "bad checksum digit 0x%02x", c);
			return GDB_IN_BAD;
		}
		unsigned char want = (unsigned char)(r->hi << 4 | v);
		if (r->too_long) { /* the first thing wrong with it, whatever its sum */
			snprintf(r->err, sizeof r->err, "packet longer than %d bytes dropped",
			         GDB_PACKET_MAX);
			return GDB_IN_BAD;
		}
		if (want != r->sum) {
			snprintf(r->err, sizeof r->err,
			         "bad checksum: packet says %02x, its bytes sum to %02x", want,
			         r->sum);
			return GDB_IN_BAD;
		}
		if (r->rle_bad) {
			snprintf(r->err, sizeof r->err, "bad run-length encoding");
			return GDB_IN_BAD;
		}
		r->buf[r->len] = 0;
		return GDB_IN_PACKET;
	}
}

static bool needs_escape(unsigned char c)
{
	return c == '$' || c == '#' || c == '}' || c == '*';
}

size_t gdb_frame(char *out, size_t cap, const void *p, size_t n, bool binary)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *b = p;
	if (cap < 4)
		return 0;
	size_t o = 0, wire = 0; /* wire: the payload's bytes with escapes, runs expanded */
	unsigned char sum = 0;
	out[o++] = '$';
	for (size_t i = 0; i < n;) {
		unsigned char c = b[i];
		if (binary && needs_escape(c)) {
			if (o + 2 > cap - 3)
				return 0;
			out[o++] = '}';
			out[o++] = (char)(c ^ 0x20);
			wire += 2;
			sum += '}' + (c ^ 0x20);
			i++;
			continue;
		}
		size_t run = 1;
		while (i + run < n && b[i + run] == c && run < 98)
			run++;
		/* A text reply never holds '*', '#' or '$' (gdb would misread them);
		 * a run's count byte must not be '#' or '$' (runs of 7 and 8). */
		if (run == 7 || run == 8)
			run = 6;
		if (run >= 4 && !needs_escape(c)) {
			if (o + 3 > cap - 3)
				return 0;
			unsigned char cnt = (unsigned char)(run - 1 + 29);
			out[o++] = (char)c;
			out[o++] = '*';
			out[o++] = (char)cnt;
			sum += c + '*' + cnt;
			i += run;
			wire += run;
			continue;
		}
		if (o + 1 > cap - 3)
			return 0;
		out[o++] = (char)c;
		sum += c;
		i++;
		wire++;
	}
	if (wire > GDB_PACKET_MAX)
		return 0;
	out[o++] = '#';
	out[o++] = hex[sum >> 4];
	out[o++] = hex[sum & 15];
	return o;
}

long gdb_unescape(char *p, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '}') {
			if (++i >= n)
				return -1;
			p[o++] = (char)(p[i] ^ 0x20);
		} else {
			p[o++] = p[i];
		}
	}
	return (long)o;
}

long gdb_hex_decode(const char *hex, size_t ndigits, void *out, size_t cap)
{
	unsigned char *o = out;
	if (ndigits % 2 || ndigits / 2 > cap)
		return -1;
	for (size_t i = 0; i < ndigits / 2; i++) {
		int h = gdb_hexval((unsigned char)hex[2 * i]);
		int l = h < 0 ? -1 : gdb_hexval((unsigned char)hex[2 * i + 1]);
		if (l < 0)
			return -1;
		o[i] = (unsigned char)(h << 4 | l);
	}
	return (long)(ndigits / 2);
}

void gdb_hex_encode(const void *p, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[b[i] >> 4];
		out[2 * i + 1] = hex[b[i] & 15];
	}
	out[2 * n] = 0;
}

bool gdb_hex_u64(const char **s, uint64_t *v)
{
	const char *p = *s;
	uint64_t x = 0;
	int n = 0, d;
	while ((d = gdb_hexval((unsigned char)*p)) >= 0) {
		if (++n > 16)
			return false;
		x = x << 4 | (uint64_t)d;
		p++;
	}
	if (!n)
		return false;
	*s = p;
	*v = x;
	return true;
}
