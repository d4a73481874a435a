/* printer_time.c: strace's times on each line: the wall clock (-t, -tt,
 * -ttt, --absolute-timestamps), the time since the previous line (-r) and
 * the time in the call (-T), with their precisions. The clocks are read
 * when the line is printed, as strace reads them: the printer is called at
 * the stop itself. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include "printer_internal.h"

static const int64_t scale[10] = {1000000000, 100000000, 10000000, 1000000, 100000,
                                  10000,      1000,      100,      10,      1};

int64_t pr_mono_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int clamp_digits(int d)
{
	return d < 0 ? 0 : d > 9 ? 9 : d;
}

/* Digits of v, right-aligned in at least width columns: the hot path's
 * printf without printf. */
static void put_uint(revel_printer *p, uint64_t v, int width, char pad)
{
	char buf[24];
	int n = 0;
	do {
		buf[sizeof buf - 1 - n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n < width && n < (int)sizeof buf)
		buf[sizeof buf - 1 - n++] = pad;
	pr_put(p, buf + sizeof buf - n, (size_t)n);
}

/* ".FFF": the first digits of a fraction of ns, cut (not rounded) as strace
 * cuts them; nothing for none. */
static void put_frac(revel_printer *p, int64_t frac_ns, int digits)
{
	digits = clamp_digits(digits);
	if (!digits)
		return;
	pr_put(p, ".", 1);
	put_uint(p, (uint64_t)(frac_ns / scale[digits]), digits, '0');
}

/* "S.FFF", the seconds padded to width (-r's "%6ld"). */
static void put_secs(revel_printer *p, int64_t ns, int digits, int width)
{
	if (ns < 0)
		ns = 0;
	put_uint(p, (uint64_t)(ns / 1000000000), width, ' ');
	put_frac(p, ns % 1000000000, digits);
}

/* Where -T and -c start a call's time. */
void pr_time_enter(revel_printer *p, struct call *c)
{
	if (!p->o.syscall_times && !p->counting)
		return;
	c->t_enter = pr_mono_ns();
	if (p->counting && !p->o.summary_wall && p->o.cpu_of)
		c->cpu_enter = p->o.cpu_of(p->o.ctx, c->tid);
}

/* After the pid: "10:00:06.886909 ", "1796637606.902241 ", "     0.000308 "
 * or both as "10:00:06 (+     0.000000) ". */
void pr_stamp(revel_printer *p)
{
	if (p->o.abs_time) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		if (p->o.abs_time == REVEL_TIME_UNIX) {
			put_uint(p, (uint64_t)ts.tv_sec, 0, ' ');
		} else {
			/* The clock's text changes once a second: made then. */
			if (ts.tv_sec != p->clock_sec || !p->clock_text[0]) {
				struct tm tm;
				time_t t = ts.tv_sec;
				localtime_r(&t, &tm);
				strftime(p->clock_text, sizeof p->clock_text, "%T", &tm);
				p->clock_sec = ts.tv_sec;
			}
			pr_puts(p, p->clock_text);
		}
		put_frac(p, ts.tv_nsec, p->o.abs_digits);
		pr_put(p, " ", 1);
	}
	if (p->o.rel_time) {
		int64_t now = pr_mono_ns();
		int64_t d = p->rel_last ? now - p->rel_last : 0;
		p->rel_last = now;
		if (p->o.abs_time)
			pr_puts(p, "(+");
		put_secs(p, d, p->o.rel_digits, 6);
		pr_puts(p, p->o.abs_time ? ") " : " ");
	}
}

/* -T: " <0.000012>" after a result. */
void pr_syscall_time(revel_printer *p, const struct call *c)
{
	if (!p->o.syscall_times)
		return;
	pr_puts(p, " <");
	put_secs(p, pr_mono_ns() - c->t_enter, p->o.syscall_digits, 0);
	pr_puts(p, ">");
}
