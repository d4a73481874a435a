/* check.h: the one assertion helper of the C unit tests. Each check counts a
 * pass or prints a failure with its place and goes on, so one run shows every
 * failure; main ends with `return check_done();` for the summary and the exit
 * code ctest reads. Header only: each test stays a single file. */
#ifndef REVEL_TESTS_CHECK_H
#define REVEL_TESTS_CHECK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

/* Failures go to stderr, unbuffered: they show even if the test crashes later. */
__attribute__((format(printf, 3, 4), unused)) static bool check_report(bool ok, const char *where,
                                                                       const char *fmt, ...)
{
	if (ok) {
		check_passed++;
		return true;
	}
	check_failed++;
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "FAIL %s: ", where);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return false;
}

#define CHECK_STRINGIFY_(x) #x
#define CHECK_STRINGIFY(x) CHECK_STRINGIFY_(x)
#define CHECK_WHERE __FILE__ ":" CHECK_STRINGIFY(__LINE__)

/* CHECK(cond, fmt, ...): fmt and its arguments say what went wrong. An
 * expression: its value is whether cond held. */
#define CHECK(cond, ...) check_report((cond) != 0, CHECK_WHERE, __VA_ARGS__)

#define CHECK_EQ_INT(want, got)                                                                    \
	({                                                                                         \
		long long want_ = (long long)(want), got_ = (long long)(got);                      \
		check_report(want_ == got_, CHECK_WHERE, "%s: want %lld, got %lld", #got, want_,   \
		             got_);                                                                \
	})

/* A NULL got is a failure, not a crash. */
#define CHECK_STR(want, got)                                                                       \
	({                                                                                         \
		const char *want_ = (want), *got_ = (got);                                         \
		check_report(got_ != NULL && strcmp(want_, got_) == 0, CHECK_WHERE,                \
		             "\n  want %s\n  got  %s", want_, got_ ? got_ : "(null)");             \
	})

/* The summary line; the exit status for main. */
__attribute__((unused)) static int check_done(void)
{
	printf("%d passed, %d failed\n", check_passed, check_failed);
	return check_failed != 0;
}

#endif
