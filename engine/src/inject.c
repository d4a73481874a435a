/* inject.c: parsing fault rules: strace's -e inject= specs, which the tracer
 * applies without entering Lua, and revel's --rule specs, into one struct. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <revel/inject.h>
#include <revel/systable.h>

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* An unsigned decimal in [lo, hi]; the whole of s. */
static int parse_u32(const char *s, size_t n, uint32_t lo, uint32_t hi, uint32_t *out)
{
	if (n == 0 || n > 10)
		return -1;
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (v < lo || v > hi)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

/* when=FIRST[..LAST][+[STEP]] */
static int parse_when(const char *s, struct revel_inject_rule *r)
{
	const char *dots = strstr(s, "..");
	const char *plus = strchr(s, '+');
	const char *end_first = dots ? dots : plus ? plus : s + strlen(s);
	uint32_t first, last = UINT32_MAX, step = 0;
	if (parse_u32(s, (size_t)(end_first - s), 1, UINT32_MAX - 1, &first) < 0)
		return -1;
	if (dots) {
		const char *ls = dots + 2;
		const char *le = plus ? plus : ls + strlen(ls);
		if (parse_u32(ls, (size_t)(le - ls), first, UINT32_MAX - 1, &last) < 0)
			return -1;
	}
	if (plus) {
		if (plus[1] == 0)
			step = 1;
		else if (parse_u32(plus + 1, strlen(plus + 1), 1, UINT32_MAX - 1, &step) < 0)
			return -1;
	} else if (!dots) {
		last = first; /* a single invocation */
	} else {
		step = 1;
	}
	r->first = first;
	r->last = last;
	r->step = step;
	return 0;
}

int revel_inject_when(const struct revel_inject_rule *r, uint32_t n)
{
	if (n < r->first || n > r->last)
		return 0;
	if (r->step == 0)
		return n == r->first;
	return (n - r->first) % r->step == 0;
}

/* strace's time format: a number with s, ms, us or ns; microseconds bare. */
static int parse_delay(const char *s, int64_t *us)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || errno || v < 0 || !isfinite(v))
		return -1;
	double scale = 1;
	if (!strcmp(end, "s"))
		scale = 1e6;
	else if (!strcmp(end, "ms"))
		scale = 1e3;
	else if (!strcmp(end, "us") || !*end)
		scale = 1;
	else if (!strcmp(end, "ns"))
		scale = 1e-3;
	else
		return -1;
	v *= scale;
	if (v > 1e15)
		return -1;
	*us = (int64_t)v;
	return 0;
}

/* One word of a syscall set: name, %class, all, ?name (no error when nothing
 * matches). Fills set; returns 0 or -1. */
static int add_set_word(unsigned char *set, const char *w, bool neg)
{
	bool quiet = *w == '?';
	if (quiet)
		w++;
	int hits = 0;
	unsigned int cls = 0;
	if (!strcmp(w, "all") || !strcmp(w, "%all")) {
		for (int nr = 0; nr < REVEL_NR_MAX; nr++)
			if (revel_syscall_by_nr(nr)) {
				set[nr] = !neg;
				hits++;
			}
		return 0;
	}
	if (!strcmp(w, "none"))
		return 0;
	const struct revel_syscall_info *si = revel_syscall_by_name(w);
	if (si && si->nr < REVEL_NR_MAX) {
		set[si->nr] = !neg;
		return 0;
	}
	cls = revel_class_by_name(w);
	if (cls) {
		for (int nr = 0; nr < REVEL_NR_MAX; nr++) {
			const struct revel_syscall_info *i = revel_syscall_by_nr(nr);
			if (i && (i->classes & cls)) {
				set[nr] = !neg;
				hits++;
			}
		}
		return 0;
	}
	return quiet ? 0 : -1;
}

static int parse_set(const char *s, size_t n, unsigned char *set, char *err, size_t errlen)
{
	char buf[1024];
	if (n == 0 || n >= sizeof buf)
		return fail(err, errlen, "an empty or overlong syscall set");
	memcpy(buf, s, n);
	buf[n] = 0;
	char *p = buf;
	bool neg = *p == '!';
	if (neg) {
		p++;
		/* !SET: everything but SET */
		for (int nr = 0; nr < REVEL_NR_MAX; nr++)
			set[nr] = revel_syscall_by_nr(nr) != NULL;
	}
	for (char *save = NULL, *w = strtok_r(p, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		if (add_set_word(set, w, neg) < 0)
			return fail(err, errlen, "unknown syscall or class \"%s\"", w);
	}
	return 0;
}

int revel_inject_parse(const char *spec, struct revel_inject_rule *r, char *err, size_t errlen)
{
	memset(r, 0, sizeof *r);
	r->syscall = -1;
	r->first = 1;
	r->last = UINT32_MAX;
	r->step = 1;
	const char *colon = strchr(spec, ':');
	if (!colon)
		return fail(err, errlen,
		            "inject spec \"%s\" names no action (error=, retval=, signal=, "
		            "delay_enter= or delay_exit=)",
		            spec);
	char tmp[256];
	if (parse_set(spec, (size_t)(colon - spec), r->set, tmp, sizeof tmp) < 0)
		return fail(err, errlen, "inject spec \"%s\": %s", spec, tmp);
	bool have_error = false, have_retval = false, have_signal = false, have_delay = false;
	char buf[1024];
	snprintf(buf, sizeof buf, "%s", colon + 1);
	for (char *save = NULL, *part = strtok_r(buf, ":", &save); part;
	     part = strtok_r(NULL, ":", &save)) {
		char *eq = strchr(part, '=');
		if (!eq)
			return fail(err, errlen, "inject spec \"%s\": \"%s\" is not KEY=VALUE",
			            spec, part);
		*eq = 0;
		const char *key = part, *val = eq + 1;
		if (!strcmp(key, "error")) {
			if (have_error || have_retval)
				return fail(err, errlen,
				            "inject spec \"%s\": only one error= or retval=", spec);
			int e = revel_errno_by_name(val);
			uint32_t n;
			if (e < 0 && parse_u32(val, strlen(val), 1, 4095, &n) == 0)
				e = (int)n;
			if (e <= 0 || e > 4095)
				return fail(err, errlen,
				            "inject spec \"%s\": unknown errno \"%s\" (a name like "
				            "ENOENT or a number 1..4095)",
				            spec, val);
			r->fault = 1;
			r->value = -e;
			have_error = true;
		} else if (!strcmp(key, "retval")) {
			if (have_error || have_retval)
				return fail(err, errlen,
				            "inject spec \"%s\": only one error= or retval=", spec);
			char *end;
			errno = 0;
			long long v = strtoll(val, &end, 0);
			if (!*val || *end || errno)
				return fail(err, errlen,
				            "inject spec \"%s\": retval=%s is not a number", spec,
				            val);
			r->fault = 1;
			r->value = v;
			have_retval = true;
		} else if (!strcmp(key, "signal")) {
			int sig = revel_signal_by_name(val);
			uint32_t n;
			if (sig < 0 && parse_u32(val, strlen(val), 1, 64, &n) == 0)
				sig = (int)n;
			if (sig <= 0 || sig > 64)
				return fail(err, errlen,
				            "inject spec \"%s\": unknown signal \"%s\"", spec, val);
			r->signal = sig;
			have_signal = true;
		} else if (!strcmp(key, "syscall")) {
			const struct revel_syscall_info *si = revel_syscall_by_name(val);
			if (!si)
				return fail(err, errlen,
				            "inject spec \"%s\": unknown syscall \"%s\"", spec,
				            val);
			if (!(si->classes & REVEL_CLASS_PURE))
				return fail(err, errlen,
				            "inject spec \"%s\": syscall=%s has side effects (only "
				            "%%pure syscalls can stand in)",
				            spec, val);
			r->syscall = si->nr;
		} else if (!strcmp(key, "delay_enter") || !strcmp(key, "delay_exit")) {
			int64_t us;
			if (parse_delay(val, &us) < 0)
				return fail(err, errlen,
				            "inject spec \"%s\": %s=%s is not a delay (e.g. 10ms, "
				            "250us, 1.5s)",
				            spec, key, val);
			if (key[6] == 'e' && key[7] == 'n')
				r->delay_enter_us = us;
			else
				r->delay_exit_us = us;
			have_delay = true;
		} else if (!strcmp(key, "when")) {
			if (parse_when(val, r) < 0)
				return fail(
				    err, errlen,
				    "inject spec \"%s\": when=%s is not FIRST[..LAST][+[STEP]] "
				    "with numbers from 1",
				    spec, val);
		} else {
			return fail(err, errlen, "inject spec \"%s\": unknown key \"%s\"", spec,
			            key);
		}
	}
	if (!have_error && !have_retval && !have_signal && !have_delay)
		return fail(err, errlen,
		            "inject spec \"%s\" names no action (error=, retval=, signal=, "
		            "delay_enter= or delay_exit=)",
		            spec);
	if (r->syscall >= 0 && !r->fault)
		return fail(err, errlen,
		            "inject spec \"%s\": syscall= needs error= or retval=", spec);
	return 0;
}

/* ---- revel's --rule ---- */

/* A number as Lua's tonumber reads one: decimal, hex, a fraction or an
 * exponent, blanks around it; not inf or nan. */
static int parse_number(const char *s, double *out)
{
	while (isspace((unsigned char)*s))
		s++;
	const char *d = s + (*s == '-' || *s == '+');
	if (!isdigit((unsigned char)*d) && *d != '.')
		return -1;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || errno == ERANGE)
		return -1;
	while (isspace((unsigned char)*end))
		end++;
	if (*end)
		return -1;
	*out = v;
	return 0;
}

/* A whole number within int64. */
static int whole(double v, int64_t *out)
{
	if (v != floor(v) || v < -9.2e18 || v > 9.2e18)
		return -1;
	*out = (int64_t)v;
	return 0;
}

struct rule_words {
	const char *path, *place, *error, *signal, *delay, *nth;
	double fd, size, flags, p, retval, shortn;
	const char *fd_s, *size_s, *flags_s, *p_s, *retval_s, *short_s;
	bool eintr;
};

static bool key_chars(const char *k, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)k[i]) && k[i] != '_')
			return false;
	return true;
}

/* One KEY=VALUE (or eintr) of a --rule into w; part is modified. */
static int rule_word(char *part, struct rule_words *w, const char *where, char *err, size_t errlen)
{
	char *eq = strchr(part, '=');
	if (!eq || !key_chars(part, (size_t)(eq - part))) {
		if (!strcmp(part, "eintr")) {
			w->eintr = true;
			return 0;
		}
		return fail(err, errlen, "%s: \"%s\" is not KEY=VALUE", where, part);
	}
	*eq = 0;
	const char *k = part, *v = eq + 1;
	static const char *const text_keys[] = {"path", "place", "error", "signal", "delay", "nth"};
	const char **text[] = {&w->path, &w->place, &w->error, &w->signal, &w->delay, &w->nth};
	for (size_t i = 0; i < sizeof text_keys / sizeof *text_keys; i++)
		if (!strcmp(k, text_keys[i])) {
			*text[i] = v;
			return 0;
		}
	static const char *const num_keys[] = {"fd", "size", "flags", "p", "retval", "short"};
	double *num[] = {&w->fd, &w->size, &w->flags, &w->p, &w->retval, &w->shortn};
	const char **num_s[] = {&w->fd_s, &w->size_s,   &w->flags_s,
	                        &w->p_s,  &w->retval_s, &w->short_s};
	for (size_t i = 0; i < sizeof num_keys / sizeof *num_keys; i++)
		if (!strcmp(k, num_keys[i])) {
			if (parse_number(v, num[i]) < 0)
				return fail(err, errlen, "%s: %s=%s is not a number", where, k, v);
			*num_s[i] = v;
			return 0;
		}
	return fail(err, errlen, "%s: unknown key \"%s\"", where, k);
}

/* SET of a --rule: names and %classes. */
static int rule_set(char *set, struct revel_inject_rule *r, const char *where, char *err,
                    size_t errlen)
{
	int words = 0;
	for (char *save = NULL, *w = strtok_r(set, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		words++;
		if (*w == '%') {
			unsigned int cls = revel_class_by_name(w);
			if (!cls)
				return fail(err, errlen, "%s: unknown syscall class \"%s\"", where,
				            w);
			for (int nr = 0; nr < REVEL_NR_MAX; nr++) {
				const struct revel_syscall_info *i = revel_syscall_by_nr(nr);
				if (i && (i->classes & cls))
					r->set[nr] = 1;
			}
			continue;
		}
		const struct revel_syscall_info *si = revel_syscall_by_name(w);
		if (!si || si->nr >= REVEL_NR_MAX)
			return fail(err, errlen, "%s: unknown syscall \"%s\"", where, w);
		r->set[si->nr] = 1;
	}
	if (!words)
		return fail(err, errlen, "%s: which syscalls? (syscall = \"read\" or a list)",
		            where);
	return 0;
}

static int set_whole(double v, const char *text, const char *key, int64_t *out, const char *where,
                     char *err, size_t errlen)
{
	if (whole(v, out) < 0)
		return fail(err, errlen, "%s: %s=%s is not a whole number", where, key, text);
	return 0;
}

/* The conditions and the action of a --rule, checked in the order fault.lua
 * always checked them, with its messages. */
static int rule_fill(struct revel_inject_rule *r, const struct rule_words *w, const char *where,
                     char *err, size_t errlen)
{
	if (w->nth) {
		if (parse_when(w->nth, r) < 0)
			return fail(err, errlen,
			            "%s: nth=%s is not FIRST[..LAST][+[STEP]] with numbers from 1",
			            where, w->nth);
		r->match |= REVEL_MATCH_NTH;
	}
	if (w->p_s) {
		if (!(w->p >= 0 && w->p <= 1))
			return fail(err, errlen, "%s: p=%s is not a probability in [0, 1]", where,
			            w->p_s);
		r->p = w->p;
		r->match |= REVEL_MATCH_P;
	}
	int actions = (w->error != NULL) + (w->retval_s != NULL) + (w->short_s != NULL) +
	              (w->delay != NULL) + (w->signal != NULL) + w->eintr;
	if (actions != 1)
		return fail(
		    err, errlen,
		    "%s needs exactly one action of error, retval, short, delay, signal, eintr",
		    where);
	const char *arg = "";
	if (w->error) {
		int e = revel_errno_by_name(w->error);
		if (e <= 0 || e > 4095)
			return fail(err, errlen, "%s: unknown errno \"%s\"", where, w->error);
		r->action = REVEL_RULE_ERROR;
		r->fault = 1;
		r->value = -e;
		arg = w->error;
	}
	if (w->signal) {
		int sig = revel_signal_by_name(w->signal);
		if (sig <= 0 || sig > 64)
			return fail(err, errlen, "%s: unknown signal \"%s\"", where, w->signal);
		r->action = REVEL_RULE_SIGNAL;
		r->signal = sig;
		arg = w->signal;
	}
	if (w->delay) {
		if (parse_delay(w->delay, &r->delay_enter_us) < 0)
			return fail(err, errlen, "%s: delay=%s is not a time (10ms, 250us, 1.5s)",
			            where, w->delay);
		r->action = REVEL_RULE_DELAY;
		arg = w->delay;
	}
	if (w->short_s) {
		if (w->shortn < 0)
			return fail(err, errlen, "%s: short=%s is not a byte count", where,
			            w->short_s);
		if (set_whole(w->shortn, w->short_s, "short", &r->short_max, where, err, errlen) <
		    0)
			return -1;
		r->action = REVEL_RULE_SHORT;
	}
	if (w->retval_s) {
		if (set_whole(w->retval, w->retval_s, "retval", &r->value, where, err, errlen) < 0)
			return -1;
		r->action = REVEL_RULE_RETVAL;
		r->fault = 1;
	}
	if (w->eintr) {
		r->action = REVEL_RULE_EINTR;
		r->fault = 1;
		r->value = -512; /* ERESTARTSYS */
	}
	if (strlen(arg) >= sizeof r->arg)
		return fail(err, errlen, "%s: the action's value is too long", where);
	snprintf(r->arg, sizeof r->arg, "%s", arg);
	if (w->fd_s) {
		if (set_whole(w->fd, w->fd_s, "fd", &r->fd, where, err, errlen) < 0)
			return -1;
		r->match |= REVEL_MATCH_FD;
	}
	if (w->size_s) {
		if (set_whole(w->size, w->size_s, "size", &r->size, where, err, errlen) < 0)
			return -1;
		r->match |= REVEL_MATCH_SIZE;
	}
	if (w->flags_s) {
		int64_t f = 0;
		if (set_whole(w->flags, w->flags_s, "flags", &f, where, err, errlen) < 0)
			return -1;
		r->flags = (uint64_t)f;
		r->match |= REVEL_MATCH_FLAGS;
	}
	if (w->path) {
		if (strlen(w->path) >= sizeof r->path)
			return fail(err, errlen, "%s: path= is too long", where);
		snprintf(r->path, sizeof r->path, "%s", w->path);
		r->match |= REVEL_MATCH_PATH;
	}
	if (w->place) {
		if (strlen(w->place) >= sizeof r->place)
			return fail(err, errlen, "%s: place= is too long", where);
		snprintf(r->place, sizeof r->place, "%s", w->place);
		r->match |= REVEL_MATCH_PLACE;
	}
	return 0;
}

int revel_rule_parse(const char *spec, struct revel_inject_rule *r, char *err, size_t errlen)
{
	memset(r, 0, sizeof *r);
	r->syscall = -1;
	r->first = 1;
	r->last = UINT32_MAX;
	r->step = 1;
	char where[300];
	snprintf(where, sizeof where, "fault rule \"%s\"", spec);
	const char *colon = strchr(spec, ':');
	if (!colon || colon == spec || !colon[1])
		return fail(err, errlen, "%s names no action (SET:KEY=VALUE...)", where);
	char buf[2048], set[1024];
	if (strlen(colon + 1) >= sizeof buf || (size_t)(colon - spec) >= sizeof set)
		return fail(err, errlen, "%s is too long", where);
	memcpy(set, spec, (size_t)(colon - spec));
	set[colon - spec] = 0;
	snprintf(buf, sizeof buf, "%s", colon + 1);
	struct rule_words w = {0};
	for (char *save = NULL, *part = strtok_r(buf, ":", &save); part;
	     part = strtok_r(NULL, ":", &save))
		if (rule_word(part, &w, where, err, errlen) < 0)
			return -1;
	if (rule_set(set, r, where, err, errlen) < 0)
		return -1;
	return rule_fill(r, &w, where, err, errlen);
}
