/* test_format_fuzz.c: a seeded fuzz loop over the formatter and the printer.
 * Random register values and random guest memory (pages mapped or not,
 * bytes biased to NULs and text so strings end sometimes) for every syscall
 * number: nothing may crash, hang or read past a buffer (run it built with
 * -DREVEL_SANITIZE=ON for ASan/UBSan). REVEL_FUZZ_SEED and
 * REVEL_FUZZ_ROUNDS override the seed and the rounds per syscall. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "revel/format.h"
#include "revel/systable.h"
#include "revel/printer.h"
#include "check.h"

static uint64_t rng_state;

static uint64_t rnd(void)
{
	/* splitmix64 */
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint64_t hash(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	return x ^ (x >> 33);
}

/* The guest: a memory seed per round; a page is mapped 3 times in 4. */
static uint64_t mem_seed;

static bool mapped(uint64_t page)
{
	return page != 0 && (hash(page ^ mem_seed) & 3) != 0;
}

static unsigned char byte_at(uint64_t addr)
{
	uint64_t h = hash(addr * 31 + mem_seed);
	switch (h & 7) {
	case 0:
	case 1:
		return 0;
	case 2:
	case 3:
	case 4:
		return (unsigned char)(' ' + (h >> 8) % 95);
	default:
		return (unsigned char)(h >> 16);
	}
}

static uint64_t reads, bytes_read;

static ssize_t fuzz_read(void *ctx, pid_t tid, uint64_t addr, void *buf, size_t n)
{
	(void)ctx;
	(void)tid;
	reads++;
	size_t done = 0;
	unsigned char *out = buf;
	while (done < n) {
		uint64_t a = addr + done;
		if (a < addr || !mapped(a >> 12))
			break;
		out[done++] = byte_at(a);
	}
	bytes_read += done;
	return done ? (ssize_t)done : -EFAULT;
}

static int64_t random_arg(uint64_t base)
{
	switch (rnd() % 8) {
	case 0:
		return 0;
	case 1:
		return (int64_t)(rnd() % 64) - 8;
	case 2:
		return -100;
	case 3:
		return (int64_t)rnd();
	case 4:
		return (int64_t)(uint32_t)rnd();
	default: /* an address near the mapped area, often page-aligned-ish */
		return (int64_t)(base + (rnd() % (64 * 4096)) - (rnd() & 1 ? 0 : 4096));
	}
}

int main(void)
{
	const char *s = getenv("REVEL_FUZZ_SEED");
	uint64_t seed = s ? strtoull(s, NULL, 0) : 0x5eed1234u;
	s = getenv("REVEL_FUZZ_ROUNDS");
	int rounds = s ? atoi(s) : 24;
	static const int limits[] = {0, 1, 4, 32, 200, 4096};
	rng_state = seed;
	printf("seed %#llx, %d rounds per syscall\n", (unsigned long long)seed, rounds);

	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	long calls = 0;
	int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	static char out[1 << 16];
	for (int mode = 0; mode < 3; mode++) {
		struct revel_printer_opts po = {.fd = devnull,
		                                .mode = mode,
		                                .prefix = mode == 0 ? 1 : 0,
		                                .string_limit = 32,
		                                .read = fuzz_read};
		revel_printer *pr = revel_printer_new(&po);
		for (long nr = 0; nr < REVEL_NR_MAX; nr++) {
			for (int r = 0; r < rounds; r++) {
				mem_seed = rnd();
				uint64_t base = 0x7f0000000000ull + (rnd() % 1024) * 4096;
				struct revel_fmt f = {.read = fuzz_read,
				                      .string_limit = limits[rnd() % 6],
				                      .tid = 1,
				                      .pid = 1,
				                      .sp = rnd() & 1 ? base : rnd()};
				int64_t args[6];
				for (int i = 0; i < 6; i++)
					args[i] = random_arg(base);
				int64_t result =
				    rnd() & 1 ? -(int64_t)(rnd() % 600) : random_arg(base);
				struct revel_fmt_state st;
				/* Odd sizes: the output must be cut, never overrun. */
				size_t len = rnd() & 3 ? sizeof out : rnd() % 64;
				int n = revel_format_enter(&f, nr, args, &st, out, len);
				if (!CHECK(n >= 0 && !(len && strlen(out) >= len),
				           "enter of %ld wrote past %zu", nr, len))
					return check_done();
				revel_format_exit(&f, nr, args, &st, result, out, len);
				revel_format_result(&f, nr, args, &st, result, out, len);
				unsigned char info[128];
				for (int i = 0; i < 128; i++)
					info[i] = (unsigned char)rnd();
				if (r == 0)
					revel_format_signal(&f, (int)(rnd() % 70), info, out, len);
				/* The printer: interleaved threads, signals, exits. */
				pid_t tid = 100 + (pid_t)(rnd() % 5);
				revel_printer_ntasks(pr, 1 + (int)(rnd() % 3));
				revel_printer_enter(pr, tid, nr, args, f.sp);
				if (rnd() % 5 == 0)
					revel_printer_signal(pr, 100 + (pid_t)(rnd() % 5),
					                     (int)(rnd() % 65), info);
				if (rnd() % 7 == 0)
					revel_printer_exited(pr, tid, (int)(rnd() & 0xffff));
				else
					revel_printer_exit(pr, tid, result);
				calls++;
			}
		}
		revel_printer_summary(pr);
		revel_printer_free(pr);
	}
	close(devnull);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%ld calls, %llu reads (%llu bytes) in %.2f s: no crash\n", calls,
	       (unsigned long long)reads, (unsigned long long)bytes_read, secs);
	return check_done();
}
