/* output.c: the bottom of the decoder: a bounded output buffer that writes
 * what fits and counts what was wanted, as snprintf does. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "output.h"

/* ---- output ---- */

void fo_init(struct fo *o, char *buf, size_t cap)
{
	o->buf = buf;
	o->cap = cap;
	o->len = 0;
	if (cap)
		buf[0] = 0;
}

int fo_done(struct fo *o)
{
	if (o->cap)
		o->buf[o->len < o->cap ? o->len : o->cap - 1] = 0;
	return o->len > INT32_MAX ? INT32_MAX : (int)o->len;
}

void fo_write(struct fo *o, const char *s, size_t n)
{
	if (o->len + 1 < o->cap) {
		size_t room = o->cap - 1 - o->len;
		memcpy(o->buf + o->len, s, n < room ? n : room);
	}
	o->len += n;
}

void fo_putc(struct fo *o, char c)
{
	if (o->len + 1 < o->cap)
		o->buf[o->len] = c;
	o->len++;
}

void fo_puts(struct fo *o, const char *s)
{
	fo_write(o, s, strlen(s));
}

/* Numbers without vsnprintf: these are most of what a trace prints. */
void fo_udec(struct fo *o, uint64_t v)
{
	char tmp[24];
	int i = sizeof tmp;
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	fo_write(o, tmp + i, sizeof tmp - (size_t)i);
}

void fo_dec(struct fo *o, int64_t v)
{
	if (v < 0) {
		fo_putc(o, '-');
		fo_udec(o, (uint64_t)0 - (uint64_t)v);
	} else {
		fo_udec(o, (uint64_t)v);
	}
}

/* "%#x": 0 prints as "0". */
void fo_hex(struct fo *o, uint64_t v)
{
	static const char digits[] = "0123456789abcdef";
	char tmp[20];
	int i = sizeof tmp;
	if (!v) {
		fo_putc(o, '0');
		return;
	}
	while (v) {
		tmp[--i] = digits[v & 15];
		v >>= 4;
	}
	tmp[--i] = 'x';
	tmp[--i] = '0';
	fo_write(o, tmp + i, sizeof tmp - (size_t)i);
}

void fo_printf(struct fo *o, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n > 0)
		fo_write(o, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}
