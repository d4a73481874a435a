/* printer_summary.c: -c and -C, the time, count and errors of each call,
 * and the table printed at the end in strace's layout: its columns (-U),
 * their order and widths, its sort (-S), the overhead taken off each call
 * (-O), wall clock (-w) or system CPU time. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "printer_internal.h"

void pr_count_exit(revel_printer *p, struct call *c, int64_t result)
{
	if (c->nr < 0 || c->nr >= REVEL_NR_MAX)
		return;
	int64_t ns;
	if (!p->o.summary_wall && p->o.cpu_of)
		ns = p->o.cpu_of(p->o.ctx, c->tid) - c->cpu_enter;
	else
		ns = pr_mono_ns() - c->t_enter;
	ns -= p->o.summary_overhead_ns;
	if (ns < 0)
		ns = 0;
	struct revel_printer_count *k = &pr_counts(p)[c->nr];
	if (p->o.shared) { /* other processes add to it too */
		int64_t v = __atomic_load_n(&k->min_ns, __ATOMIC_RELAXED);
		while ((__atomic_load_n(&k->calls, __ATOMIC_RELAXED) == 0 || ns < v) &&
		       !__atomic_compare_exchange_n(&k->min_ns, &v, ns, false, __ATOMIC_RELAXED,
		                                    __ATOMIC_RELAXED))
			;
		v = __atomic_load_n(&k->max_ns, __ATOMIC_RELAXED);
		while (ns > v && !__atomic_compare_exchange_n(&k->max_ns, &v, ns, false,
		                                              __ATOMIC_RELAXED, __ATOMIC_RELAXED))
			;
		__atomic_add_fetch(&k->ns, ns, __ATOMIC_RELAXED);
		if (result < 0 && result >= -4095)
			__atomic_add_fetch(&k->errors, 1, __ATOMIC_RELAXED);
		__atomic_add_fetch(&k->calls, 1, __ATOMIC_RELAXED);
		return;
	}
	if (!k->calls || ns < k->min_ns)
		k->min_ns = ns;
	if (ns > k->max_ns)
		k->max_ns = ns;
	k->calls++;
	k->ns += ns;
	if (result < 0 && result >= -4095)
		k->errors++;
}

static double secs(int64_t ns)
{
	return (double)(ns / 1000000000) + (double)(ns % 1000000000) / 1e9;
}

/* Average in µs as strace has it: the average time, then its µs cut. */
static uint64_t avg_us(int64_t ns, uint64_t calls)
{
	return calls ? (uint64_t)(secs(ns / (int64_t)calls) * 1e6) : 0;
}

struct row {
	long nr;
	const struct revel_printer_count *k;
};

static int sort_key;

static int cmp_u64(uint64_t a, uint64_t b)
{
	return a < b ? 1 : a > b ? -1 : 0; /* the most first */
}

/* strace sorts with a stable sort: equal keys stay in number order. */
static int by_key(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	int r = 0;
	switch (sort_key) {
	case REVEL_COL_END:
	case REVEL_COL_PERCENT:
	case REVEL_COL_TOTAL:
		r = cmp_u64((uint64_t)a->k->ns, (uint64_t)b->k->ns);
		break;
	case REVEL_COL_MIN:
		r = cmp_u64((uint64_t)a->k->min_ns, (uint64_t)b->k->min_ns);
		break;
	case REVEL_COL_MAX:
		r = cmp_u64((uint64_t)a->k->max_ns, (uint64_t)b->k->max_ns);
		break;
	case REVEL_COL_AVG:
		r = cmp_u64((uint64_t)(a->k->ns / (int64_t)a->k->calls),
		            (uint64_t)(b->k->ns / (int64_t)b->k->calls));
		break;
	case REVEL_COL_CALLS:
		r = cmp_u64(a->k->calls, b->k->calls);
		break;
	case REVEL_COL_ERRORS:
		r = cmp_u64(a->k->errors, b->k->errors);
		break;
	case REVEL_COL_NAME:
		r = strcmp(pr_name_of(a->nr), pr_name_of(b->nr));
		break;
	default:
		break;
	}
	return r ? r : (a->nr > b->nr) - (a->nr < b->nr);
}

static const struct {
	const char *title;
	int width; /* the least */
	bool left;
} cols[] = {
    [REVEL_COL_PERCENT] = {"% time", 6, false},  [REVEL_COL_TOTAL] = {"seconds", 11, false},
    [REVEL_COL_MIN] = {"shortest", 8, false},    [REVEL_COL_MAX] = {"longest", 7, false},
    [REVEL_COL_AVG] = {"usecs/call", 11, false}, [REVEL_COL_CALLS] = {"calls", 9, false},
    [REVEL_COL_ERRORS] = {"errors", 9, false},   [REVEL_COL_NAME] = {"syscall", 16, true},
};

static int digits_of(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int digits_of(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	return n;
}

/* The totals line and each row hold the same kinds of values. */
struct vals {
	double percent;
	int64_t ns, min_ns, max_ns;
	uint64_t avg, calls, errors;
	const char *name;
};

static void put_row(revel_printer *p, const unsigned char *list, int n, const int *w,
                    const struct vals *v)
{
	for (int i = 0; i < n; i++) {
		int c = list[i];
		if (i)
			pr_puts(p, " ");
		switch (c) {
		case REVEL_COL_PERCENT:
			pr_printf(p, "%*.2f", w[c], v->percent);
			break;
		case REVEL_COL_TOTAL:
			pr_printf(p, "%*.6f", w[c], secs(v->ns));
			break;
		case REVEL_COL_MIN:
			pr_printf(p, "%*.6f", w[c], secs(v->min_ns));
			break;
		case REVEL_COL_MAX:
			pr_printf(p, "%*.6f", w[c], secs(v->max_ns));
			break;
		case REVEL_COL_AVG:
			pr_printf(p, "%*" PRIu64, w[c], v->avg);
			break;
		case REVEL_COL_CALLS:
			pr_printf(p, "%*" PRIu64, w[c], v->calls);
			break;
		case REVEL_COL_ERRORS:
			pr_printf(p, "%*.0" PRIu64, w[c], v->errors); /* 0: blank */
			break;
		case REVEL_COL_NAME:
			if (i == n - 1)
				pr_puts(p, v->name);
			else
				pr_printf(p, "%-*s", w[c], v->name);
			break;
		}
	}
	pr_puts(p, "\n");
}

static void put_rule(revel_printer *p, const unsigned char *list, int n, const int *w)
{
	static const char dashes[] = "--------------------------------";
	for (int i = 0; i < n; i++) {
		if (i)
			pr_puts(p, " ");
		for (int left = w[list[i]]; left > 0; left -= (int)sizeof dashes - 1)
			pr_put(p, dashes,
			       (size_t)(left < (int)sizeof dashes - 1 ? left
			                                              : (int)sizeof dashes - 1));
	}
	pr_puts(p, "\n");
}

/* The columns to print: -U's, with the name last when it was left out. */
static int column_list(const revel_printer *p, unsigned char *list)
{
	static const unsigned char dflt[] = {REVEL_COL_PERCENT, REVEL_COL_TOTAL,  REVEL_COL_AVG,
	                                     REVEL_COL_CALLS,   REVEL_COL_ERRORS, REVEL_COL_NAME};
	int n = 0;
	bool name = false;
	for (size_t i = 0; i < sizeof p->o.summary_columns && p->o.summary_columns[i]; i++) {
		int c = p->o.summary_columns[i];
		if (c < REVEL_COL_PERCENT || c > REVEL_COL_NAME)
			continue;
		name = name || c == REVEL_COL_NAME;
		list[n++] = (unsigned char)c;
	}
	if (!n) {
		memcpy(list, dflt, sizeof dflt);
		return (int)sizeof dflt;
	}
	if (!name)
		list[n++] = REVEL_COL_NAME;
	return n;
}

int revel_printer_summary(revel_printer *p)
{
	if (!p->counting)
		return 0;
	struct row rows[REVEL_NR_MAX];
	int n = 0;
	struct vals tot = {.percent = 100.0, .min_ns = INT64_MAX, .name = "total"};
	int64_t min_max = 0, avg_max = 0;
	size_t name_max = 0;
	for (long nr = 0; nr < REVEL_NR_MAX; nr++) {
		const struct revel_printer_count *k = &pr_counts(p)[nr];
		if (!k->calls)
			continue;
		rows[n].nr = nr;
		rows[n].k = k;
		n++;
		tot.ns += k->ns;
		tot.calls += k->calls;
		tot.errors += k->errors;
		if (k->min_ns < tot.min_ns)
			tot.min_ns = k->min_ns;
		if (k->min_ns > min_max)
			min_max = k->min_ns;
		if (k->max_ns > tot.max_ns)
			tot.max_ns = k->max_ns;
		if (k->ns / (int64_t)k->calls > avg_max)
			avg_max = k->ns / (int64_t)k->calls;
		size_t len = strlen(pr_name_of(nr));
		if (len > name_max)
			name_max = len;
	}
	if (!n)
		return revel_printer_flush(p); /* strace prints no table */
	tot.avg = (uint64_t)(secs(tot.ns) / (double)tot.calls * 1e6);
	if (p->o.summary_sort != REVEL_SORT_NOTHING) {
		sort_key = p->o.summary_sort;
		qsort(rows, (size_t)n, sizeof rows[0], by_key);
	}
	unsigned char list[16];
	int ncols = column_list(p, list);
	int w[REVEL_COL_NAME + 1];
	for (int c = REVEL_COL_PERCENT; c <= REVEL_COL_NAME; c++)
		w[c] = cols[c].width;
#define AT_LEAST(c, v) (w[c] = w[c] > (v) ? w[c] : (v))
	AT_LEAST(REVEL_COL_TOTAL, digits_of("%.6f", secs(tot.ns)));
	AT_LEAST(REVEL_COL_MIN, digits_of("%" PRId64 ".000000", min_max / 1000000000));
	AT_LEAST(REVEL_COL_MAX, digits_of("%" PRId64 ".000000", tot.max_ns / 1000000000));
	AT_LEAST(REVEL_COL_AVG, digits_of("%" PRIu64, (uint64_t)(secs(avg_max) * 1e6)));
	AT_LEAST(REVEL_COL_CALLS, digits_of("%" PRIu64, tot.calls));
	AT_LEAST(REVEL_COL_ERRORS, digits_of("%" PRIu64, tot.errors));
	AT_LEAST(REVEL_COL_NAME, (int)name_max + 1);
#undef AT_LEAST
	pr_cut_open_line(p, 0);
	for (int i = 0; i < ncols; i++) {
		const char *t = cols[list[i]].title;
		if (i)
			pr_puts(p, " ");
		if (!cols[list[i]].left)
			pr_printf(p, "%*s", w[list[i]], t);
		else if (i == ncols - 1)
			pr_puts(p, t);
		else
			pr_printf(p, "%-*s", w[list[i]], t);
	}
	pr_puts(p, "\n");
	put_rule(p, list, ncols, w);
	double total = secs(tot.ns);
	for (int i = 0; i < n; i++) {
		const struct revel_printer_count *k = rows[i].k;
		struct vals v = {.ns = k->ns,
		                 .min_ns = k->min_ns,
		                 .max_ns = k->max_ns,
		                 .avg = avg_us(k->ns, k->calls),
		                 .calls = k->calls,
		                 .errors = k->errors,
		                 .name = pr_name_of(rows[i].nr)};
		v.percent = 100.0 * secs(k->ns);
		if (v.percent != 0.0) /* 0/0 would be NaN */
			v.percent /= total;
		put_row(p, list, ncols, w, &v);
	}
	put_rule(p, list, ncols, w);
	put_row(p, list, ncols, w, &tot);
	p->curcol = 0;
	p->printing = 0;
	return revel_printer_flush(p);
}
