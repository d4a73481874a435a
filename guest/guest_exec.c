/* execve under the in-guest backend. A program may exec with an environment
 * of its own (env -i, a sanitised one): the library's variables are put back
 * (LD_PRELOAD first in its list, REVEL_GUEST_*), so the new program loads the
 * library again. A program that cannot load it (statically linked, set-user-ID
 * or set-group-ID: the loader ignores LD_PRELOAD in secure mode) is named to
 * revel first, which traces the process under ptrace from the exec on: it
 * then execs with none of the library's variables (its children stay under
 * ptrace, and must not enter the library too). If revel cannot trace it, it
 * runs with no tool, and revel says so. */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest_exec.h"
#include "rewrite.h"

#define NVARS 8
static const char *const names[NVARS] = {
    "LD_PRELOAD=",      "REVEL_GUEST_SOCK=", "REVEL_GUEST_TOOL=",  "REVEL_GUEST_CONFIG=",
    "REVEL_GUEST_LIB=", "REVEL_GUEST_LIFE=", "REVEL_GUEST_RULES=", "REVEL_GUEST_PRELUDE="};
static char *vars[NVARS]; /* "NAME=value" as this process got them */
static const char *lib;

void guest_exec_init(void)
{
	for (int i = 0; i < NVARS; i++) {
		size_t n = strlen(names[i]);
		for (char **e = environ; *e; e++)
			if (!strncmp(*e, names[i], n)) {
				vars[i] = strdup(*e);
				break;
			}
	}
	lib = vars[4] ? vars[4] + strlen(names[4]) : NULL;
}

int guest_prelude_on(void)
{
	return vars[7] && !strcmp(vars[7] + strlen(names[7]), "1");
}

static long sys(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	return gate.syscall(nr, a1, a2, a3, a4, a5, a6); /* as revel_guest.c's guest_raw() */
}

/* Why the program at dirfd/path cannot load the library (an ELF file with
 * no interpreter, or set-ID), or NULL; *runs: it is an executable file (the
 * exec should succeed). */
static const char *why_not(int dirfd, const char *path, int flags, int *runs)
{
	struct stat st;
	*runs = 0;
	if (sys(SYS_newfstatat, dirfd, (long)path, (long)&st, flags & AT_EMPTY_PATH, 0, 0) < 0)
		return NULL; /* execve will fail and say why */
	/* One the exec refuses (not executable) stays here: the process goes
	 * on after the failed exec, with the library. */
	if (sys(SYS_faccessat, dirfd, (long)path, X_OK, 0, 0, 0) < 0 || !S_ISREG(st.st_mode))
		return NULL;
	*runs = 1;
	if (st.st_mode & (S_ISUID | S_ISGID))
		return "set-user-ID or set-group-ID";
	int fd = (int)sys(SYS_openat, dirfd, (long)path, O_RDONLY | O_CLOEXEC, 0, 0, 0);
	if (fd < 0)
		return NULL;
	Elf64_Ehdr eh;
	const char *why = NULL;
	if (sys(SYS_pread64, fd, (long)&eh, sizeof eh, 0, 0, 0) == (long)sizeof eh &&
	    !memcmp(eh.e_ident, ELFMAG, SELFMAG) && eh.e_phentsize == sizeof(Elf64_Phdr) &&
	    eh.e_phnum < 256) {
		int interp = 0;
		for (int i = 0; i < eh.e_phnum; i++) {
			Elf64_Phdr ph;
			if (sys(SYS_pread64, fd, (long)&ph, sizeof ph,
			        (long)(eh.e_phoff + (size_t)i * sizeof ph), 0,
			        0) != (long)sizeof ph)
				break;
			if (ph.p_type == PT_INTERP)
				interp = 1;
		}
		if (!interp)
			why = "statically linked";
	}
	sys(SYS_close, fd, 0, 0, 0, 0, 0);
	return why;
}

/* An environment with the library's variables: envp's entries, ours replacing
 * theirs; LD_PRELOAD keeps the program's own entries after ours. In memory
 * of its own (mmap), freed if the exec fails. */
static char **fixed_env(char *const *envp, size_t *len)
{
	size_t n = 0, bytes = 0;
	if (envp)
		while (envp[n])
			n++;
	const char *pre = NULL;
	for (size_t i = 0; i < n; i++)
		if (!strncmp(envp[i], "LD_PRELOAD=", 11))
			pre = envp[i] + 11;
	for (int i = 0; i < NVARS; i++)
		bytes += vars[i] ? strlen(vars[i]) + 1 : 0;
	bytes += pre ? strlen(pre) + 2 : 0;
	*len = (n + NVARS + 1) * sizeof(char *) + bytes;
	char **out = (char **)sys(SYS_mmap, 0, (long)*len, PROT_READ | PROT_WRITE,
	                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if ((long)out < 0 && (long)out > -4096)
		return NULL;
	char *str = (char *)(out + n + NVARS + 1);
	size_t k = 0;
	for (int i = 0; i < NVARS; i++) {
		if (!vars[i])
			continue;
		out[k++] = str;
		if (i == 0 && pre && lib && !strstr(pre, lib))
			str += sprintf(str, "LD_PRELOAD=%s:%s", lib, pre) + 1;
		else
			str = stpcpy(str, vars[i]) + 1;
	}
	for (size_t i = 0; i < n; i++) {
		int ours = 0;
		for (int j = 0; j < NVARS; j++)
			if (vars[j] && !strncmp(envp[i], names[j], strlen(names[j])))
				ours = 1;
		if (!ours)
			out[k++] = envp[i];
	}
	out[k] = NULL;
	return out;
}

/* envp without the library's variables (a program under ptrace): its own
 * LD_PRELOAD entries stay. In memory of its own, as fixed_env's. */
static char **plain_env(char *const *envp, size_t *len)
{
	size_t n = 0, bytes = 0;
	if (envp)
		while (envp[n])
			n++;
	for (size_t i = 0; i < n; i++)
		if (!strncmp(envp[i], "LD_PRELOAD=", 11))
			bytes += strlen(envp[i]) + 1;
	*len = (n + 1) * sizeof(char *) + bytes;
	char **out = (char **)sys(SYS_mmap, 0, (long)*len, PROT_READ | PROT_WRITE,
	                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if ((long)out < 0 && (long)out > -4096)
		return NULL;
	char *str = (char *)(out + n + 1);
	size_t k = 0, ln = lib ? strlen(lib) : 0;
	for (size_t i = 0; i < n; i++) {
		int ours = 0;
		for (int j = 1; j < NVARS; j++)
			if (!strncmp(envp[i], names[j], strlen(names[j])))
				ours = 1;
		if (ours)
			continue;
		if (strncmp(envp[i], "LD_PRELOAD=", 11) || !lib) {
			out[k++] = envp[i];
			continue;
		}
		/* LD_PRELOAD's list (':' or ' ' apart) without the library */
		char *start = str;
		str = stpcpy(str, "LD_PRELOAD=");
		const char *p = envp[i] + 11;
		int first = 1;
		while (*p) {
			size_t w = strcspn(p, ": ");
			if (w && !(w == ln && !strncmp(p, lib, ln))) {
				if (!first)
					*str++ = ':';
				memcpy(str, p, w);
				str += w;
				first = 0;
			}
			p += w + (p[w] != 0);
		}
		*str++ = 0;
		if (!first)
			out[k++] = start;
	}
	out[k] = NULL;
	return out;
}

/* revel's seccomp filter, loaded before an exec revel traces: the program's
 * calls then stop only where the tool subscribed (one seccomp stop), not at
 * every entry and exit. no_new_privs as revel sets it for its own guests
 * (not as root: a set-ID program keeps its rights). */
static int load_filter(void *bpf, size_t n)
{
	struct sock_fprog prog = {.len = (unsigned short)(n / sizeof(struct sock_filter)),
	                          .filter = bpf};
	if (n % sizeof(struct sock_filter) || !prog.len)
		return -EINVAL;
	if (sys(SYS_geteuid, 0, 0, 0, 0, 0, 0) != 0 &&
	    sys(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0, 0) < 0)
		return -EPERM;
	return (int)sys(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, (long)&prog, 0, 0, 0);
}

/* revel traces this process (an exec that fell back failed, ENOMEM, E2BIG,
 * ETXTBSY...), and its forked children: the library goes on showing their
 * calls until they exec, and whatever they exec then runs under ptrace only,
 * without the library (revel reports its calls from that exec on). */
static int under_ptrace;

long guest_execve(long nr, long *a, guest_runner run, ucontext_t *uc)
{
	int at = nr == SYS_execveat;
	const char *path = (const char *)a[at ? 1 : 0];
	int runs;
	const char *why = why_not(at ? (int)a[0] : AT_FDCWD, path, at ? (int)a[4] : 0, &runs);
	int traced = under_ptrace;
	if (!why && runs && !traced && guest_prelude_on()) {
		/* The new program's loader runs under ptrace with the tool, until
		 * the library starts in it; if revel cannot, its calls are unseen. */
		char m[32];
		snprintf(m, sizeof m, "%ld", sys(SYS_getpid, 0, 0, 0, 0, 0, 0));
		guest_prelude(m);
	}
	if (why && !traced) {
		char m[600];
		long pid = sys(SYS_getpid, 0, 0, 0, 0, 0, 0);
		snprintf(m, sizeof m, "%ld\n%.400s\n%s", pid, path, why);
		/* the filter's room, this call's own: threads may exec at once */
		size_t room = 4096 * sizeof(struct sock_filter), nb = 0;
		long bm = sys(SYS_mmap, 0, (long)room, PROT_READ | PROT_WRITE,
		              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		void *bpf = bm < 0 && bm > -4096 ? NULL : (void *)bm;
		traced = under_ptrace = guest_fallback(m, bpf, bpf ? room : 0, &nb);
		if (traced && nb && load_filter(bpf, nb) == 0) {
			snprintf(m, sizeof m, "%ld", sys(SYS_gettid, 0, 0, 0, 0, 0, 0));
			guest_filtered(m);
		}
		if (bpf)
			sys(SYS_munmap, bm, (long)room, 0, 0, 0, 0);
		if (!traced) {
			snprintf(m, sizeof m,
			         "pid %ld runs %.400s, %s: its calls are not seen (it cannot load "
			         "the in-guest library)",
			         pid, path, why);
			guest_notice(m);
		}
	}
	size_t len;
	long b[6];
	memcpy(b, a, sizeof b);
	char **env = traced ? plain_env((char *const *)a[at ? 3 : 2], &len)
	                    : fixed_env((char *const *)a[at ? 3 : 2], &len);
	if (env)
		b[at ? 3 : 2] = (long)env;
	long r = run(uc, nr, b);
	if (env)
		sys(SYS_munmap, (long)env, (long)len, 0, 0, 0, 0);
	return r;
}
