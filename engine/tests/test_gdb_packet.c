/* test_gdb_packet.c: the gdbserver's packet layer. Known packets first, then
 * a seeded fuzz loop of at least a million inputs: random byte streams,
 * valid frames of random payloads (run-lengths and escapes) cut, flipped
 * or glued together, oversized ones. Nothing may crash or write out of
 * bounds (ASan/UBSan in the sanitized build), every frame revel makes must
 * read back as its payload, and a dropped packet always says why.
 * REVEL_FUZZ_SEED and REVEL_FUZZ_ROUNDS override the seed and the count. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/gdb_packet.h"
#include "check.h"

static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull); /* splitmix64 */
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static struct gdb_reader rd;

/* Feed a whole stream; the last packet's kind (or GDB_IN_NONE). */
static enum gdb_in feed(const char *s, size_t n, int *npackets, int *nbad)
{
	enum gdb_in last = GDB_IN_NONE;
	for (size_t i = 0; i < n; i++) {
		enum gdb_in k = gdb_reader_feed(&rd, (unsigned char)s[i]);
		if (k == GDB_IN_PACKET) {
			(*npackets)++;
			CHECK(rd.len <= GDB_PACKET_MAX, "packet of %zu bytes", rd.len);
			CHECK(rd.buf[rd.len] == 0, "packet not NUL-ended");
		} else if (k == GDB_IN_BAD) {
			(*nbad)++;
			CHECK(rd.err[0] && !strchr(rd.err, '\n'),
			      "bad packet without a one-line cause");
		}
		if (k != GDB_IN_NONE)
			last = k;
	}
	return last;
}

static void known(void)
{
	int np = 0, nb = 0;
	gdb_reader_init(&rd);
	unsigned sum = 0;
	for (const char *p = "qSupported:multiprocess+"; *p; p++)
		sum += (unsigned char)*p;
	char buf[64];
	snprintf(buf, sizeof buf, "+$qSupported:multiprocess+#%02x", sum & 0xff);
	CHECK(feed(buf, strlen(buf), &np, &nb) == GDB_IN_PACKET, "a plain packet");
	CHECK_STR(rd.buf, "qSupported:multiprocess+");

	char frame[128];
	size_t n = gdb_frame(frame, sizeof frame, "00000000", 8, false);
	CHECK(n > 0 && memchr(frame, '*', n), "a run is run-length encoded: %.*s", (int)n, frame);
	np = nb = 0;
	CHECK(feed(frame, n, &np, &nb) == GDB_IN_PACKET, "a run reads back");
	CHECK_STR(rd.buf, "00000000");

	np = nb = 0;
	CHECK(feed("$g#00", 5, &np, &nb) == GDB_IN_BAD, "a bad checksum is dropped");
	CHECK(strstr(rd.err, "checksum") != NULL, "said: %s", rd.err);
	np = nb = 0;
	CHECK(feed("$*a#00", 6, &np, &nb) == GDB_IN_BAD, "a run with nothing before it");

	/* binary: the four bytes that need it are escaped, and come back */
	const char bin[] = {'$', '#', '}', '*', 'x', 0, (char)0xff};
	n = gdb_frame(frame, sizeof frame, bin, sizeof bin, true);
	np = nb = 0;
	CHECK(feed(frame, n, &np, &nb) == GDB_IN_PACKET, "binary frame reads back");
	long m = gdb_unescape(rd.buf, rd.len);
	CHECK(m == (long)sizeof bin && !memcmp(rd.buf, bin, sizeof bin), "binary payload back");

	CHECK(gdb_reader_feed(&rd, 0x03) == GDB_IN_INTERRUPT, "^C between packets");
	CHECK(gdb_reader_feed(&rd, '-') == GDB_IN_NACK, "a nack");

	/* oversized: dropped with its cause, and the next packet still reads */
	static char big[GDB_PACKET_MAX + 64];
	big[0] = '$';
	memset(big + 1, 'a', GDB_PACKET_MAX + 10);
	unsigned char s = 0;
	for (int i = 0; i < GDB_PACKET_MAX + 10; i++)
		s += 'a';
	snprintf(big + 1 + GDB_PACKET_MAX + 10, 8, "#%02x", s);
	np = nb = 0;
	CHECK(feed(big, strlen(big), &np, &nb) == GDB_IN_BAD, "an oversized packet is dropped");
	CHECK(strstr(rd.err, "longer") != NULL, "said: %s", rd.err);
	np = nb = 0;
	CHECK(feed("$?#3f", 5, &np, &nb) == GDB_IN_PACKET && !strcmp(rd.buf, "?"),
	      "the next packet reads");

	uint64_t v;
	const char *p = "1f,x";
	CHECK(gdb_hex_u64(&p, &v) && v == 0x1f && *p == ',', "hex number");
	p = "12345678123456781";
	CHECK(!gdb_hex_u64(&p, &v), "17 hex digits refused");
	unsigned char out[4];
	CHECK(gdb_hex_decode("0aFF", 4, out, sizeof out) == 2 && out[1] == 0xff, "hex bytes");
	CHECK(gdb_hex_decode("0g", 2, out, sizeof out) == -1, "bad hex digit");
	CHECK(gdb_hex_decode("00000000000", 10, out, sizeof out) == -1, "hex past the buffer");
}

static char payload[GDB_PACKET_MAX + 256];
static char stream[4 * GDB_PACKET_MAX];
static char framed[2 * GDB_PACKET_MAX + 64];

/* A payload from a small alphabet, so runs and escapes come often. */
static size_t random_payload(size_t max)
{
	static const char alpha[] = "00000aaab$#}*\x03+-";
	size_t n = (size_t)(rnd() % (max + 1));
	bool wild = rnd() & 1;
	for (size_t i = 0; i < n; i++)
		payload[i] = wild ? (char)rnd() : alpha[rnd() % (sizeof alpha - 1)];
	return n;
}

static void fuzz(long rounds)
{
	long packets = 0, bad = 0, roundtrips = 0;
	gdb_reader_init(&rd);
	for (long r = 0; r < rounds; r++) {
		int np = 0, nb = 0;
		uint64_t kind = rnd() % 8;
		if (kind == 0) { /* pure noise */
			size_t n = rnd() % 96;
			for (size_t i = 0; i < n; i++)
				stream[i] = (rnd() & 3) ? "$#*}+-0a\x03"[rnd() % 9] : (char)rnd();
			feed(stream, n, &np, &nb);
		} else { /* a frame of ours, maybe damaged */
			size_t max = (rnd() % 64) ? 48 : GDB_PACKET_MAX / 2;
			size_t n = random_payload(max);
			bool binary = rnd() & 1;
			for (size_t i = 0; !binary && i < n; i++) /* text never holds these */
				if (strchr("$#}*", payload[i]) && payload[i])
					payload[i] = 'x';
			size_t f = gdb_frame(framed, sizeof framed, payload, n, binary);
			if (!CHECK(f > 0, "frame of %zu bytes does not fit", n))
				continue;
			if (kind == 1 && f > 1) {
				framed[rnd() % f] ^= (char)(1 << (rnd() % 8)); /* a flipped bit */
			} else if (kind == 2) {
				f = rnd() % f; /* cut short, then a fresh packet */
			}
			gdb_reader_init(&rd);
			enum gdb_in k = feed(framed, f, &np, &nb);
			if (kind >= 3) {
				roundtrips++;
				if (!CHECK(k == GDB_IN_PACKET, "round %ld: own frame refused: %s",
				           r, rd.err))
					break;
				long m = binary ? gdb_unescape(rd.buf, rd.len) : (long)rd.len;
				if (!CHECK(m == (long)n && !memcmp(rd.buf, payload, n),
				           "round %ld: payload of %zu bytes came back as %ld", r, n,
				           m))
					break;
			}
			if (kind == 2) { /* the reader recovers at the next '$' */
				gdb_reader_init(&rd);
				np = 0;
				feed("$?#3f", 5, &np, &nb);
				CHECK(np == 1, "round %ld: no recovery after a cut frame", r);
			}
		}
		packets += np;
		bad += nb;
	}
	/* an oversized frame, written by hand (gdb_frame refuses one) */
	size_t n = 0;
	stream[n++] = '$';
	for (int i = 0; i < GDB_PACKET_MAX / 50 + 2; i++) {
		stream[n++] = 'x';
		stream[n++] = '*';
		stream[n++] = '~'; /* 97 more */
	}
	memcpy(stream + n, "#00", 3);
	int np = 0, nb = 0;
	gdb_reader_init(&rd);
	feed(stream, n + 3, &np, &nb);
	CHECK(nb == 1 && np == 0, "run-lengths past the limit are dropped");
	printf("fuzz: %ld inputs, %ld packets, %ld dropped, %ld round trips\n", rounds, packets,
	       bad, roundtrips);
}

int main(void)
{
	const char *seed = getenv("REVEL_FUZZ_SEED");
	const char *rounds = getenv("REVEL_FUZZ_ROUNDS");
	rng_state = seed ? strtoull(seed, NULL, 0) : 0x6764627365727665ull;
	printf("seed 0x%llx\n", (unsigned long long)rng_state);
	known();
	fuzz(rounds ? atol(rounds) : 1000000);
	return check_done();
}
