/* printer_json.c: --json, one object per call, signal and exit. */
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

void pr_json_str(revel_printer *p, const char *s, size_t n)
{
	pr_put(p, "\"", 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '"' || ch == '\\') {
			char e[2] = {'\\', (char)ch};
			pr_put(p, e, 2);
		} else if (ch < 0x20 || ch >= 0x7f) {
			pr_printf(p, "\\u%04x", ch);
		} else {
			pr_put(p, (const char *)&ch, 1);
		}
	}
	pr_put(p, "\"", 1);
}

static bool is_integer(const char *s, size_t n)
{
	size_t i = 0;
	if (n && s[0] == '-')
		i = 1;
	if (i >= n || n - i > 18 || (s[i] == '0' && n - i > 1))
		return false;
	for (; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

void pr_json_call(revel_printer *p, struct call *c, const char *exit_text, int exit_len,
                  bool has_result, int64_t result)
{
	/* The whole rendering: entry text then exit text, cut by the spans. */
	size_t el = c->st.enter_len > 0 ? (size_t)c->st.enter_len : 0;
	if (el > c->text_cap)
		el = c->text_cap;
	size_t xl = exit_len > 0 ? (size_t)exit_len : 0;
	char *all = malloc(el + xl + 1);
	if (!all)
		return;
	if (el)
		memcpy(all, c->text, el);
	if (xl)
		memcpy(all + el, exit_text, xl);
	all[el + xl] = 0;
	size_t total = el + xl;
	pr_printf(p, "{\"pid\":%d,\"tid\":%d,\"name\":", (int)c->tid, (int)c->tid);
	const char *name = pr_name_of(c->nr);
	pr_json_str(p, name, strlen(name));
	pr_puts(p, ",\"args\":[");
	for (int i = 0; i < c->st.nspans; i++) {
		int b = c->st.span_beg[i], e = c->st.span_end[i];
		if (i)
			pr_puts(p, ",");
		if (b < 0 || e < b || (size_t)e > total) {
			pr_puts(p, "null");
			continue;
		}
		if (is_integer(all + b, (size_t)(e - b)))
			pr_put(p, all + b, (size_t)(e - b));
		else
			pr_json_str(p, all + b, (size_t)(e - b));
	}
	pr_puts(p, "],\"result\":");
	if (!has_result) {
		pr_puts(p, "null");
	} else if (result < 0 && result >= -4095) {
		const char *en = revel_errno_name((int)-result);
		pr_printf(p, "-1,\"errno\":");
		if (en)
			pr_json_str(p, en, strlen(en));
		else
			pr_printf(p, "%d", (int)-result);
	} else {
		pr_printf(p, "%" PRId64, result);
	}
	pr_puts(p, "}");
	pr_newline(p);
	free(all);
}
