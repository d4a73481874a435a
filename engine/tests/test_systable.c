/* test_systable.c: checks the syscall table against the installed kernel
 * headers and strace's classes (the errno and signal names: test_systable_names.c).
 *
 * Standalone: gcc -Iengine/decode/include engine/decode/systable.c engine/tests/test_systable.c */
#include "revel/systable.h"

#include <asm/unistd_64.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

/* Every __NR_* of <asm/unistd_64.h>; # and ## keep the names unexpanded. */
/* clang-format off */
#define NR(x) {#x, __NR_##x}
static const struct {
	const char *name;
	long nr;
} header_nrs[] = {
	NR(read), NR(write), NR(open), NR(close), NR(stat), NR(fstat), NR(lstat), NR(poll),
	NR(lseek), NR(mmap), NR(mprotect), NR(munmap), NR(brk), NR(rt_sigaction),
	NR(rt_sigprocmask), NR(rt_sigreturn), NR(ioctl), NR(pread64), NR(pwrite64), NR(readv),
	NR(writev), NR(access), NR(pipe), NR(select), NR(sched_yield), NR(mremap), NR(msync),
	NR(mincore), NR(madvise), NR(shmget), NR(shmat), NR(shmctl), NR(dup), NR(dup2), NR(pause),
	NR(nanosleep), NR(getitimer), NR(alarm), NR(setitimer), NR(getpid), NR(sendfile),
	NR(socket), NR(connect), NR(accept), NR(sendto), NR(recvfrom), NR(sendmsg), NR(recvmsg),
	NR(shutdown), NR(bind), NR(listen), NR(getsockname), NR(getpeername), NR(socketpair),
	NR(setsockopt), NR(getsockopt), NR(clone), NR(fork), NR(vfork), NR(execve), NR(exit),
	NR(wait4), NR(kill), NR(uname), NR(semget), NR(semop), NR(semctl), NR(shmdt), NR(msgget),
	NR(msgsnd), NR(msgrcv), NR(msgctl), NR(fcntl), NR(flock), NR(fsync), NR(fdatasync),
	NR(truncate), NR(ftruncate), NR(getdents), NR(getcwd), NR(chdir), NR(fchdir), NR(rename),
	NR(mkdir), NR(rmdir), NR(creat), NR(link), NR(unlink), NR(symlink), NR(readlink), NR(chmod),
	NR(fchmod), NR(chown), NR(fchown), NR(lchown), NR(umask), NR(gettimeofday), NR(getrlimit),
	NR(getrusage), NR(sysinfo), NR(times), NR(ptrace), NR(getuid), NR(syslog), NR(getgid),
	NR(setuid), NR(setgid), NR(geteuid), NR(getegid), NR(setpgid), NR(getppid), NR(getpgrp),
	NR(setsid), NR(setreuid), NR(setregid), NR(getgroups), NR(setgroups), NR(setresuid),
	NR(getresuid), NR(setresgid), NR(getresgid), NR(getpgid), NR(setfsuid), NR(setfsgid),
	NR(getsid), NR(capget), NR(capset), NR(rt_sigpending), NR(rt_sigtimedwait),
	NR(rt_sigqueueinfo), NR(rt_sigsuspend), NR(sigaltstack), NR(utime), NR(mknod), NR(uselib),
	NR(personality), NR(ustat), NR(statfs), NR(fstatfs), NR(sysfs), NR(getpriority),
	NR(setpriority), NR(sched_setparam), NR(sched_getparam), NR(sched_setscheduler),
	NR(sched_getscheduler), NR(sched_get_priority_max), NR(sched_get_priority_min),
	NR(sched_rr_get_interval), NR(mlock), NR(munlock), NR(mlockall), NR(munlockall),
	NR(vhangup), NR(modify_ldt), NR(pivot_root), NR(_sysctl), NR(prctl), NR(arch_prctl),
	NR(adjtimex), NR(setrlimit), NR(chroot), NR(sync), NR(acct), NR(settimeofday), NR(mount),
	NR(umount2), NR(swapon), NR(swapoff), NR(reboot), NR(sethostname), NR(setdomainname),
	NR(iopl), NR(ioperm), NR(create_module), NR(init_module), NR(delete_module),
	NR(get_kernel_syms), NR(query_module), NR(quotactl), NR(nfsservctl), NR(getpmsg),
	NR(putpmsg), NR(afs_syscall), NR(tuxcall), NR(security), NR(gettid), NR(readahead),
	NR(setxattr), NR(lsetxattr), NR(fsetxattr), NR(getxattr), NR(lgetxattr), NR(fgetxattr),
	NR(listxattr), NR(llistxattr), NR(flistxattr), NR(removexattr), NR(lremovexattr),
	NR(fremovexattr), NR(tkill), NR(time), NR(futex), NR(sched_setaffinity),
	NR(sched_getaffinity), NR(set_thread_area), NR(io_setup), NR(io_destroy), NR(io_getevents),
	NR(io_submit), NR(io_cancel), NR(get_thread_area), NR(lookup_dcookie), NR(epoll_create),
	NR(epoll_ctl_old), NR(epoll_wait_old), NR(remap_file_pages), NR(getdents64),
	NR(set_tid_address), NR(restart_syscall), NR(semtimedop), NR(fadvise64), NR(timer_create),
	NR(timer_settime), NR(timer_gettime), NR(timer_getoverrun), NR(timer_delete),
	NR(clock_settime), NR(clock_gettime), NR(clock_getres), NR(clock_nanosleep), NR(exit_group),
	NR(epoll_wait), NR(epoll_ctl), NR(tgkill), NR(utimes), NR(vserver), NR(mbind),
	NR(set_mempolicy), NR(get_mempolicy), NR(mq_open), NR(mq_unlink), NR(mq_timedsend),
	NR(mq_timedreceive), NR(mq_notify), NR(mq_getsetattr), NR(kexec_load), NR(waitid),
	NR(add_key), NR(request_key), NR(keyctl), NR(ioprio_set), NR(ioprio_get), NR(inotify_init),
	NR(inotify_add_watch), NR(inotify_rm_watch), NR(migrate_pages), NR(openat), NR(mkdirat),
	NR(mknodat), NR(fchownat), NR(futimesat), NR(newfstatat), NR(unlinkat), NR(renameat),
	NR(linkat), NR(symlinkat), NR(readlinkat), NR(fchmodat), NR(faccessat), NR(pselect6),
	NR(ppoll), NR(unshare), NR(set_robust_list), NR(get_robust_list), NR(splice), NR(tee),
	NR(sync_file_range), NR(vmsplice), NR(move_pages), NR(utimensat), NR(epoll_pwait),
	NR(signalfd), NR(timerfd_create), NR(eventfd), NR(fallocate), NR(timerfd_settime),
	NR(timerfd_gettime), NR(accept4), NR(signalfd4), NR(eventfd2), NR(epoll_create1), NR(dup3),
	NR(pipe2), NR(inotify_init1), NR(preadv), NR(pwritev), NR(rt_tgsigqueueinfo),
	NR(perf_event_open), NR(recvmmsg), NR(fanotify_init), NR(fanotify_mark), NR(prlimit64),
	NR(name_to_handle_at), NR(open_by_handle_at), NR(clock_adjtime), NR(syncfs), NR(sendmmsg),
	NR(setns), NR(getcpu), NR(process_vm_readv), NR(process_vm_writev), NR(kcmp),
	NR(finit_module), NR(sched_setattr), NR(sched_getattr), NR(renameat2), NR(seccomp),
	NR(getrandom), NR(memfd_create), NR(kexec_file_load), NR(bpf), NR(execveat),
	NR(userfaultfd), NR(membarrier), NR(mlock2), NR(copy_file_range), NR(preadv2), NR(pwritev2),
	NR(pkey_mprotect), NR(pkey_alloc), NR(pkey_free), NR(statx), NR(io_pgetevents), NR(rseq),
	NR(pidfd_send_signal), NR(io_uring_setup), NR(io_uring_enter), NR(io_uring_register),
	NR(open_tree), NR(move_mount), NR(fsopen), NR(fsconfig), NR(fsmount), NR(fspick),
	NR(pidfd_open), NR(clone3), NR(close_range), NR(openat2), NR(pidfd_getfd), NR(faccessat2),
	NR(process_madvise), NR(epoll_pwait2), NR(mount_setattr), NR(quotactl_fd),
	NR(landlock_create_ruleset), NR(landlock_add_rule), NR(landlock_restrict_self),
	NR(memfd_secret), NR(process_mrelease), NR(futex_waitv), NR(set_mempolicy_home_node),
	/* newer than Debian 12: only if the installed header has them */
#ifdef __NR_uretprobe
	NR(uretprobe),
#endif
#ifdef __NR_uprobe
	NR(uprobe),
#endif
#ifdef __NR_cachestat
	NR(cachestat),
#endif
#ifdef __NR_fchmodat2
	NR(fchmodat2),
#endif
#ifdef __NR_map_shadow_stack
	NR(map_shadow_stack),
#endif
#ifdef __NR_futex_wake
	NR(futex_wake),
#endif
#ifdef __NR_futex_wait
	NR(futex_wait),
#endif
#ifdef __NR_futex_requeue
	NR(futex_requeue),
#endif
#ifdef __NR_statmount
	NR(statmount),
#endif
#ifdef __NR_listmount
	NR(listmount),
#endif
#ifdef __NR_lsm_get_self_attr
	NR(lsm_get_self_attr),
#endif
#ifdef __NR_lsm_set_self_attr
	NR(lsm_set_self_attr),
#endif
#ifdef __NR_lsm_list_modules
	NR(lsm_list_modules),
#endif
#ifdef __NR_mseal
	NR(mseal),
#endif
#ifdef __NR_setxattrat
	NR(setxattrat),
#endif
#ifdef __NR_getxattrat
	NR(getxattrat),
#endif
#ifdef __NR_listxattrat
	NR(listxattrat),
#endif
#ifdef __NR_removexattrat
	NR(removexattrat),
#endif
#ifdef __NR_open_tree_attr
	NR(open_tree_attr),
#endif
#ifdef __NR_file_getattr
	NR(file_getattr),
#endif
#ifdef __NR_file_setattr
	NR(file_setattr),
#endif
#ifdef __NR_listns
	NR(listns),
#endif
};
/* clang-format on */
#undef NR

/* Syscalls newer than Debian 12's headers: the kernel's numbers. */
static const struct {
	const char *name;
	long nr;
} newer_nrs[] = {
    {"uretprobe", 335},         {"uprobe", 336},
    {"cachestat", 451},         {"fchmodat2", 452},
    {"map_shadow_stack", 453},  {"futex_wake", 454},
    {"futex_wait", 455},        {"futex_requeue", 456},
    {"statmount", 457},         {"listmount", 458},
    {"lsm_get_self_attr", 459}, {"lsm_set_self_attr", 460},
    {"lsm_list_modules", 461},  {"mseal", 462},
    {"setxattrat", 463},        {"getxattrat", 464},
    {"listxattrat", 465},       {"removexattrat", 466},
    {"open_tree_attr", 467},    {"file_getattr", 468},
    {"file_setattr", 469},      {"listns", 470},
};

static void test_header_numbers(void)
{
	for (size_t i = 0; i < sizeof header_nrs / sizeof header_nrs[0]; i++) {
		const struct revel_syscall_info *s = revel_syscall_by_name(header_nrs[i].name);
		CHECK(s && s->nr == header_nrs[i].nr, "by_name(%s) should be nr %ld",
		      header_nrs[i].name, header_nrs[i].nr);
		s = revel_syscall_by_nr(header_nrs[i].nr);
		CHECK(s && strcmp(s->name, header_nrs[i].name) == 0, "by_nr(%ld) should be %s",
		      header_nrs[i].nr, header_nrs[i].name);
	}
	CHECK(sizeof header_nrs / sizeof header_nrs[0] >= 360, "only %zu names in the header",
	      sizeof header_nrs / sizeof header_nrs[0]);
	for (size_t i = 0; i < sizeof newer_nrs / sizeof newer_nrs[0]; i++) {
		const struct revel_syscall_info *s = revel_syscall_by_nr(newer_nrs[i].nr);
		CHECK(s && strcmp(s->name, newer_nrs[i].name) == 0, "by_nr(%ld) should be %s",
		      newer_nrs[i].nr, newer_nrs[i].name);
	}
}

/* Whole-table invariants: lookups agree both ways, args are well-formed. */
static void test_table_shape(void)
{
	int n = 0;
	CHECK(revel_syscall_count() == 471, "count %d, want 471 (listns + 1)",
	      revel_syscall_count());
	for (long nr = 0; nr < revel_syscall_count(); nr++) {
		const struct revel_syscall_info *s = revel_syscall_by_nr(nr);
		if (!s)
			continue;
		n++;
		CHECK(s->nr == nr, "entry %ld says nr %d", nr, s->nr);
		const struct revel_syscall_info *t = revel_syscall_by_name(s->name);
		CHECK(t == s, "by_name(by_nr(%ld)->name) is not %ld", nr, nr);
		CHECK(s->nargs >= 0 && s->nargs <= 6, "%s: nargs %d", s->name, s->nargs);
		for (int a = 0; a < 6; a++) {
			if (a < s->nargs) {
				CHECK(s->arg_names[a] && s->arg_names[a][0], "%s: arg %d unnamed",
				      s->name, a);
				CHECK(s->arg_kinds[a] < REVEL_ARG_KIND_COUNT, "%s: arg %d kind %d",
				      s->name, a, s->arg_kinds[a]);
			} else {
				CHECK(!s->arg_names[a] && s->arg_kinds[a] == 0,
				      "%s: arg %d set beyond nargs", s->name, a);
			}
		}
	}
	CHECK(n >= 380, "only %d syscalls", n);
	CHECK(!revel_syscall_by_nr(-1), "by_nr(-1)");
	CHECK(!revel_syscall_by_nr(337), "by_nr(337) is a hole");
	CHECK(!revel_syscall_by_nr(423), "by_nr(423) is a hole");
	CHECK(!revel_syscall_by_nr(revel_syscall_count()), "by_nr(count)");
	CHECK(!revel_syscall_by_nr(0x40000000L), "by_nr(x32 bit)");
	CHECK(!revel_syscall_by_name("no_such_call"), "by_name(no_such_call)");
	CHECK(!revel_syscall_by_name(""), "by_name(\"\")");
	CHECK(!revel_syscall_by_name(NULL), "by_name(NULL)");
	CHECK(!revel_syscall_by_name("rea"), "by_name(rea)");
	CHECK(!revel_syscall_by_name("READ"), "by_name(READ)");
}

/* The data file re-read as text: what the compiled table holds must be what
 * the source says, token for token (catches a name swallowed by a macro).
 * The decoder and result-kind columns are the formatter's: left out here. */
#define SYSCALL(num, nm, cls, dec, rk, ...) #num ", " #nm ", " #cls ", " #__VA_ARGS__,
static const char *const data_lines[] = {
#include "../decode/systable_data.h"
};
#undef SYSCALL

static const struct {
	const char *name;
	int kind;
} kind_names[] = {
    {"INT", REVEL_ARG_INT},
    {"UINT", REVEL_ARG_UINT},
    {"HEX", REVEL_ARG_HEX},
    {"PTR", REVEL_ARG_PTR},
    {"FD", REVEL_ARG_FD},
    {"DIRFD", REVEL_ARG_DIRFD},
    {"PATH", REVEL_ARG_PATH},
    {"STR", REVEL_ARG_STR},
    {"BUF_IN", REVEL_ARG_BUF_IN},
    {"BUF_OUT", REVEL_ARG_BUF_OUT},
    {"SIZE", REVEL_ARG_SIZE},
    {"OFF", REVEL_ARG_OFF},
    {"MODE", REVEL_ARG_MODE},
    {"OPEN_FLAGS", REVEL_ARG_OPEN_FLAGS},
    {"AT_FLAGS", REVEL_ARG_AT_FLAGS},
    {"MMAP_PROT", REVEL_ARG_MMAP_PROT},
    {"MMAP_FLAGS", REVEL_ARG_MMAP_FLAGS},
    {"CLONE_FLAGS", REVEL_ARG_CLONE_FLAGS},
    {"SIGNAL", REVEL_ARG_SIGNAL},
    {"SIGSET", REVEL_ARG_SIGSET},
    {"SIGACTION", REVEL_ARG_SIGACTION},
    {"STRUCT", REVEL_ARG_STRUCT},
    {"ARGV", REVEL_ARG_ARGV},
    {"ENVP", REVEL_ARG_ENVP},
    {"FCNTL_CMD", REVEL_ARG_FCNTL_CMD},
    {"IOCTL_REQ", REVEL_ARG_IOCTL_REQ},
    {"PRCTL_OP", REVEL_ARG_PRCTL_OP},
    {"FUTEX_OP", REVEL_ARG_FUTEX_OP},
    {"SOCK_FAMILY", REVEL_ARG_SOCK_FAMILY},
    {"SOCK_TYPE", REVEL_ARG_SOCK_TYPE},
    {"SOCKADDR", REVEL_ARG_SOCKADDR},
    {"WHENCE", REVEL_ARG_WHENCE},
    {"ACCESS_MODE", REVEL_ARG_ACCESS_MODE},
    {"PID", REVEL_ARG_PID},
    {"UID", REVEL_ARG_UID},
    {"GID", REVEL_ARG_GID},
};

static const struct {
	const char *name;
	unsigned int bit;
} class_flags[] = {
    {"TD", REVEL_CLASS_DESC},          {"TF", REVEL_CLASS_FILE},    {"TI", REVEL_CLASS_IPC},
    {"TN", REVEL_CLASS_NETWORK},       {"TP", REVEL_CLASS_PROCESS}, {"TS", REVEL_CLASS_SIGNAL},
    {"TM", REVEL_CLASS_MEMORY},        {"TC", REVEL_CLASS_CREDS},   {"TCL", REVEL_CLASS_CLOCK},
    {"TST", REVEL_CLASS_STAT},         {"TLST", REVEL_CLASS_LSTAT}, {"TFST", REVEL_CLASS_FSTAT},
    {"TSTA", REVEL_CLASS_STAT_LIKE},   {"TSF", REVEL_CLASS_STATFS}, {"TFSF", REVEL_CLASS_FSTATFS},
    {"TSFA", REVEL_CLASS_STATFS_LIKE}, {"PU", REVEL_CLASS_PURE},    {"0", 0},
};

static int kind_by_name(const char *s)
{
	for (size_t i = 0; i < sizeof kind_names / sizeof kind_names[0]; i++)
		if (strcmp(s, kind_names[i].name) == 0)
			return kind_names[i].kind;
	return -1;
}

/* Next token of a stringized line: an identifier/number, or one of ( ) , |. */
static const char *next_token(const char **p, char *buf, size_t size)
{
	size_t n = 0;
	while (**p == ' ')
		(*p)++;
	if (!**p)
		return NULL;
	if (strchr("(),|", **p)) {
		buf[n++] = *(*p)++;
	} else {
		while (**p && !strchr("(),| ", **p) && n + 1 < size)
			buf[n++] = *(*p)++;
	}
	buf[n] = '\0';
	return buf;
}

static void test_data_text(void)
{
	size_t lines = sizeof data_lines / sizeof data_lines[0];
	CHECK(lines >= 380, "only %zu data lines", lines);
	for (size_t i = 0; i < lines; i++) {
		const char *p = data_lines[i];
		char tok[64], name[64];
		next_token(&p, tok, sizeof tok);
		long nr = strtol(tok, NULL, 10);
		next_token(&p, tok, sizeof tok); /* , */
		next_token(&p, name, sizeof name);
		const struct revel_syscall_info *s = revel_syscall_by_nr(nr);
		if (!s || strcmp(s->name, name) != 0) {
			CHECK(0, "line %zu: %ld %s not in the table", i, nr, name);
			continue;
		}
		unsigned int cls = 0;
		int ok = 1;
		while (next_token(&p, tok, sizeof tok) && strcmp(tok, "(") != 0) {
			if (strcmp(tok, ",") == 0 || strcmp(tok, "|") == 0)
				continue;
			size_t k = 0;
			while (k < sizeof class_flags / sizeof class_flags[0] &&
			       strcmp(tok, class_flags[k].name) != 0)
				k++;
			if (k == sizeof class_flags / sizeof class_flags[0])
				ok = 0;
			else
				cls |= class_flags[k].bit;
		}
		CHECK(ok && cls == s->classes, "%s: classes %#x in text, %#x in table", name, cls,
		      s->classes);
		int nargs = 0;
		/* At a "(": KIND , name ) then "," or end. */
		while (strcmp(tok, "(") == 0) {
			char kind[64], arg[64];
			next_token(&p, kind, sizeof kind);
			next_token(&p, tok, sizeof tok);
			next_token(&p, arg, sizeof arg);
			next_token(&p, tok, sizeof tok);
			if (nargs < 6) {
				CHECK(kind_by_name(kind) == s->arg_kinds[nargs],
				      "%s arg %d: kind %s", name, nargs, kind);
				CHECK(s->arg_names[nargs] && strcmp(arg, s->arg_names[nargs]) == 0,
				      "%s arg %d: %s in text, %s in table", name, nargs, arg,
				      s->arg_names[nargs] ? s->arg_names[nargs] : "NULL");
			}
			nargs++;
			if (!next_token(&p, tok, sizeof tok)) /* , */
				break;
			next_token(&p, tok, sizeof tok);
		}
		CHECK(nargs == s->nargs, "%s: %d args in text, nargs %d", name, nargs, s->nargs);
	}
}

static void expect_args(const char *call, const char *const want[], int n)
{
	const struct revel_syscall_info *s = revel_syscall_by_name(call);
	if (!s) {
		CHECK(0, "%s missing", call);
		return;
	}
	CHECK(s->nargs == n, "%s: nargs %d, want %d", call, s->nargs, n);
	for (int i = 0; i < n && i < s->nargs; i++)
		CHECK(strcmp(s->arg_names[i], want[i]) == 0, "%s arg %d: %s, want %s", call, i,
		      s->arg_names[i], want[i]);
}

#define ARGS(call, ...)                                                                            \
	do {                                                                                       \
		static const char *const w[] = {__VA_ARGS__};                                      \
		expect_args(call, w, (int)(sizeof w / sizeof w[0]));                               \
	} while (0)

static void expect_kinds(const char *call, const int want[], int n)
{
	const struct revel_syscall_info *s = revel_syscall_by_name(call);
	if (!s || s->nargs != n) {
		CHECK(0, "%s missing or nargs != %d", call, n);
		return;
	}
	for (int i = 0; i < n; i++)
		CHECK(s->arg_kinds[i] == want[i], "%s arg %d: kind %d, want %d", call, i,
		      s->arg_kinds[i], want[i]);
}

#define KINDS(call, ...)                                                                           \
	do {                                                                                       \
		static const int w[] = {__VA_ARGS__};                                              \
		expect_kinds(call, w, (int)(sizeof w / sizeof w[0]));                              \
	} while (0)

static void test_args(void)
{
	ARGS("read", "fd", "buf", "count");
	ARGS("write", "fd", "buf", "count");
	ARGS("open", "pathname", "flags", "mode");
	ARGS("openat", "dirfd", "pathname", "flags", "mode");
	ARGS("close", "fd");
	ARGS("stat", "pathname", "statbuf");
	ARGS("newfstatat", "dirfd", "pathname", "statbuf", "flags");
	ARGS("statx", "dirfd", "pathname", "flags", "mask", "statxbuf");
	ARGS("lseek", "fd", "offset", "whence");
	ARGS("mmap", "addr", "length", "prot", "flags", "fd", "offset");
	ARGS("mprotect", "addr", "len", "prot");
	ARGS("clone", "flags", "stack", "parent_tid", "child_tid", "tls");
	ARGS("clone3", "cl_args", "size");
	ARGS("execve", "pathname", "argv", "envp");
	ARGS("execveat", "dirfd", "pathname", "argv", "envp", "flags");
	ARGS("rt_sigaction", "signum", "act", "oldact", "sigsetsize");
	ARGS("rt_sigprocmask", "how", "set", "oldset", "sigsetsize");
	ARGS("ioctl", "fd", "request", "arg");
	ARGS("fcntl", "fd", "cmd", "arg");
	ARGS("socket", "domain", "type", "protocol");
	ARGS("connect", "sockfd", "addr", "addrlen");
	ARGS("accept4", "sockfd", "addr", "addrlen", "flags");
	ARGS("sendto", "sockfd", "buf", "len", "flags", "dest_addr", "addrlen");
	ARGS("recvfrom", "sockfd", "buf", "len", "flags", "src_addr", "addrlen");
	ARGS("wait4", "pid", "wstatus", "options", "rusage");
	ARGS("kill", "pid", "sig");
	ARGS("tgkill", "tgid", "tid", "sig");
	ARGS("futex", "uaddr", "futex_op", "val", "timeout", "uaddr2", "val3");
	ARGS("readlinkat", "dirfd", "pathname", "buf", "bufsiz");
	ARGS("renameat2", "olddirfd", "oldpath", "newdirfd", "newpath", "flags");
	ARGS("mount", "source", "target", "filesystemtype", "mountflags", "data");
	ARGS("prctl", "option", "arg2", "arg3", "arg4", "arg5");
	ARGS("ptrace", "request", "pid", "addr", "data");
	ARGS("pipe2", "pipefd", "flags");
	ARGS("dup3", "oldfd", "newfd", "flags");
	ARGS("getdents64", "fd", "dirp", "count");
	ARGS("poll", "fds", "nfds", "timeout");
	ARGS("epoll_wait", "epfd", "events", "maxevents", "timeout");
	ARGS("exit_group", "status");
	ARGS("brk", "addr");
	CHECK(revel_syscall_by_name("getpid") && revel_syscall_by_name("getpid")->nargs == 0,
	      "getpid takes no args");
	ARGS("mseal", "addr", "len", "flags");

	KINDS("read", REVEL_ARG_FD, REVEL_ARG_BUF_OUT, REVEL_ARG_SIZE);
	KINDS("write", REVEL_ARG_FD, REVEL_ARG_BUF_IN, REVEL_ARG_SIZE);
	KINDS("openat", REVEL_ARG_DIRFD, REVEL_ARG_PATH, REVEL_ARG_OPEN_FLAGS, REVEL_ARG_MODE);
	KINDS("mmap", REVEL_ARG_PTR, REVEL_ARG_SIZE, REVEL_ARG_MMAP_PROT, REVEL_ARG_MMAP_FLAGS,
	      REVEL_ARG_FD, REVEL_ARG_HEX);
	KINDS("clone", REVEL_ARG_CLONE_FLAGS, REVEL_ARG_PTR, REVEL_ARG_PTR, REVEL_ARG_PTR,
	      REVEL_ARG_PTR);
	KINDS("execve", REVEL_ARG_PATH, REVEL_ARG_ARGV, REVEL_ARG_ENVP);
	KINDS("rt_sigaction", REVEL_ARG_SIGNAL, REVEL_ARG_SIGACTION, REVEL_ARG_SIGACTION,
	      REVEL_ARG_SIZE);
	KINDS("kill", REVEL_ARG_PID, REVEL_ARG_SIGNAL);
	KINDS("lseek", REVEL_ARG_FD, REVEL_ARG_OFF, REVEL_ARG_WHENCE);
	KINDS("faccessat2", REVEL_ARG_DIRFD, REVEL_ARG_PATH, REVEL_ARG_ACCESS_MODE,
	      REVEL_ARG_AT_FLAGS);
	KINDS("socket", REVEL_ARG_SOCK_FAMILY, REVEL_ARG_SOCK_TYPE, REVEL_ARG_INT);
	KINDS("connect", REVEL_ARG_FD, REVEL_ARG_SOCKADDR, REVEL_ARG_UINT);
	KINDS("fcntl", REVEL_ARG_FD, REVEL_ARG_FCNTL_CMD, REVEL_ARG_HEX);
	KINDS("ioctl", REVEL_ARG_FD, REVEL_ARG_IOCTL_REQ, REVEL_ARG_HEX);
	KINDS("futex", REVEL_ARG_PTR, REVEL_ARG_FUTEX_OP, REVEL_ARG_UINT, REVEL_ARG_STRUCT,
	      REVEL_ARG_PTR, REVEL_ARG_UINT);
	KINDS("fchownat", REVEL_ARG_DIRFD, REVEL_ARG_PATH, REVEL_ARG_UID, REVEL_ARG_GID,
	      REVEL_ARG_AT_FLAGS);
}

static unsigned int classes_of(const char *call)
{
	const struct revel_syscall_info *s = revel_syscall_by_name(call);
	CHECK(s != NULL, "%s missing", call);
	return s ? s->classes : 0;
}

#define CLS(call, want)                                                                            \
	CHECK(classes_of(call) == (unsigned int)(want), "%s: classes %#x, want %#x", call,         \
	      classes_of(call), (unsigned int)(want))

/* Names with the class bit, comma-joined in nr order, as strace -e trace=%x
 * would select them. */
static void class_members(unsigned int bit, char *out, size_t size)
{
	out[0] = '\0';
	for (long nr = 0; nr < revel_syscall_count(); nr++) {
		const struct revel_syscall_info *s = revel_syscall_by_nr(nr);
		if (s && (s->classes & bit)) {
			if (out[0])
				strncat(out, ",", size - strlen(out) - 1);
			strncat(out, s->name, size - strlen(out) - 1);
		}
	}
}

static int class_count(unsigned int bit)
{
	int n = 0;
	for (long nr = 0; nr < revel_syscall_count(); nr++) {
		const struct revel_syscall_info *s = revel_syscall_by_nr(nr);
		n += s && (s->classes & bit);
	}
	return n;
}

static void test_classes(void)
{
	static const struct {
		const char *name;
		unsigned int bit;
	} names[] = {
	    {"%file", REVEL_CLASS_FILE},
	    {"file", REVEL_CLASS_FILE},
	    {"%desc", REVEL_CLASS_DESC},
	    {"desc", REVEL_CLASS_DESC},
	    {"%net", REVEL_CLASS_NETWORK},
	    {"%network", REVEL_CLASS_NETWORK},
	    {"network", REVEL_CLASS_NETWORK},
	    {"%process", REVEL_CLASS_PROCESS},
	    {"process", REVEL_CLASS_PROCESS},
	    {"%signal", REVEL_CLASS_SIGNAL},
	    {"signal", REVEL_CLASS_SIGNAL},
	    {"%ipc", REVEL_CLASS_IPC},
	    {"ipc", REVEL_CLASS_IPC},
	    {"%memory", REVEL_CLASS_MEMORY},
	    {"memory", REVEL_CLASS_MEMORY},
	    {"%creds", REVEL_CLASS_CREDS},
	    {"%clock", REVEL_CLASS_CLOCK},
	    {"%stat", REVEL_CLASS_STAT},
	    {"%lstat", REVEL_CLASS_LSTAT},
	    {"%fstat", REVEL_CLASS_FSTAT},
	    {"%%stat", REVEL_CLASS_STAT_LIKE},
	    {"%statfs", REVEL_CLASS_STATFS},
	    {"%fstatfs", REVEL_CLASS_FSTATFS},
	    {"%%statfs", REVEL_CLASS_STATFS_LIKE},
	    {"%pure", REVEL_CLASS_PURE},
	    /* strace has no legacy spelling of these */
	    {"net", 0},
	    {"creds", 0},
	    {"stat", 0},
	    {"pure", 0},
	    {"%FILE", 0},
	    {"%", 0},
	    {"", 0},
	    {"%bogus", 0},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		CHECK(revel_class_by_name(names[i].name) == names[i].bit,
		      "class_by_name(%s) = %#x, want %#x", names[i].name,
		      revel_class_by_name(names[i].name), names[i].bit);
	CHECK(revel_class_by_name(NULL) == 0, "class_by_name(NULL)");

	CLS("openat", REVEL_CLASS_FILE | REVEL_CLASS_DESC);
	CLS("open", REVEL_CLASS_FILE | REVEL_CLASS_DESC);
	CLS("read", REVEL_CLASS_DESC);
	CLS("close", REVEL_CLASS_DESC);
	CLS("stat", REVEL_CLASS_FILE | REVEL_CLASS_STAT | REVEL_CLASS_STAT_LIKE);
	CLS("lstat", REVEL_CLASS_FILE | REVEL_CLASS_LSTAT | REVEL_CLASS_STAT_LIKE);
	CLS("fstat", REVEL_CLASS_DESC | REVEL_CLASS_FSTAT | REVEL_CLASS_STAT_LIKE);
	CLS("newfstatat",
	    REVEL_CLASS_DESC | REVEL_CLASS_FILE | REVEL_CLASS_FSTAT | REVEL_CLASS_STAT_LIKE);
	CLS("statfs", REVEL_CLASS_FILE | REVEL_CLASS_STATFS | REVEL_CLASS_STATFS_LIKE);
	CLS("fstatfs", REVEL_CLASS_DESC | REVEL_CLASS_FSTATFS | REVEL_CLASS_STATFS_LIKE);
	CLS("ustat", REVEL_CLASS_STATFS_LIKE);
	CLS("execve", REVEL_CLASS_FILE | REVEL_CLASS_PROCESS);
	CLS("execveat", REVEL_CLASS_DESC | REVEL_CLASS_FILE | REVEL_CLASS_PROCESS);
	CLS("clone", REVEL_CLASS_PROCESS);
	CLS("exit_group", REVEL_CLASS_PROCESS);
	CLS("kill", REVEL_CLASS_SIGNAL | REVEL_CLASS_PROCESS);
	CLS("rt_sigaction", REVEL_CLASS_SIGNAL);
	CLS("signalfd4", REVEL_CLASS_DESC | REVEL_CLASS_SIGNAL);
	CLS("pidfd_send_signal", REVEL_CLASS_DESC | REVEL_CLASS_SIGNAL | REVEL_CLASS_PROCESS);
	CLS("mmap", REVEL_CLASS_DESC | REVEL_CLASS_MEMORY);
	CLS("munmap", REVEL_CLASS_MEMORY);
	CLS("shmat", REVEL_CLASS_IPC | REVEL_CLASS_MEMORY);
	CLS("socket", REVEL_CLASS_NETWORK);
	CLS("sendfile", REVEL_CLASS_DESC | REVEL_CLASS_NETWORK);
	CLS("getpid", REVEL_CLASS_PURE);
	CLS("getuid", REVEL_CLASS_CREDS | REVEL_CLASS_PURE);
	CLS("prctl", REVEL_CLASS_CREDS);
	CLS("clock_gettime", REVEL_CLASS_CLOCK);
	CLS("io_uring_register", REVEL_CLASS_DESC | REVEL_CLASS_MEMORY);
	CLS("sched_yield", 0);
	CLS("close_range", 0);
	CLS("futex", 0);

	/* Whole classes as strace 6.1 selects them on x86-64. */
	static const struct {
		unsigned int bit;
		const char *members;
	} sets[] = {
	    {REVEL_CLASS_STAT, "stat"},
	    {REVEL_CLASS_LSTAT, "lstat"},
	    {REVEL_CLASS_FSTAT, "fstat,newfstatat,statx"},
	    {REVEL_CLASS_STAT_LIKE, "stat,fstat,lstat,newfstatat,statx"},
	    {REVEL_CLASS_STATFS, "statfs"},
	    {REVEL_CLASS_FSTATFS, "fstatfs"},
	    {REVEL_CLASS_STATFS_LIKE, "ustat,statfs,fstatfs"},
	    {REVEL_CLASS_PURE, "getpid,getuid,getgid,geteuid,getegid,getppid,getpgrp,gettid"},
	    {REVEL_CLASS_CLOCK, "gettimeofday,adjtimex,settimeofday,time,clock_settime,"
	                        "clock_gettime,clock_getres,clock_adjtime"},
	    {REVEL_CLASS_CREDS,
	     "getuid,getgid,setuid,setgid,geteuid,getegid,setreuid,setregid,getgroups,"
	     "setgroups,setresuid,getresuid,setresgid,getresgid,setfsuid,setfsgid,capget,"
	     "capset,prctl"},
	    {REVEL_CLASS_IPC, "shmget,shmat,shmctl,semget,semop,semctl,shmdt,msgget,msgsnd,"
	                      "msgrcv,msgctl,semtimedop"},
	};
	char buf[4096];
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
		class_members(sets[i].bit, buf, sizeof buf);
		CHECK(strcmp(buf, sets[i].members) == 0, "class %#x: %s, want %s", sets[i].bit, buf,
		      sets[i].members);
	}
	/* strace 6.1's counts, plus the syscalls it predates (fchmodat2,
	 * *xattrat, open_tree_attr, file_*attr; cachestat; map_shadow_stack,
	 * mseal). */
	CHECK(class_count(REVEL_CLASS_FILE) == 67 + 8, "%%file has %d",
	      class_count(REVEL_CLASS_FILE));
	CHECK(class_count(REVEL_CLASS_DESC) == 123 + 9, "%%desc has %d",
	      class_count(REVEL_CLASS_DESC));
	CHECK(class_count(REVEL_CLASS_NETWORK) == 21, "%%network has %d",
	      class_count(REVEL_CLASS_NETWORK));
	CHECK(class_count(REVEL_CLASS_PROCESS) == 16, "%%process has %d",
	      class_count(REVEL_CLASS_PROCESS));
	CHECK(class_count(REVEL_CLASS_SIGNAL) == 17, "%%signal has %d",
	      class_count(REVEL_CLASS_SIGNAL));
	CHECK(class_count(REVEL_CLASS_MEMORY) == 26 + 2, "%%memory has %d",
	      class_count(REVEL_CLASS_MEMORY));
}

int main(void)
{
	test_header_numbers();
	test_table_shape();
	test_data_text();
	test_args();
	test_classes();
	return check_done();
}
