/* test_format.c: the formatter against strace's renderings, on made-up guest
 * memory served by a fake reader. Each case is one call: entry half, exit
 * half and result, joined as "ENTER EXIT = RESULT" the way strace prints a
 * line (without the padding before "="). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "revel/format.h"
#include "check.h"

/* ---- fake guest memory: a few regions ---- */

struct region {
	uint64_t addr;
	size_t len;
	unsigned char *data;
};
static struct region regions[64];
static int nregions;

static void mem_reset(void)
{
	for (int i = 0; i < nregions; i++)
		free(regions[i].data);
	nregions = 0;
}

static uint64_t mem_put(uint64_t addr, const void *data, size_t len)
{
	regions[nregions].addr = addr;
	regions[nregions].len = len;
	regions[nregions].data = malloc(len);
	memcpy(regions[nregions].data, data, len);
	nregions++;
	return addr;
}

static uint64_t mem_str(uint64_t addr, const char *s)
{
	return mem_put(addr, s, strlen(s) + 1);
}

static ssize_t fake_read(void *ctx, pid_t tid, uint64_t addr, void *buf, size_t n)
{
	(void)ctx;
	(void)tid;
	for (int i = 0; i < nregions; i++) {
		struct region *r = &regions[i];
		if (addr >= r->addr && addr < r->addr + r->len) {
			size_t k = r->addr + r->len - addr;
			if (k > n)
				k = n;
			memcpy(buf, r->data + (addr - r->addr), k);
			return (ssize_t)k;
		}
	}
	return -EFAULT;
}

static struct revel_fmt fmt = {.read = fake_read, .string_limit = 32};

static void line(long nr, int64_t a0, int64_t a1, int64_t a2, int64_t a3, int64_t a4, int64_t a5,
                 int64_t result, char *out, size_t len)
{
	int64_t args[6] = {a0, a1, a2, a3, a4, a5};
	struct revel_fmt_state st;
	char e[2048], x[2048], r[256];
	revel_format_enter(&fmt, nr, args, &st, e, sizeof e);
	revel_format_exit(&fmt, nr, args, &st, result, x, sizeof x);
	revel_format_result(&fmt, nr, args, &st, result, r, sizeof r);
	snprintf(out, len, "%s%s = %s", e, x, r);
}

#define CHECK_LINE(expect, nr, a0, a1, a2, a3, a4, a5, res)                                        \
	do {                                                                                       \
		char line_[8192];                                                                  \
		line(nr, a0, a1, a2, a3, a4, a5, res, line_, sizeof line_);                        \
		CHECK_STR(expect, line_);                                                          \
	} while (0)

#define P 0x7ffd00001000ll /* a guest address */
#define Q 0x7ffd00002000ll
#define R 0x7ffd00003000ll

static void files(void)
{
	mem_str(P, "/etc/ld.so.cache");
	CHECK_LINE("openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3", 257, -100, P,
	           02000000, 0, 0, 0, 3);
	CHECK_LINE("openat(AT_FDCWD, \"/etc/ld.so.cache\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 4",
	           257, -100, P, 01 | 0100 | 01000, 0666, 0, 0, 4);
	CHECK_LINE(
	    "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY)"
	    " = -1 ENOENT (No such file or directory)",
	    257, -100, P, 04000 | 02000000 | 0200000, 0, 0, 0, -2);
	CHECK_LINE("open(\"/etc/ld.so.cache\", O_RDONLY) = 3", 2, P, 0, 0, 0, 0, 0, 3);
	CHECK_LINE("access(\"/etc/ld.so.cache\", R_OK) = -1 ENOENT (No such file or directory)", 21,
	           P, 4, 0, 0, 0, 0, -2);
	CHECK_LINE("access(\"/etc/ld.so.cache\", F_OK) = 0", 21, P, 0, 0, 0, 0, 0, 0);
	CHECK_LINE("close(3) = 0", 3, 3, 0, 0, 0, 0, 0, 0);
	CHECK_LINE("close(-1) = -1 EBADF (Bad file descriptor)", 3, -1, 0, 0, 0, 0, 0, -9);
	CHECK_LINE("mkdir(\"/etc/ld.so.cache\", 0777) = 0", 83, P, 0777, 0, 0, 0, 0, 0);
	CHECK_LINE("umask(022) = 002", 95, 022, 0, 0, 0, 0, 0, 2);
	CHECK_LINE("lseek(3, -60, SEEK_CUR) = 54", 8, 3, -60, 1, 0, 0, 0, 54);
	CHECK_LINE("unlinkat(AT_FDCWD, \"/etc/ld.so.cache\", AT_REMOVEDIR) = 0", 263, -100, P,
	           0x200, 0, 0, 0, 0);
	mem_reset();

	/* read: the buffer on exit, cut at 32 bytes, octal escapes. */
	unsigned char elf[64] = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
	elf[18] = '>';
	mem_put(P, elf, sizeof elf);
	CHECK_LINE(
	    "read(3, "
	    "\"\\177ELF\\2\\1\\1\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0>\\0\\0\\0\\0\\0\\0\\0\\0\\0"
	    "\\0\\0\\0\\0\"..., 832) = 64",
	    0, 3, P, 832, 0, 0, 0, 64);
	CHECK_LINE("read(3, 0x7ffd00001000, 832) = -1 EAGAIN (Resource temporarily unavailable)", 0,
	           3, P, 832, 0, 0, 0, -11);
	mem_reset();
	mem_put(P,
	        "a\n\t\"\\\001"
	        "12",
	        8);
	CHECK_LINE("write(1, \"a\\n\\t\\\"\\\\\\00112\", 8) = 8", 1, 1, P, 8, 0, 0, 0, 8);
	CHECK_LINE("pread64(3, \"a\\n\", 784, 64) = 2", 17, 3, P, 784, 64, 0, 0, 2);
	mem_reset();
	mem_str(P, "/sbin");
	mem_put(Q, "usr/sbin", 8);
	CHECK_LINE("readlink(\"/sbin\", \"usr/sbin\", 9) = 8", 89, P, Q, 9, 0, 0, 0, 8);
	mem_reset();
}

static void stats(void)
{
	unsigned char st[144];
	memset(st, 0, sizeof st);
	uint32_t mode = 0100644;
	int64_t size = 43183;
	memcpy(st + 24, &mode, 4);
	memcpy(st + 48, &size, 8);
	mem_str(P, "");
	mem_put(Q, st, sizeof st);
	CHECK_LINE(
	    "newfstatat(3, \"\", {st_mode=S_IFREG|0644, st_size=43183, ...}, AT_EMPTY_PATH) = 0",
	    262, 3, P, Q, 0x1000, 0, 0, 0);
	CHECK_LINE("fstat(3, {st_mode=S_IFREG|0644, st_size=43183, ...}) = 0", 5, 3, Q, 0, 0, 0, 0,
	           0);
	CHECK_LINE(
	    "newfstatat(3, \"\", 0x7ffd00002000, AT_EMPTY_PATH) = -1 ENOENT (No such file or "
	    "directory)",
	    262, 3, P, Q, 0x1000, 0, 0, -2);
	mem_reset();
	mode = 020666;
	uint64_t rdev = 0x103;
	memcpy(st + 24, &mode, 4);
	memcpy(st + 40, &rdev, 8);
	mem_str(P, "/dev/null");
	mem_put(Q, st, sizeof st);
	CHECK_LINE(
	    "stat(\"/dev/null\", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0", 4, P,
	    Q, 0, 0, 0, 0, 0);
	mem_reset();
}

static void memory(void)
{
	CHECK_LINE("brk(NULL) = 0x557514e5c000", 12, 0, 0, 0, 0, 0, 0, 0x557514e5c000);
	CHECK_LINE("mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = "
	           "0x7f2a89338000",
	           9, 0, 8192, 3, 0x22, -1, 0, 0x7f2a89338000);
	CHECK_LINE("mmap(0x7f2a89306000, 110592, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|"
	           "MAP_DENYWRITE, 3, 0x7000) = 0x7f2a89306000",
	           9, 0x7f2a89306000, 110592, 5, 0x812, 3, 0x7000, 0x7f2a89306000);
	CHECK_LINE("mprotect(0x7f2a892ec000, 16384, PROT_NONE) = 0", 10, 0x7f2a892ec000, 16384, 0,
	           0, 0, 0, 0);
	CHECK_LINE("munmap(0x7f2a8932d000, 43183) = 0", 11, 0x7f2a8932d000, 43183, 0, 0, 0, 0, 0);
	CHECK_LINE("madvise(0x7f56902bf000, 8368128, MADV_DONTNEED) = 0", 28, 0x7f56902bf000,
	           8368128, 4, 0, 0, 0, 0);
	CHECK_LINE("arch_prctl(ARCH_SET_FS, 0x7f2a89080800) = 0", 158, 0x1002, 0x7f2a89080800, 0, 0,
	           0, 0, 0);
	CHECK_LINE("set_tid_address(0x7f2a89080ad0) = 1493", 218, 0x7f2a89080ad0, 0, 0, 0, 0, 0,
	           1493);
	CHECK_LINE("set_robust_list(0x7f2a89080ae0, 24) = 0", 273, 0x7f2a89080ae0, 24, 0, 0, 0, 0,
	           0);
	CHECK_LINE("rseq(0x7f2a89081120, 0x20, 0, 0x53053053) = 0", 334, 0x7f2a89081120, 0x20, 0,
	           0x53053053, 0, 0, 0);
	CHECK_LINE("futex(0x7f2a892f1a4c, FUTEX_WAKE_PRIVATE, 2147483647) = 0", 202, 0x7f2a892f1a4c,
	           129, 2147483647, 0, 0, 0, 0);
	CHECK_LINE("futex(0x7f568dab9990, FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, 2032, NULL, "
	           "FUTEX_BITSET_MATCH_ANY) = 0",
	           202, 0x7f568dab9990, 9 | 256, 2032, 0, 0, 0xffffffff, 0);
	uint64_t rl[2] = {8192 * 1024, UINT64_MAX};
	mem_put(P, rl, sizeof rl);
	CHECK_LINE(
	    "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0",
	    302, 0, 3, 0, P, 0, 0, 0);
	mem_reset();
	mem_put(P, "\x60\xf2\xf8\x03\xa8\x1c\x2e\xb0", 8);
	CHECK_LINE("getrandom(\"\\x60\\xf2\\xf8\\x03\\xa8\\x1c\\x2e\\xb0\", 8, GRND_NONBLOCK) = 8",
	           318, P, 8, 1, 0, 0, 0, 8);
	mem_reset();
}

static void signals(void)
{
	uint64_t sa[4] = {0x55729954bdc0, 0x04000000, 0x7fdd60b37050,
	                  ~((1ull << 31) | (1ull << 32))};
	mem_put(P, sa, sizeof sa);
	CHECK_LINE("rt_sigaction(SIGCHLD, {sa_handler=0x55729954bdc0, sa_mask=~[RTMIN RT_1], "
	           "sa_flags=SA_RESTORER, sa_restorer=0x7fdd60b37050}, NULL, 8) = 0",
	           13, 17, P, 0, 8, 0, 0, 0);
	uint64_t dfl[4] = {0, 0, 0, 0};
	mem_put(Q, dfl, sizeof dfl);
	CHECK_LINE(
	    "rt_sigaction(SIGINT, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0", 13,
	    2, 0, Q, 8, 0, 0, 0);
	uint64_t set = ~((1ull << 31) | (1ull << 32));
	uint64_t old = ~((1ull << 8) | (1ull << 18) | (1ull << 31) | (1ull << 32));
	mem_put(R, &set, 8);
	mem_put(R + 64, &old, 8);
	CHECK_LINE("rt_sigprocmask(SIG_SETMASK, ~[RTMIN RT_1], ~[KILL STOP RTMIN RT_1], 8) = 0", 14,
	           2, R, R + 64, 8, 0, 0, 0);
	CHECK_LINE("kill(1234, SIGTERM) = 0", 62, 1234, 15, 0, 0, 0, 0, 0);
	mem_reset();
	unsigned char info[128];
	memset(info, 0, sizeof info);
	int32_t hdr[3] = {17, 0, 1};
	int32_t chld[3] = {1994, 0, 0};
	memcpy(info, hdr, sizeof hdr);
	memcpy(info + 16, chld, sizeof chld);
	char out[512];
	revel_format_signal(&fmt, 17, info, out, sizeof out);
	CHECK_STR(
	    "SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1994, si_uid=0, si_status=0, "
	    "si_utime=0, si_stime=0}",
	    out);
	/* SI_QUEUE: the value only when it is set; a siginfo of signal 0 is {} */
	int32_t queued[3] = {10, 0, -1};
	memcpy(info, queued, sizeof queued);
	revel_format_signal(&fmt, 10, info, out, sizeof out);
	CHECK_STR("SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=1994, si_uid=0}", out);
	uint64_t value = 0x2a;
	memcpy(info + 24, &value, sizeof value);
	revel_format_signal(&fmt, 10, info, out, sizeof out);
	CHECK_STR("SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=1994, si_uid=0, si_int=42, "
	          "si_ptr=0x2a}",
	          out);
	memset(info, 0, 8);
	mem_put(P, info, sizeof info);
	CHECK_LINE("rt_sigqueueinfo(1994, SIGUSR1, {}) = 0", 129, 1994, 10, P, 0, 0, 0, 0);
	mem_reset();
	CHECK_LINE("sched_getscheduler(0) = 0 (SCHED_OTHER)", 145, 0, 0, 0, 0, 0, 0, 0);
}

static void process(void)
{
	mem_str(P, "/usr/bin/ls");
	uint64_t argv[4] = {Q, Q + 16, Q + 32, 0};
	uint64_t envp[3] = {Q + 48, Q + 48, 0};
	mem_put(R, argv, sizeof argv);
	mem_put(R + 256, envp, sizeof envp);
	mem_put(Q, "ls\0.............-l\0............./\0", 35);
	CHECK_LINE(
	    "execve(\"/usr/bin/ls\", [\"ls\", \"-l\", \"/\"], 0x7ffd00003100 /* 2 vars */) = 0", 59,
	    P, R, R + 256, 0, 0, 0, 0);
	mem_reset();
	int status = 0;
	mem_put(P, &status, sizeof status);
	CHECK_LINE("wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 1994", 61, -1, P,
	           0, 0, 0, 0, 1994);
	CHECK_LINE("wait4(-1, 0x7ffd00001000, WNOHANG, NULL) = -1 ECHILD (No child processes)", 61,
	           -1, P, 1, 0, 0, 0, -10);
	status = 9;
	mem_reset();
	mem_put(P, &status, sizeof status);
	CHECK_LINE("wait4(1995, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], 0, NULL) = 1995", 61,
	           1995, P, 0, 0, 0, 0, 1995);
	mem_reset();
	CHECK_LINE("clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
	           "child_tidptr=0x7f65f9064a10) = 2016",
	           56, 0x1200000 | 17, 0, 0, 0x7f65f9064a10, 0, 0, 2016);
	CHECK_LINE("exit_group(0) = ?", 231, 0, 0, 0, 0, 0, 0, 0);
	int fds[2] = {3, 4};
	mem_put(P, fds, sizeof fds);
	CHECK_LINE("pipe2([3, 4], 0) = 0", 293, P, 0, 0, 0, 0, 0, 0);
	CHECK_LINE("pipe2([3, 4], O_CLOEXEC) = 0", 293, P, 02000000, 0, 0, 0, 0, 0);
	mem_reset();
	CHECK_LINE("getpid() = 1993", 39, 0, 0, 0, 0, 0, 0, 1993);
	CHECK_LINE("fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)", 72, 3, 1, 0, 0, 0, 0, 1);
	CHECK_LINE("fcntl(3, F_SETFD, FD_CLOEXEC) = 0", 72, 3, 2, 1, 0, 0, 0, 0);
	CHECK_LINE("fcntl(3, F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE)", 72, 3, 3, 0, 0, 0, 0,
	           0x8002);
	CHECK_LINE("dup2(4, 1) = 1", 33, 4, 1, 0, 0, 0, 0, 1);
	CHECK_LINE("ioctl(1, TCGETS, 0x7ffc8d1b8910) = -1 ENOTTY (Inappropriate ioctl for device)",
	           16, 1, 0x5401, 0x7ffc8d1b8910, 0, 0, 0, -25);
	uint32_t tios[9] = {0x500, 0x5, 0xbf, 0x8a3b};
	mem_put(R + 512, tios, sizeof tios);
	CHECK_LINE("ioctl(0, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|"
	           "ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|"
	           "ECHOCTL|ECHOKE, ...}) = 0",
	           16, 0, 0x5401, R + 512, 0, 0, 0, 0);
	CHECK_LINE("fadvise64(3, 0, 0, POSIX_FADV_SEQUENTIAL) = 0", 221, 3, 0, 0, 2, 0, 0, 0);
	CHECK_LINE(
	    "read(0, 0x7ffc8d1b8910, 8) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)", 0,
	    0, 0x7ffc8d1b8910, 8, 0, 0, 0, -512);
}

static void network(void)
{
	unsigned char un[110] = {1, 0};
	memcpy(un + 2, "/var/run/nscd/socket", 21);
	mem_put(P, un, sizeof un);
	CHECK_LINE("socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 3", 41, 1,
	           1 | 02000000 | 04000, 0, 0, 0, 0, 3);
	CHECK_LINE(
	    "connect(3, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT "
	    "(No such file or directory)",
	    42, 3, P, 110, 0, 0, 0, -2);
	mem_reset();
	unsigned char in[16] = {2, 0, 0x1f, 0x90, 127, 0, 0, 1};
	int len = 16;
	mem_put(P, in, sizeof in);
	mem_put(Q, &len, sizeof len);
	CHECK_LINE("socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3", 41, 2, 1 | 02000000,
	           0, 0, 0, 0, 3);
	CHECK_LINE(
	    "bind(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}"
	    ", 16) = 0",
	    49, 3, P, 16, 0, 0, 0, 0);
	CHECK_LINE("getsockname(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("
	           "\"127.0.0.1\")}, [16]) = 0",
	           51, 3, P, Q, 0, 0, 0, 0);
	int one = 1;
	mem_put(R, &one, sizeof one);
	CHECK_LINE("setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0", 54, 3, 1, 2, R, 4, 0, 0);
	CHECK_LINE("listen(3, 4) = 0", 50, 3, 4, 0, 0, 0, 0, 0);
	mem_reset();
	unsigned char in6[28] = {10, 0, 0, 0};
	in6[23] = 1;
	mem_put(P, in6, sizeof in6);
	CHECK_LINE("connect(3, {sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), "
	           "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0",
	           42, 3, P, 28, 0, 0, 0, 0);
	mem_reset();
	mem_put(P, "ping", 4);
	CHECK_LINE("sendto(4, \"ping\", 4, 0, NULL, 0) = 4", 44, 4, P, 4, 0, 0, 0, 4);
	CHECK_LINE("recvfrom(4, \"ping\", 16, 0, NULL, NULL) = 4", 45, 4, P, 16, 0, 0, 0, 4);
	struct {
		int32_t fd;
		int16_t events, revents;
	} pfd = {3, 1, 1};
	mem_put(Q, &pfd, sizeof pfd);
	CHECK_LINE("poll([{fd=3, events=POLLIN}], 1, -1) = 1 ([{fd=3, revents=POLLIN}])", 7, Q, 1,
	           -1, 0, 0, 0, 1);
	mem_reset();
}

/* Strings at the -s limit, unterminated strings, and bad pointers. */
static void edges(void)
{
	mem_str(P, "0123456789abcdefghijklmnopqrstuvwxyz");
	CHECK_LINE("write(1, \"0123456789abcdefghijklmnopqrstuv\"..., 36) = 36", 1, 1, P, 36, 0, 0,
	           0, 36);
	CHECK_LINE("write(1, 0x10, 3) = -1 EFAULT (Bad address)", 1, 1, 0x10, 3, 0, 0, 0, -14);
	CHECK_LINE("chdir(0x10) = -1 EFAULT (Bad address)", 80, 0x10, 0, 0, 0, 0, 0, -14);
	fmt.string_limit = 4;
	CHECK_LINE("write(1, \"0123\"..., 36) = 36", 1, 1, P, 36, 0, 0, 0, 36);
	fmt.string_limit = 32;
	mem_reset();
	/* A path running into unmapped memory: its address. */
	mem_put(P, "abc", 3);
	CHECK_LINE("chdir(0x7ffd00001000) = -1 EFAULT (Bad address)", 80, P, 0, 0, 0, 0, 0, -14);
	mem_reset();
	CHECK_LINE(
	    "syscall_0x3e7(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not implemented)",
	    999, 1, 2, 3, 4, 5, 6, -38);
	/* A small output buffer is cut but counted. */
	int64_t args[6] = {1, 0, 0, 0, 0, 0};
	struct revel_fmt_state st;
	char small[8];
	int n = revel_format_enter(&fmt, 3, args, &st, small, sizeof small);
	CHECK_STR("close(1", small);
	CHECK_EQ_INT(7, n);
}

/* KVM's ioctls (decode_kvm.c), as strace 6.1 prints them. */
static void kvm(void)
{
	struct {
		uint32_t slot, flags;
		uint64_t gpa, size, uaddr;
	} region = {0, 2, 0x1000, 4096, 0x7f0000001000ull};
	mem_put(P, &region, sizeof region);
	CHECK_LINE("ioctl(4, KVM_SET_USER_MEMORY_REGION, {slot=0, flags=KVM_MEM_READONLY, "
	           "guest_phys_addr=0x1000, memory_size=4096, userspace_addr=0x7f0000001000}) = 0",
	           16, 4, 0x4020ae46, P, 0, 0, 0, 0);
	uint64_t regs[18] = {0x4b};
	regs[16] = 0x1007;
	regs[17] = 2;
	mem_put(Q, regs, sizeof regs);
	CHECK_LINE("ioctl(5, KVM_GET_REGS, {rax=0x4b, ..., rsp=0, rbp=0, ..., rip=0x1007, "
	           "rflags=0x2}) = 0",
	           16, 5, 0x8090ae81, Q, 0, 0, 0, 0);
	CHECK_LINE("ioctl(5, KVM_GET_REGS, 0x7ffd00002000) = -1 EFAULT (Bad address)", 16, 5,
	           0x8090ae81, Q, 0, 0, 0, -14);
	CHECK_LINE("ioctl(3, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY) = 1", 16, 3, 0xae03, 3, 0, 0,
	           0, 1);
	CHECK_LINE("ioctl(4, KVM_CREATE_VCPU, 0) = 5", 16, 4, 0xae41, 0, 0, 0, 0, 5);
	/* No vcpu mapped in this made-up guest: KVM_RUN's result alone. */
	fmt.flags = REVEL_FMT_KVM_VCPU;
	CHECK_LINE("ioctl(5, KVM_RUN, 0) = 0", 16, 5, 0xae80, 0, 0, 0, 0, 0);
	fmt.flags = 0;
	mem_reset();
}

int main(void)
{
	files();
	stats();
	memory();
	signals();
	process();
	network();
	edges();
	kvm();
	mem_reset();
	return check_done();
}
