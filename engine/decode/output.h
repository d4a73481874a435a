/* output.h: the bottom layer of the decoder, a bounded output buffer. It
 * writes what fits and counts what was wanted (like snprintf), so a caller
 * learns the full length of a line it cut. Knows nothing of syscalls. */
#ifndef REVEL_DECODE_OUTPUT_H
#define REVEL_DECODE_OUTPUT_H

#include <stddef.h>
#include <stdint.h>

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

#endif
