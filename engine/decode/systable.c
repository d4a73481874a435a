/* systable.c: lookups over the syscall table (systable_data.h), errno and
 * signal names. All tables are const data; the only mutable state is the
 * by-name index, sorted once on first use. */
#include "revel/systable.h"

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* strace's class flag names, as the data file spells them. */
#define TD REVEL_CLASS_DESC
#define TF REVEL_CLASS_FILE
#define TI REVEL_CLASS_IPC
#define TN REVEL_CLASS_NETWORK
#define TP REVEL_CLASS_PROCESS
#define TS REVEL_CLASS_SIGNAL
#define TM REVEL_CLASS_MEMORY
#define TC REVEL_CLASS_CREDS
#define TCL REVEL_CLASS_CLOCK
#define TST REVEL_CLASS_STAT
#define TLST REVEL_CLASS_LSTAT
#define TFST REVEL_CLASS_FSTAT
#define TSTA REVEL_CLASS_STAT_LIKE
#define TSF REVEL_CLASS_STATFS
#define TFSF REVEL_CLASS_FSTATFS
#define TSFA REVEL_CLASS_STATFS_LIKE
#define PU REVEL_CLASS_PURE

/* SYSCALL(nr, name, classes, decoder, result, (KIND, arg)...) has 5 to 11
 * macro arguments; dispatch on that count so every helper has a fixed arity
 * (ISO C11 needs at least one argument for "..."). The decoder and result
 * columns are the formatter's (format.c): ignored here. */
#define SC_NARGS(...) SC_NARGS_(__VA_ARGS__, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define SC_NARGS_(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, n, ...) n
#define SC_CAT(a, b) SC_CAT_(a, b)
#define SC_CAT_(a, b) a##b
#define SYSCALL(...) SC_CAT(SC_, SC_NARGS(__VA_ARGS__))(__VA_ARGS__)

/* "AN (FD, fd)" rescans into AN(FD, fd): the pair's parentheses become the
 * call's. */
#define AN(kind, name) #name
#define AK(kind, name) REVEL_ARG_##kind

#define SC_HEAD(num, nm, cls, cnt) .nr = num, .name = #nm, .nargs = cnt, .classes = cls
#define SC_5(num, nm, cls, dec, rk) [num] = {SC_HEAD(num, nm, cls, 0)},
#define SC_6(num, nm, cls, dec, rk, a)                                                             \
	[num] = {SC_HEAD(num, nm, cls, 1), .arg_names = {AN a}, .arg_kinds = {AK a}},
#define SC_7(num, nm, cls, dec, rk, a, b)                                                          \
	[num] = {SC_HEAD(num, nm, cls, 2), .arg_names = {AN a, AN b}, .arg_kinds = {AK a, AK b}},
#define SC_8(num, nm, cls, dec, rk, a, b, c)                                                       \
	[num] = {SC_HEAD(num, nm, cls, 3), .arg_names = {AN a, AN b, AN c},                        \
	         .arg_kinds = {AK a, AK b, AK c}},
#define SC_9(num, nm, cls, dec, rk, a, b, c, d)                                                    \
	[num] = {SC_HEAD(num, nm, cls, 4), .arg_names = {AN a, AN b, AN c, AN d},                  \
	         .arg_kinds = {AK a, AK b, AK c, AK d}},
#define SC_10(num, nm, cls, dec, rk, a, b, c, d, e)                                                \
	[num] = {SC_HEAD(num, nm, cls, 5), .arg_names = {AN a, AN b, AN c, AN d, AN e},            \
	         .arg_kinds = {AK a, AK b, AK c, AK d, AK e}},
#define SC_11(num, nm, cls, dec, rk, a, b, c, d, e, f)                                             \
	[num] = {SC_HEAD(num, nm, cls, 6), .arg_names = {AN a, AN b, AN c, AN d, AN e, AN f},      \
	         .arg_kinds = {AK a, AK b, AK c, AK d, AK e, AK f}},

static const struct revel_syscall_info syscalls[] = {
#include "systable_data.h"
};

#undef SYSCALL

#define NSYSCALLS ((int)(sizeof syscalls / sizeof syscalls[0]))

int revel_syscall_count(void)
{
	return NSYSCALLS;
}

const struct revel_syscall_info *revel_syscall_by_nr(long nr)
{
	/* Holes in the designated initializer are zeroed: name == NULL. */
	if (nr < 0 || nr >= NSYSCALLS || !syscalls[nr].name)
		return NULL;
	return &syscalls[nr];
}

/* Pointers into syscalls[], sorted by name once. */
static const struct revel_syscall_info *by_name[NSYSCALLS];
static int by_name_len;
static pthread_once_t by_name_once = PTHREAD_ONCE_INIT;

static int cmp_info_name(const void *a, const void *b)
{
	const struct revel_syscall_info *x = *(const struct revel_syscall_info *const *)a;
	const struct revel_syscall_info *y = *(const struct revel_syscall_info *const *)b;
	return strcmp(x->name, y->name);
}

static void build_by_name(void)
{
	int n = 0;
	/* An insertion sort, not qsort: in a guest (librevel_guest_core.so)
	 * qsort would fill libc's cache of the memory size, and the program's
	 * own first qsort would then make no sysinfo call. Once, ~500 names. */
	for (int i = 0; i < NSYSCALLS; i++) {
		if (!syscalls[i].name)
			continue;
		int j = n++;
		for (;
		     j > 0 && cmp_info_name(&by_name[j - 1],
		                            &(const struct revel_syscall_info *){&syscalls[i]}) > 0;
		     j--)
			by_name[j] = by_name[j - 1];
		by_name[j] = &syscalls[i];
	}
	by_name_len = n;
}

static int cmp_key_name(const void *key, const void *elem)
{
	return strcmp(key, (*(const struct revel_syscall_info *const *)elem)->name);
}

const struct revel_syscall_info *revel_syscall_by_name(const char *name)
{
	if (!name)
		return NULL;
	pthread_once(&by_name_once, build_by_name);
	const struct revel_syscall_info *const *p =
	    bsearch(name, by_name, (size_t)by_name_len, sizeof by_name[0], cmp_key_name);
	return p ? *p : NULL;
}

/* strace's -e trace= class names, legacy spellings included (basic_filters.c). */
static const struct {
	const char *name;
	unsigned int bit;
} classes[] = {
    {"%desc", REVEL_CLASS_DESC},       {"%file", REVEL_CLASS_FILE},
    {"%memory", REVEL_CLASS_MEMORY},   {"%process", REVEL_CLASS_PROCESS},
    {"%creds", REVEL_CLASS_CREDS},     {"%signal", REVEL_CLASS_SIGNAL},
    {"%ipc", REVEL_CLASS_IPC},         {"%net", REVEL_CLASS_NETWORK},
    {"%network", REVEL_CLASS_NETWORK}, {"%stat", REVEL_CLASS_STAT},
    {"%lstat", REVEL_CLASS_LSTAT},     {"%fstat", REVEL_CLASS_FSTAT},
    {"%%stat", REVEL_CLASS_STAT_LIKE}, {"%statfs", REVEL_CLASS_STATFS},
    {"%fstatfs", REVEL_CLASS_FSTATFS}, {"%%statfs", REVEL_CLASS_STATFS_LIKE},
    {"%pure", REVEL_CLASS_PURE},       {"%clock", REVEL_CLASS_CLOCK},
    {"desc", REVEL_CLASS_DESC},        {"file", REVEL_CLASS_FILE},
    {"memory", REVEL_CLASS_MEMORY},    {"process", REVEL_CLASS_PROCESS},
    {"signal", REVEL_CLASS_SIGNAL},    {"ipc", REVEL_CLASS_IPC},
    {"network", REVEL_CLASS_NETWORK},
};

unsigned int revel_class_by_name(const char *name)
{
	if (!name)
		return 0;
	for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
		if (strcmp(name, classes[i].name) == 0)
			return classes[i].bit;
	return 0;
}

/* Linux's errno names (asm-generic/errno*.h, then include/linux/errno.h for the
 * kernel-internal ones a tracer can still see). Where two names share a number,
 * the one strace prints comes first; later ones are aliases for lookup only. */
static const struct {
	int nr;
	const char *name;
} errnos[] = {
    {1, "EPERM"},
    {2, "ENOENT"},
    {3, "ESRCH"},
    {4, "EINTR"},
    {5, "EIO"},
    {6, "ENXIO"},
    {7, "E2BIG"},
    {8, "ENOEXEC"},
    {9, "EBADF"},
    {10, "ECHILD"},
    {11, "EAGAIN"},
    {12, "ENOMEM"},
    {13, "EACCES"},
    {14, "EFAULT"},
    {15, "ENOTBLK"},
    {16, "EBUSY"},
    {17, "EEXIST"},
    {18, "EXDEV"},
    {19, "ENODEV"},
    {20, "ENOTDIR"},
    {21, "EISDIR"},
    {22, "EINVAL"},
    {23, "ENFILE"},
    {24, "EMFILE"},
    {25, "ENOTTY"},
    {26, "ETXTBSY"},
    {27, "EFBIG"},
    {28, "ENOSPC"},
    {29, "ESPIPE"},
    {30, "EROFS"},
    {31, "EMLINK"},
    {32, "EPIPE"},
    {33, "EDOM"},
    {34, "ERANGE"},
    {35, "EDEADLK"},
    {36, "ENAMETOOLONG"},
    {37, "ENOLCK"},
    {38, "ENOSYS"},
    {39, "ENOTEMPTY"},
    {40, "ELOOP"},
    {42, "ENOMSG"},
    {43, "EIDRM"},
    {44, "ECHRNG"},
    {45, "EL2NSYNC"},
    {46, "EL3HLT"},
    {47, "EL3RST"},
    {48, "ELNRNG"},
    {49, "EUNATCH"},
    {50, "ENOCSI"},
    {51, "EL2HLT"},
    {52, "EBADE"},
    {53, "EBADR"},
    {54, "EXFULL"},
    {55, "ENOANO"},
    {56, "EBADRQC"},
    {57, "EBADSLT"},
    {59, "EBFONT"},
    {60, "ENOSTR"},
    {61, "ENODATA"},
    {62, "ETIME"},
    {63, "ENOSR"},
    {64, "ENONET"},
    {65, "ENOPKG"},
    {66, "EREMOTE"},
    {67, "ENOLINK"},
    {68, "EADV"},
    {69, "ESRMNT"},
    {70, "ECOMM"},
    {71, "EPROTO"},
    {72, "EMULTIHOP"},
    {73, "EDOTDOT"},
    {74, "EBADMSG"},
    {75, "EOVERFLOW"},
    {76, "ENOTUNIQ"},
    {77, "EBADFD"},
    {78, "EREMCHG"},
    {79, "ELIBACC"},
    {80, "ELIBBAD"},
    {81, "ELIBSCN"},
    {82, "ELIBMAX"},
    {83, "ELIBEXEC"},
    {84, "EILSEQ"},
    {85, "ERESTART"},
    {86, "ESTRPIPE"},
    {87, "EUSERS"},
    {88, "ENOTSOCK"},
    {89, "EDESTADDRREQ"},
    {90, "EMSGSIZE"},
    {91, "EPROTOTYPE"},
    {92, "ENOPROTOOPT"},
    {93, "EPROTONOSUPPORT"},
    {94, "ESOCKTNOSUPPORT"},
    {95, "EOPNOTSUPP"},
    {96, "EPFNOSUPPORT"},
    {97, "EAFNOSUPPORT"},
    {98, "EADDRINUSE"},
    {99, "EADDRNOTAVAIL"},
    {100, "ENETDOWN"},
    {101, "ENETUNREACH"},
    {102, "ENETRESET"},
    {103, "ECONNABORTED"},
    {104, "ECONNRESET"},
    {105, "ENOBUFS"},
    {106, "EISCONN"},
    {107, "ENOTCONN"},
    {108, "ESHUTDOWN"},
    {109, "ETOOMANYREFS"},
    {110, "ETIMEDOUT"},
    {111, "ECONNREFUSED"},
    {112, "EHOSTDOWN"},
    {113, "EHOSTUNREACH"},
    {114, "EALREADY"},
    {115, "EINPROGRESS"},
    {116, "ESTALE"},
    {117, "EUCLEAN"},
    {118, "ENOTNAM"},
    {119, "ENAVAIL"},
    {120, "EISNAM"},
    {121, "EREMOTEIO"},
    {122, "EDQUOT"},
    {123, "ENOMEDIUM"},
    {124, "EMEDIUMTYPE"},
    {125, "ECANCELED"},
    {126, "ENOKEY"},
    {127, "EKEYEXPIRED"},
    {128, "EKEYREVOKED"},
    {129, "EKEYREJECTED"},
    {130, "EOWNERDEAD"},
    {131, "ENOTRECOVERABLE"},
    {132, "ERFKILL"},
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
    {531, "ENOGRACE"},
    /* Aliases: same numbers, never printed. */
    {11, "EWOULDBLOCK"},
    {35, "EDEADLOCK"},
    {95, "ENOTSUP"},
};

#define NERRNOS (sizeof errnos / sizeof errnos[0])

const char *revel_errno_name(int err)
{
	/* First match wins, so the printed name shadows its aliases. */
	for (size_t i = 0; i < NERRNOS; i++)
		if (errnos[i].nr == err)
			return errnos[i].name;
	return NULL;
}

int revel_errno_count(void)
{
	return (int)NERRNOS;
}

const char *revel_errno_at(int i, int *err)
{
	if (i < 0 || i >= (int)NERRNOS)
		return NULL;
	*err = errnos[i].nr;
	return errnos[i].name;
}

int revel_errno_by_name(const char *name)
{
	if (!name)
		return -1;
	for (size_t i = 0; i < NERRNOS; i++)
		if (strcmp(name, errnos[i].name) == 0)
			return errnos[i].nr;
	return -1;
}

/* x86-64 signal names as strace prints them, below the kernel's SIGRTMIN (32). */
static const char *const signals[] = {
    [1] = "SIGHUP",     [2] = "SIGINT",   [3] = "SIGQUIT",   [4] = "SIGILL",   [5] = "SIGTRAP",
    [6] = "SIGABRT",    [7] = "SIGBUS",   [8] = "SIGFPE",    [9] = "SIGKILL",  [10] = "SIGUSR1",
    [11] = "SIGSEGV",   [12] = "SIGUSR2", [13] = "SIGPIPE",  [14] = "SIGALRM", [15] = "SIGTERM",
    [16] = "SIGSTKFLT", [17] = "SIGCHLD", [18] = "SIGCONT",  [19] = "SIGSTOP", [20] = "SIGTSTP",
    [21] = "SIGTTIN",   [22] = "SIGTTOU", [23] = "SIGURG",   [24] = "SIGXCPU", [25] = "SIGXFSZ",
    [26] = "SIGVTALRM", [27] = "SIGPROF", [28] = "SIGWINCH", [29] = "SIGIO",   [30] = "SIGPWR",
    [31] = "SIGSYS",
};

#define SIG_RTMIN 32
#define SIG_RTMAX 64

/* strace prints SIGRTMIN+n as "SIGRT_n" (and 32 as "SIGRTMIN"); spelled out so
 * callers get stable pointers, not a static buffer shared between calls. */
static const char *const rt_signals[SIG_RTMAX - SIG_RTMIN + 1] = {
    "SIGRTMIN", "SIGRT_1",  "SIGRT_2",  "SIGRT_3",  "SIGRT_4",  "SIGRT_5",  "SIGRT_6",
    "SIGRT_7",  "SIGRT_8",  "SIGRT_9",  "SIGRT_10", "SIGRT_11", "SIGRT_12", "SIGRT_13",
    "SIGRT_14", "SIGRT_15", "SIGRT_16", "SIGRT_17", "SIGRT_18", "SIGRT_19", "SIGRT_20",
    "SIGRT_21", "SIGRT_22", "SIGRT_23", "SIGRT_24", "SIGRT_25", "SIGRT_26", "SIGRT_27",
    "SIGRT_28", "SIGRT_29", "SIGRT_30", "SIGRT_31", "SIGRT_32",
};

const char *revel_signal_name(int sig)
{
	if (sig > 0 && sig < SIG_RTMIN)
		return signals[sig];
	if (sig >= SIG_RTMIN && sig <= SIG_RTMAX)
		return rt_signals[sig - SIG_RTMIN];
	return NULL;
}

/* Other names glibc and the kernel give the same numbers. */
static const struct {
	const char *name;
	int nr;
} signal_aliases[] = {
    {"IOT", 6},
    {"CLD", 17},
    {"POLL", 29},
    {"RTMAX", SIG_RTMAX},
};

int revel_signal_by_name(const char *name)
{
	if (!name)
		return -1;
	/* Like strace's sigstr_to_uint: "SIG" optional, case ignored. */
	if (strncasecmp(name, "SIG", 3) == 0)
		name += 3;
	if (*name == '\0')
		return -1;
	for (int sig = 1; sig <= SIG_RTMAX; sig++)
		if (strcasecmp(name, revel_signal_name(sig) + 3) == 0)
			return sig;
	for (size_t i = 0; i < sizeof signal_aliases / sizeof signal_aliases[0]; i++)
		if (strcasecmp(name, signal_aliases[i].name) == 0)
			return signal_aliases[i].nr;
	return -1;
}
