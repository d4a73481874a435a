/* gdb_packet.h: the GDB remote serial protocol's framing, apart from any
 * tracer: "$payload#cs" packets, their checksums, '}' escapes and '*'
 * run-lengths, acks, the ^C interrupt byte, a size limit. The reader takes
 * bytes one at a time (from a socket, or a fuzz test) and never writes past
 * its buffer; a bad packet is an error line in .err, never a crash. */
#ifndef REVEL_GDB_PACKET_H
#define REVEL_GDB_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The largest payload taken or sent (the PacketSize revel announces), as on
 * the wire with escapes, after run-lengths are expanded. */
#define GDB_PACKET_MAX 16384

enum gdb_in {
	GDB_IN_NONE,      /* byte taken, nothing complete yet */
	GDB_IN_PACKET,    /* a packet: .buf/.len (run-lengths expanded, NUL-ended) */
	GDB_IN_ACK,       /* '+' */
	GDB_IN_NACK,      /* '-': the peer wants the last packet again */
	GDB_IN_INTERRUPT, /* ^C (0x03) outside a packet */
	GDB_IN_BAD,       /* a packet was dropped: .err says why (one line) */
};

struct gdb_reader {
	int state;
	bool too_long; /* the packet at hand outgrew GDB_PACKET_MAX */
	bool rle_bad;  /* ... or had a '*' with nothing before it or a bad count */
	unsigned char sum, hi;
	size_t len;
	char err[96];
	char buf[GDB_PACKET_MAX + 1];
};

void gdb_reader_init(struct gdb_reader *r);
/* One byte in; what it completes. */
enum gdb_in gdb_reader_feed(struct gdb_reader *r, unsigned char c);

/* Frame payload p[0..n) as "$...#cs" into out (cap bytes): bytes that would
 * break the frame ('$', '#', '}', and '*') escaped as '}' then byte ^ 0x20
 * when binary (gdb undoes escapes only in binary replies; text replies never
 * hold them), runs of 4 or more equal bytes run-length encoded. Returns the
 * frame's length, or 0 when it does not fit in cap or GDB_PACKET_MAX. */
size_t gdb_frame(char *out, size_t cap, const void *p, size_t n, bool binary);

/* Undo '}' escapes in place (X, vFile:pwrite data); returns the new length,
 * or -1 for an escape at the end. */
long gdb_unescape(char *p, size_t n);

/* Hex: a digit's value or -1; bytes from hex text (n bytes out of 2n digits,
 * -1 on a bad digit); bytes to hex text (2n digits and a NUL). */
int gdb_hexval(int c);
long gdb_hex_decode(const char *hex, size_t ndigits, void *out, size_t cap);
void gdb_hex_encode(const void *p, size_t n, char *out);
/* A hex number at *s, at most 16 digits; *s moves past it. False if no digit
 * or too many. */
bool gdb_hex_u64(const char **s, uint64_t *v);

#endif
