/* test_format_summary.c: the -c table, byte for byte, on calls whose times
 * a fake CPU clock (the printer's cpu_of) decides: strace 6.1's layout,
 * -S's orders, -U's columns and widths, -O's overhead; no table without a
 * call. The printer alone: no tracer. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <revel/printer.h>
#include "check.h"

static int64_t fake_ns; /* the "system CPU time" cpu_of reports */

static int64_t fake_cpu(void *ctx, pid_t tid)
{
	(void)ctx;
	(void)tid;
	return fake_ns;
}

/* One call of tid that takes ns and returns result. */
static void call(revel_printer *p, pid_t tid, long nr, int64_t ns, int64_t result)
{
	const int64_t args[6] = {0};
	revel_printer_enter(p, tid, nr, args, 0);
	fake_ns += ns;
	revel_printer_exit(p, tid, result);
}

/* The table for opts o after a fixed run: read twice (2.5 ms, then 0.5 ms
 * failing with ENOENT), write once (1 ms), close once (0 ms). */
static char *table(struct revel_printer_opts o, int calls)
{
	int fd = memfd_create("table", 0);
	o.fd = fd;
	o.mode = REVEL_PRINT_COUNT;
	o.cpu_of = fake_cpu;
	revel_printer *p = revel_printer_new(&o);
	if (calls) {
		call(p, 7, SYS_read, 2500000, 5);
		call(p, 7, SYS_read, 500000, -2);
		call(p, 7, SYS_write, 1000000, 3);
		call(p, 7, SYS_close, 0, 0);
	}
	revel_printer_summary(p);
	revel_printer_free(p);
	off_t n = lseek(fd, 0, SEEK_END);
	char *s = calloc(1, (size_t)n + 1);
	if (pread(fd, s, (size_t)n, 0) != n)
		s[0] = 0;
	close(fd);
	return s;
}

static void same(const char *want, char *got, const char *what)
{
	CHECK(strcmp(want, got) == 0, "%s:\n%s\nwanted:\n%s", what, got, want);
	free(got);
}

int main(void)
{
	struct revel_printer_opts o = {0};
	same("% time     seconds  usecs/call     calls    errors syscall\n"
	     "------ ----------- ----------- --------- --------- ----------------\n"
	     " 75.00    0.003000        1500         2         1 read\n"
	     " 25.00    0.001000        1000         1           write\n"
	     "  0.00    0.000000           0         1           close\n"
	     "------ ----------- ----------- --------- --------- ----------------\n"
	     "100.00    0.004000        1000         4         1 total\n",
	     table(o, 1), "the default table, by time");

	o.summary_sort = REVEL_COL_NAME;
	o.summary_columns[0] = REVEL_COL_NAME;
	o.summary_columns[1] = REVEL_COL_CALLS;
	o.summary_columns[2] = REVEL_COL_MIN;
	o.summary_columns[3] = REVEL_COL_MAX;
	same("syscall              calls shortest  longest\n"
	     "---------------- --------- -------- --------\n"
	     "close                    1 0.000000 0.000000\n"
	     "read                     2 0.000500 0.002500\n"
	     "write                    1 0.001000 0.001000\n"
	     "---------------- --------- -------- --------\n"
	     "total                    4 0.000000 0.002500\n",
	     table(o, 1), "-S name -U name,calls,min-time,max-time");

	/* -O 1ms: read's 0.5 ms and close's 0 stay at 0; the name goes last. */
	memset(&o, 0, sizeof o);
	o.summary_overhead_ns = 1000000;
	o.summary_sort = REVEL_COL_CALLS;
	o.summary_columns[0] = REVEL_COL_ERRORS;
	o.summary_columns[1] = REVEL_COL_TOTAL;
	same("   errors     seconds syscall\n"
	     "--------- ----------- ----------------\n"
	     "        1    0.001500 read\n"
	     "             0.000000 write\n"
	     "             0.000000 close\n"
	     "--------- ----------- ----------------\n"
	     "        1    0.001500 total\n",
	     table(o, 1), "-O 1ms -S calls -U errors,total-time");

	memset(&o, 0, sizeof o);
	o.summary_sort = REVEL_SORT_NOTHING;
	o.summary_columns[0] = REVEL_COL_PERCENT;
	same("% time syscall\n"
	     "------ ----------------\n"
	     " 75.00 read\n"
	     " 25.00 write\n"
	     "  0.00 close\n"
	     "------ ----------------\n"
	     "100.00 total\n",
	     table(o, 1), "-S nothing: number order");

	memset(&o, 0, sizeof o);
	same("", table(o, 0), "no call, no table");
	return check_done();
}
