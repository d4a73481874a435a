/* printer_summary.c: -c, the time and count of each call, and the table
 * printed at the end. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "printer_internal.h"

void pr_count_enter(struct call *c)
{
	clock_gettime(CLOCK_MONOTONIC, &c->t0);
}

void pr_count_exit(revel_printer *p, struct call *c, int64_t result)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (c->nr < 0 || c->nr >= REVEL_NR_MAX)
		return;
	struct count *k = &p->counts[c->nr];
	k->calls++;
	if (result < 0 && result >= -4095)
		k->errors++;
	k->secs += (double)(t1.tv_sec - c->t0.tv_sec) + (double)(t1.tv_nsec - c->t0.tv_nsec) / 1e9;
}

static int by_time(const void *x, const void *y)
{
	const struct {
		long nr;
		const struct count *k;
	} *a = x, *b = y;
	if (a->k->secs != b->k->secs)
		return a->k->secs < b->k->secs ? 1 : -1;
	if (a->k->calls != b->k->calls)
		return a->k->calls < b->k->calls ? 1 : -1;
	return strcmp(pr_name_of(a->nr), pr_name_of(b->nr));
}

int revel_printer_summary(revel_printer *p)
{
	if (p->o.mode != REVEL_PRINT_COUNT)
		return 0;
	struct {
		long nr;
		const struct count *k;
	} rows[REVEL_NR_MAX];
	int n = 0;
	double total = 0;
	uint64_t calls = 0, errors = 0;
	for (long nr = 0; nr < REVEL_NR_MAX; nr++) {
		if (!p->counts[nr].calls)
			continue;
		rows[n].nr = nr;
		rows[n].k = &p->counts[nr];
		n++;
		total += p->counts[nr].secs;
		calls += p->counts[nr].calls;
		errors += p->counts[nr].errors;
	}
	qsort(rows, (size_t)n, sizeof rows[0], by_time);
	static const char dash[] =
	    "------ ----------- ----------- --------- --------- ----------------";
	pr_printf(p, "%6.6s %11.11s %11.11s %9.9s %9.9s %s\n", "% time", "seconds", "usecs/call",
	        "calls", "errors", "syscall");
	pr_printf(p, "%s\n", dash);
	for (int i = 0; i < n; i++) {
		const struct count *k = rows[i].k;
		pr_printf(p, "%6.2f %11.6f %11lu %9" PRIu64 " ",
		        total > 0 ? 100.0 * k->secs / total : 0.0, k->secs,
		        (unsigned long)(1e6 * k->secs / (double)k->calls), k->calls);
		if (k->errors)
			pr_printf(p, "%9" PRIu64, k->errors);
		else
			pr_printf(p, "%9s", "");
		pr_printf(p, " %s\n", pr_name_of(rows[i].nr));
	}
	pr_printf(p, "%s\n", dash);
	pr_printf(p, "%6.2f %11.6f %11lu %9" PRIu64 " ", 100.0, total,
	        (unsigned long)(calls ? 1e6 * total / (double)calls : 0), calls);
	if (errors)
		pr_printf(p, "%9" PRIu64, errors);
	else
		pr_printf(p, "%9s", "");
	pr_printf(p, " total\n");
	p->curcol = 0;
	return revel_printer_flush(p);
}
