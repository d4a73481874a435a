/* test_systable_names.c: checks the decoder's errno and signal names
 * against the C library's macros, both ways.
 *
 * Standalone: gcc -Iengine/decode/include engine/decode/systable.c
 * engine/tests/test_systable_names.c */
#include "revel/systable.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

/* Every errno macro of the C library, by name and value. */
/* clang-format off */
#define ERR(x) {#x, x}
static const struct {
	const char *name;
	int nr;
} libc_errnos[] = {
	ERR(EPERM), ERR(ENOENT), ERR(ESRCH), ERR(EINTR), ERR(EIO), ERR(ENXIO), ERR(E2BIG),
	ERR(ENOEXEC), ERR(EBADF), ERR(ECHILD), ERR(EAGAIN), ERR(ENOMEM), ERR(EACCES), ERR(EFAULT),
	ERR(ENOTBLK), ERR(EBUSY), ERR(EEXIST), ERR(EXDEV), ERR(ENODEV), ERR(ENOTDIR), ERR(EISDIR),
	ERR(EINVAL), ERR(ENFILE), ERR(EMFILE), ERR(ENOTTY), ERR(ETXTBSY), ERR(EFBIG), ERR(ENOSPC),
	ERR(ESPIPE), ERR(EROFS), ERR(EMLINK), ERR(EPIPE), ERR(EDOM), ERR(ERANGE), ERR(EDEADLK),
	ERR(ENAMETOOLONG), ERR(ENOLCK), ERR(ENOSYS), ERR(ENOTEMPTY), ERR(ELOOP), ERR(EWOULDBLOCK),
	ERR(ENOMSG), ERR(EIDRM), ERR(ECHRNG), ERR(EL2NSYNC), ERR(EL3HLT), ERR(EL3RST), ERR(ELNRNG),
	ERR(EUNATCH), ERR(ENOCSI), ERR(EL2HLT), ERR(EBADE), ERR(EBADR), ERR(EXFULL), ERR(ENOANO),
	ERR(EBADRQC), ERR(EBADSLT), ERR(EDEADLOCK), ERR(EBFONT), ERR(ENOSTR), ERR(ENODATA),
	ERR(ETIME), ERR(ENOSR), ERR(ENONET), ERR(ENOPKG), ERR(EREMOTE), ERR(ENOLINK), ERR(EADV),
	ERR(ESRMNT), ERR(ECOMM), ERR(EPROTO), ERR(EMULTIHOP), ERR(EDOTDOT), ERR(EBADMSG),
	ERR(EOVERFLOW), ERR(ENOTUNIQ), ERR(EBADFD), ERR(EREMCHG), ERR(ELIBACC), ERR(ELIBBAD),
	ERR(ELIBSCN), ERR(ELIBMAX), ERR(ELIBEXEC), ERR(EILSEQ), ERR(ERESTART), ERR(ESTRPIPE),
	ERR(EUSERS), ERR(ENOTSOCK), ERR(EDESTADDRREQ), ERR(EMSGSIZE), ERR(EPROTOTYPE),
	ERR(ENOPROTOOPT), ERR(EPROTONOSUPPORT), ERR(ESOCKTNOSUPPORT), ERR(EOPNOTSUPP), ERR(ENOTSUP),
	ERR(EPFNOSUPPORT), ERR(EAFNOSUPPORT), ERR(EADDRINUSE), ERR(EADDRNOTAVAIL), ERR(ENETDOWN),
	ERR(ENETUNREACH), ERR(ENETRESET), ERR(ECONNABORTED), ERR(ECONNRESET), ERR(ENOBUFS),
	ERR(EISCONN), ERR(ENOTCONN), ERR(ESHUTDOWN), ERR(ETOOMANYREFS), ERR(ETIMEDOUT),
	ERR(ECONNREFUSED), ERR(EHOSTDOWN), ERR(EHOSTUNREACH), ERR(EALREADY), ERR(EINPROGRESS),
	ERR(ESTALE), ERR(EUCLEAN), ERR(ENOTNAM), ERR(ENAVAIL), ERR(EISNAM), ERR(EREMOTEIO),
	ERR(EDQUOT), ERR(ENOMEDIUM), ERR(EMEDIUMTYPE), ERR(ECANCELED), ERR(ENOKEY),
	ERR(EKEYEXPIRED), ERR(EKEYREVOKED), ERR(EKEYREJECTED), ERR(EOWNERDEAD),
	ERR(ENOTRECOVERABLE), ERR(ERFKILL), ERR(EHWPOISON),
};
/* clang-format on */
#undef ERR

static void test_errnos(void)
{
	for (size_t i = 0; i < sizeof libc_errnos / sizeof libc_errnos[0]; i++)
		CHECK(revel_errno_by_name(libc_errnos[i].name) == libc_errnos[i].nr,
		      "errno_by_name(%s) = %d, want %d", libc_errnos[i].name,
		      revel_errno_by_name(libc_errnos[i].name), libc_errnos[i].nr);
	int named = 0;
	for (int e = -5; e < 1000; e++) {
		const char *n = revel_errno_name(e);
		if (!n)
			continue;
		named++;
		CHECK(revel_errno_by_name(n) == e, "errno round trip %d -> %s", e, n);
	}
	/* 1..133 but 41 and 58, then 512..531 but 520 */
	CHECK(named == 131 + 19, "%d errno names", named);
	/* the table in order: each number's first entry is its printed name,
	 * the aliases come after (the in-guest library builds revel.errno so) */
	int firsts = 0, total = revel_errno_count();
	for (int i = 0; i < total; i++) {
		int e = -1, first = 1;
		const char *n = revel_errno_at(i, &e);
		CHECK(n && revel_errno_by_name(n) == e, "errno_at(%d)", i);
		for (int j = 0; j < i; j++) {
			int e2 = -1;
			revel_errno_at(j, &e2);
			first &= e2 != e;
		}
		if (first) {
			firsts++;
			CHECK(n && strcmp(n, revel_errno_name(e)) == 0, "errno_at(%d) = %s first",
			      i, n);
		}
	}
	CHECK(firsts == named, "%d first names of %d entries", firsts, total);
	CHECK(!revel_errno_at(total, &named) && !revel_errno_at(-1, &named),
	      "errno_at out of range");

	static const struct {
		int nr;
		const char *name;
	} printed[] = {
	    {2, "ENOENT"},
	    {11, "EAGAIN"},
	    {35, "EDEADLK"},
	    {95, "EOPNOTSUPP"},
	    {133, "EHWPOISON"},
	    {512, "ERESTARTSYS"},
	    {513, "ERESTARTNOINTR"},
	    {514, "ERESTARTNOHAND"},
	    {515, "ENOIOCTLCMD"},
	    {516, "ERESTART_RESTARTBLOCK"},
	    {517, "EPROBE_DEFER"},
	    {518, "EOPENSTALE"},
	    {519, "ENOPARAM"},
	    {521, "EBADHANDLE"},
	    {522, "ENOTSYNC"},
	    {523, "EBADCOOKIE"},
	    {524, "ENOTSUPP"},
	    {525, "ETOOSMALL"},
	    {526, "ESERVERFAULT"},
	    {527, "EBADTYPE"},
	    {528, "EJUKEBOX"},
	    {529, "EIOCBQUEUED"},
	    {530, "ERECALLCONFLICT"},
	};
	for (size_t i = 0; i < sizeof printed / sizeof printed[0]; i++) {
		const char *n = revel_errno_name(printed[i].nr);
		CHECK(n && strcmp(n, printed[i].name) == 0, "errno_name(%d) = %s, want %s",
		      printed[i].nr, n ? n : "NULL", printed[i].name);
	}
	CHECK(revel_errno_by_name("EWOULDBLOCK") == 11, "EWOULDBLOCK");
	CHECK(revel_errno_by_name("EDEADLOCK") == 35, "EDEADLOCK");
	CHECK(revel_errno_by_name("ENOTSUP") == 95, "ENOTSUP");
	CHECK(!revel_errno_name(0), "errno_name(0)");
	CHECK(!revel_errno_name(41), "errno_name(41)");
	CHECK(!revel_errno_name(58), "errno_name(58)");
	CHECK(!revel_errno_name(134), "errno_name(134)");
	CHECK(!revel_errno_name(520), "errno_name(520)");
	CHECK(!revel_errno_name(-2), "errno_name(-2)");
	CHECK(revel_errno_by_name("ENOPE") == -1, "errno_by_name(ENOPE)");
	CHECK(revel_errno_by_name("enoent") == -1, "errno_by_name is case-sensitive");
	CHECK(revel_errno_by_name("") == -1, "errno_by_name(\"\")");
	CHECK(revel_errno_by_name(NULL) == -1, "errno_by_name(NULL)");
}

/* clang-format off */
#define SIG(x) {#x, x}
static const struct {
	const char *name;
	int nr;
} libc_signals[] = {
	SIG(SIGHUP), SIG(SIGINT), SIG(SIGQUIT), SIG(SIGILL), SIG(SIGTRAP), SIG(SIGABRT),
	SIG(SIGBUS), SIG(SIGFPE), SIG(SIGKILL), SIG(SIGUSR1), SIG(SIGSEGV), SIG(SIGUSR2),
	SIG(SIGPIPE), SIG(SIGALRM), SIG(SIGTERM), SIG(SIGSTKFLT), SIG(SIGCHLD), SIG(SIGCONT),
	SIG(SIGSTOP), SIG(SIGTSTP), SIG(SIGTTIN), SIG(SIGTTOU), SIG(SIGURG), SIG(SIGXCPU),
	SIG(SIGXFSZ), SIG(SIGVTALRM), SIG(SIGPROF), SIG(SIGWINCH), SIG(SIGIO), SIG(SIGPWR),
	SIG(SIGSYS),
};
/* clang-format on */
#undef SIG

static void test_signals(void)
{
	for (size_t i = 0; i < sizeof libc_signals / sizeof libc_signals[0]; i++) {
		const char *n = revel_signal_name(libc_signals[i].nr);
		CHECK(n && strcmp(n, libc_signals[i].name) == 0, "signal_name(%d) = %s, want %s",
		      libc_signals[i].nr, n ? n : "NULL", libc_signals[i].name);
	}
	for (int s = 1; s <= 64; s++) {
		const char *n = revel_signal_name(s);
		CHECK(n != NULL, "signal_name(%d) NULL", s);
		if (!n)
			continue;
		CHECK(revel_signal_by_name(n) == s, "signal round trip %d -> %s", s, n);
		CHECK(revel_signal_by_name(n + 3) == s, "signal round trip %d -> %s", s, n + 3);
	}
	static const struct {
		int nr;
		const char *name;
	} rt[] = {
	    {32, "SIGRTMIN"}, {33, "SIGRT_1"},  {34, "SIGRT_2"},
	    {35, "SIGRT_3"},  {63, "SIGRT_31"}, {64, "SIGRT_32"},
	};
	for (size_t i = 0; i < sizeof rt / sizeof rt[0]; i++) {
		const char *n = revel_signal_name(rt[i].nr);
		CHECK(n && strcmp(n, rt[i].name) == 0, "signal_name(%d) = %s, want %s", rt[i].nr,
		      n ? n : "NULL", rt[i].name);
	}
	CHECK(!revel_signal_name(0), "signal_name(0)");
	CHECK(!revel_signal_name(65), "signal_name(65)");
	CHECK(!revel_signal_name(-1), "signal_name(-1)");

	static const struct {
		const char *name;
		int nr;
	} lookups[] = {
	    {"SIGKILL", 9},  {"KILL", 9},      {"kill", 9},      {"SigTerm", 15},
	    {"SIGRT_3", 35}, {"RT_3", 35},     {"SIGRTMIN", 32}, {"RTMIN", 32},
	    {"SIGIOT", 6},   {"SIGCLD", 17},   {"SIGPOLL", 29},  {"SIGRTMAX", 64},
	    {"9", -1},       {"", -1},         {"SIG", -1},      {"SIGFOO", -1},
	    {"SIGRT_0", -1}, {"SIGRT_33", -1}, {"SIGKILLX", -1}, {"SIGSIGKILL", -1},
	};
	for (size_t i = 0; i < sizeof lookups / sizeof lookups[0]; i++)
		CHECK(revel_signal_by_name(lookups[i].name) == lookups[i].nr,
		      "signal_by_name(%s) = %d, want %d", lookups[i].name,
		      revel_signal_by_name(lookups[i].name), lookups[i].nr);
	CHECK(revel_signal_by_name(NULL) == -1, "signal_by_name(NULL)");
}

int main(void)
{
	test_errnos();
	test_signals();
	return check_done();
}
