/* place.c: --placement. A ptrace stop is a round trip between guest and
 * tracer; on a VM its cost depends on where the two run (the wake-up of an
 * idle CPU, cold caches across CPUs). FOLLOW moves the tracer, at most once
 * a millisecond, to the CPU the stopped thread last ran on: the guest sees
 * nothing of it. TOGETHER pins tracer and guest to one CPU, which the guest
 * could see: so its calls that show an affinity are answered as without
 * revel. sched_getaffinity returns the thread's emulated mask (the kernel
 * still checks the size); sched_setaffinity is made by the tracer on the
 * thread (the kernel checks it and keeps what it keeps), its result becomes
 * the emulated mask, and the thread is pinned back when the CPU is in it
 * (else it runs where it asked); an open of a status file of a guest task
 * opens a copy whose Cpus_allowed lines show the emulated mask. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#include "place.h"
#include "resume.h"

#define FOLLOW_NS 1000000ll /* how often FOLLOW looks where the guest ran */
#define MASK_MAX 1024       /* bytes: the kernel's cpumask for NR_CPUS up to 8192 */
#define RED_ZONE 128        /* below the guest's sp: the x86-64 ABI's red zone */

struct place_mask {
	unsigned char b[MASK_MAX];
};

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

static bool mask_has(const struct place_mask *m, int cpu)
{
	return cpu >= 0 && cpu < MASK_MAX * 8 && (m->b[cpu / 8] >> (cpu % 8) & 1);
}

/* sched_{get,set}affinity of tid with a mask as bytes (the kernel's layout
 * on little-endian x86-64); the raw calls, errno on failure. */
static long get_aff(pid_t tid, unsigned len, void *m)
{
	return syscall(SYS_sched_getaffinity, tid, len, m);
}

static long set_aff(pid_t tid, unsigned len, const void *m)
{
	return syscall(SYS_sched_setaffinity, tid, len, m);
}

static void pin(pid_t tid, int cpu, int masksize)
{
	struct place_mask m = {{0}};
	m.b[cpu / 8] = (unsigned char)(1u << (cpu % 8));
	set_aff(tid, (unsigned)masksize, &m);
}

void place_init(struct place *p, int mode)
{
	memset(p, 0, sizeof *p);
	p->mode = mode;
	p->stat_fd = -1;
	p->at_cpu = -1;
}

int place_prepare(revel_engine *e)
{
	struct place *p = &e->place;
	if (p->mode == REVEL_PLACE_NONE || p->spawn)
		return 0;
	p->spawn = calloc(1, sizeof *p->spawn);
	p->before = calloc(1, sizeof *p->before);
	if (!p->spawn || !p->before)
		return -ENOMEM;
	long n = get_aff(0, MASK_MAX, p->spawn->b);
	if (n < 0)
		return -errno;
	p->masksize = (int)n;
	memcpy(p->before, p->spawn, sizeof *p->before);
	/* Where revel runs now, if the guest may run there too. */
	int cpu = sched_getcpu();
	for (int c = 0; !mask_has(p->spawn, cpu) && c < (int)n * 8; c++)
		cpu = c;
	p->cpu = mask_has(p->spawn, cpu) ? cpu : 0;
	return 0;
}

void place_child(revel_engine *e)
{
	if (e->place.mode == REVEL_PLACE_TOGETHER)
		pin(0, e->place.cpu, e->place.masksize);
}

void place_spawned(revel_engine *e)
{
	struct place *p = &e->place;
	if (p->mode == REVEL_PLACE_CPU) {
		if (e->opt.tracer_cpu >= 0 && e->opt.tracer_cpu < MASK_MAX * 8)
			pin(0, e->opt.tracer_cpu, p->masksize);
		p->moved = true;
	} else if (p->mode == REVEL_PLACE_TOGETHER) {
		pin(0, p->cpu, p->masksize);
		p->moved = true;
	}
}

void place_end(revel_engine *e)
{
	struct place *p = &e->place;
	if (p->moved && p->before)
		set_aff(0, (unsigned)p->masksize, p->before->b);
	if (p->stat_fd >= 0)
		close(p->stat_fd);
	free(p->spawn);
	free(p->before);
	place_init(p, p->mode);
}

/* ---- FOLLOW ---- */

/* The CPU tid last ran on: field 39 of /proc/TID/stat; -1 if unknown. */
static int last_cpu(struct place *p, pid_t tid)
{
	if (tid != p->stat_tid) {
		if (p->stat_fd >= 0)
			close(p->stat_fd);
		char path[64];
		snprintf(path, sizeof path, "/proc/%d/stat", (int)tid);
		p->stat_fd = open(path, O_RDONLY | O_CLOEXEC);
		p->stat_tid = tid;
	}
	char buf[1024];
	ssize_t n = p->stat_fd < 0 ? -1 : pread(p->stat_fd, buf, sizeof buf - 1, 0);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	char *s = strrchr(buf, ')'); /* the name may hold spaces and parens */
	for (int field = 2; s && field < 39; field++) {
		s = strchr(s + 1, ' ');
	}
	return s ? atoi(s + 1) : -1;
}

void place_follow(revel_engine *e, pid_t tid)
{
	struct place *p = &e->place;
	int64_t now = now_ns();
	if (now < p->next_look_ns || !p->before)
		return;
	p->next_look_ns = now + FOLLOW_NS;
	int cpu = last_cpu(p, tid);
	if (cpu < 0 || cpu == p->at_cpu || !mask_has(p->before, cpu))
		return;
	pin(0, cpu, p->masksize);
	p->at_cpu = cpu;
	p->moved = true;
}

/* ---- TOGETHER: the guest's view ---- */

static const struct place_mask *vmask(const revel_engine *e, const struct task *t)
{
	return t->vmask ? t->vmask : e->place.spawn;
}

void place_clone(const struct task *parent, struct task *child)
{
	if (!parent->vmask || child->vmask)
		return;
	child->vmask = malloc(sizeof *child->vmask);
	if (child->vmask)
		memcpy(child->vmask, parent->vmask, sizeof *child->vmask);
}

/* The guest task a pid argument names (0: the caller); NULL when it is not
 * ours: the call then runs as it is. */
static struct task *target(revel_engine *e, struct task *t, int64_t pid)
{
	if (pid == 0)
		return t;
	if (pid < 0 || pid > INT32_MAX)
		return NULL;
	return tasks_find(&e->tasks, (pid_t)pid);
}

/* Write as the kernel would: page protections hold. */
static bool guest_write(pid_t tid, uint64_t addr, const void *buf, size_t n)
{
	struct iovec local = {(void *)buf, n}, remote = {(void *)addr, n};
	return process_vm_writev(tid, &local, 1, &remote, 1, 0) == (ssize_t)n;
}

static bool get_affinity(revel_engine *e, struct task *t, const struct user_regs_struct *r,
                         int64_t *res)
{
	struct task *k = target(e, t, (int32_t)reg_arg(r, 0));
	if (!k)
		return false;
	unsigned len = (unsigned)reg_arg(r, 1);
	/* The kernel checks len (EINVAL) as for the guest, and copies
	 * min(len, its mask size): at most MASK_MAX bytes. */
	struct place_mask m;
	long n = get_aff(0, len, m.b);
	if (n < 0) {
		*res = -errno;
		return true;
	}
	memcpy(m.b, vmask(e, k)->b, (size_t)n);
	*res = guest_write(t->tid, reg_arg(r, 2), m.b, (size_t)n) ? n : -EFAULT;
	return true;
}

static bool set_affinity(revel_engine *e, struct task *t, const struct user_regs_struct *r,
                         int64_t *res)
{
	struct task *k = target(e, t, (int32_t)reg_arg(r, 0));
	if (!k)
		return false;
	unsigned len = (unsigned)reg_arg(r, 1);
	size_t want = len < (unsigned)e->place.masksize ? len : (size_t)e->place.masksize;
	struct place_mask m = {{0}};
	if (revel_mem_read_checked(e, t->tid, reg_arg(r, 2), m.b, want) != (ssize_t)want) {
		*res = -EFAULT;
		return true;
	}
	/* The kernel decides (EINVAL for no usable CPU) and keeps what it keeps. */
	if (set_aff(k->tid, (unsigned)e->place.masksize, m.b) < 0) {
		*res = -errno;
		return true;
	}
	struct place_mask now = {{0}};
	if (get_aff(k->tid, MASK_MAX, now.b) < 0)
		memcpy(&now, &m, sizeof now);
	if (!k->vmask)
		k->vmask = malloc(sizeof *k->vmask);
	if (k->vmask)
		memcpy(k->vmask, &now, sizeof now);
	/* Back with the tracer, unless the guest asked to run elsewhere. */
	if (mask_has(&now, e->place.cpu))
		pin(k->tid, e->place.cpu, e->place.masksize);
	*res = 0;
	return true;
}

/* "Cpus_allowed:\t3" as the kernel prints a mask ("%*pb": 32-bit groups in
 * hex, the first as wide as the real line's), and the list ("%*pbl"). */
static size_t fmt_hex(char *out, size_t cap, const char *real, const struct place_mask *m)
{
	int groups = 1, w0 = 0;
	for (const char *c = real; *c && *c != '\n'; c++) {
		if (*c == ',')
			groups++;
		else if (groups == 1)
			w0++;
	}
	size_t n = 0;
	for (int g = 0; g < groups && n < cap; g++) {
		int bit = 32 * (groups - 1 - g);
		uint32_t v = 0;
		for (int i = 0; i < 32; i++)
			v |= (uint32_t)mask_has(m, bit + i) << i;
		int w = g == 0 ? w0 : 8;
		if (w < 8)
			v &= (1u << (4 * w)) - 1;
		n += (size_t)snprintf(out + n, cap - n, "%s%0*x", g ? "," : "", w, v);
	}
	return n < cap ? n : cap - 1;
}

static size_t fmt_list(char *out, size_t cap, const struct place_mask *m)
{
	size_t n = 0;
	for (int c = 0; c < MASK_MAX * 8 && n < cap; c++) {
		if (!mask_has(m, c))
			continue;
		int end = c;
		while (mask_has(m, end + 1))
			end++;
		n += (size_t)(end > c ? snprintf(out + n, cap - n, "%s%d-%d", n ? "," : "", c, end)
		                      : snprintf(out + n, cap - n, "%s%d", n ? "," : "", c));
		c = end;
	}
	return n < cap ? n : cap - 1;
}

/* The status file of k with its Cpus_allowed lines as the emulated mask, in
 * a memfd of the tracer's; -1 when it cannot be made. self: k is the caller,
 * which reads it stopped, but would read it running. */
static int status_copy(revel_engine *e, pid_t tid, const struct task *k, bool self)
{
	char path[64], in[16384], out[sizeof in + 8192];
	snprintf(path, sizeof path, "/proc/%d/status", (int)tid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, in, sizeof in - 1);
	close(fd);
	if (n <= 0)
		return -1;
	in[n] = 0;
	size_t o = 0;
	for (char *line = in; *line && o < sizeof out - 4096;) {
		char *nl = strchrnul(line, '\n');
		size_t len = (size_t)(nl - line) + (*nl == '\n');
		if (self && !strncmp(line, "State:\t", 7)) {
			o += (size_t)snprintf(out + o, sizeof out - o, "State:\tR (running)\n");
		} else if (!strncmp(line, "Cpus_allowed:\t", 14)) {
			o += (size_t)snprintf(out + o, sizeof out - o, "Cpus_allowed:\t");
			o += fmt_hex(out + o, sizeof out - o, line + 14, vmask(e, k));
			out[o++] = '\n';
		} else if (!strncmp(line, "Cpus_allowed_list:\t", 19)) {
			o += (size_t)snprintf(out + o, sizeof out - o, "Cpus_allowed_list:\t");
			o += fmt_list(out + o, sizeof out - o, vmask(e, k));
			out[o++] = '\n';
		} else {
			memcpy(out + o, line, len);
			o += len;
		}
		line += len;
	}
	int mfd = memfd_create("revel-status", MFD_CLOEXEC);
	if (mfd < 0)
		return -1;
	if (write(mfd, out, o) != (ssize_t)o) {
		close(mfd);
		return -1;
	}
	return mfd;
}

static bool digits(const char *s, size_t n)
{
	if (n == 0 || n > 10)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* The task whose status file path names: /proc/{self,thread-self,PID}/status,
 * /proc/{self,PID}/task/TID/status; 0 when it is no guest task's. */
static pid_t status_of(revel_engine *e, const struct task *t, const char *path)
{
	if (strncmp(path, "/proc/", 6))
		return 0;
	const char *a = path + 6, *slash = strchr(a, '/');
	if (!slash)
		return 0;
	size_t alen = (size_t)(slash - a);
	pid_t who;
	if (alen == 11 && !strncmp(a, "thread-self", 11))
		return !strcmp(slash, "/status") ? t->tid : 0;
	if (alen == 4 && !strncmp(a, "self", 4))
		who = t->proc ? t->proc->pid : t->tid;
	else if (digits(a, alen))
		who = (pid_t)atoi(a);
	else
		return 0;
	if (strncmp(slash, "/task/", 6) == 0) {
		const char *b = slash + 6, *s2 = strchr(b, '/');
		if (!s2 || !digits(b, (size_t)(s2 - b)) || strcmp(s2, "/status"))
			return 0;
		who = (pid_t)atoi(b);
	} else if (strcmp(slash, "/status")) {
		return 0;
	}
	return tasks_find(&e->tasks, who) ? who : 0;
}

static bool open_status(revel_engine *e, struct task *t, struct user_regs_struct *r, long nr,
                        bool observe)
{
	int argi = nr == SYS_openat ? 1 : 0;
	uint64_t flags = reg_arg(r, argi + 1);
	/* Read-only and following links: our path is a link to the copy. */
	if ((flags & O_ACCMODE) != O_RDONLY || (flags & (O_NOFOLLOW | O_PATH | O_CREAT)))
		return false;
	char path[64];
	int trunc = 0;
	if (revel_mem_string(e, t->tid, reg_arg(r, argi), path, sizeof path, &trunc) < 0 || trunc)
		return false;
	pid_t who = status_of(e, t, path);
	if (!who)
		return false;
	int fd = status_copy(e, who, tasks_find(&e->tasks, who), who == t->tid);
	if (fd < 0)
		return false;
	/* The path to the copy, on the guest's stack below its red zone: the
	 * thread is in the call, nothing of its own lives there. */
	char link[64];
	int len = snprintf(link, sizeof link, "/proc/%d/fd/%d", (int)getpid(), fd);
	uint64_t at = (reg_sp(r) - RED_ZONE - 128) & ~15ull;
	if (!guest_write(t->tid, at, link, (size_t)len + 1)) {
		close(fd);
		return false;
	}
	t->place_arg = reg_arg(r, argi);
	t->place_argi = argi;
	t->place_fd = fd;
	t->place_observe = observe;
	reg_set_arg(r, argi, at);
	task_regs_dirty(t);
	t->state = TS_PLACE_EXIT;
	task_syscall(t, 0);
	return true;
}

bool place_rerun(revel_engine *e, struct task *t)
{
	if (!t->place_rerun)
		return false;
	t->place_rerun = false;
	if (t->place_observe && e->observer) {
		t->state = TS_OBSERVE; /* its entry was seen the first time */
		task_syscall(t, 0);
	} else {
		resume_running(t, 0);
	}
	return true;
}

bool place_call(revel_engine *e, struct task *t, bool observe)
{
	if (e->place.mode != REVEL_PLACE_TOGETHER || !e->place.spawn)
		return false;
	struct user_regs_struct *r = task_regs(t);
	if (!r)
		return false;
	long nr = reg_nr(r);
	int64_t res;
	switch (nr) {
	case SYS_sched_getaffinity:
		if (!get_affinity(e, t, r, &res))
			return false;
		break;
	case SYS_sched_setaffinity:
		if (!set_affinity(e, t, r, &res))
			return false;
		break;
	case SYS_openat:
	case SYS_open:
		return open_status(e, t, r, nr, observe);
	default:
		return false;
	}
	reg_set_nr(r, REG_NO_CALL); /* answered: the call is skipped */
	reg_set_result(r, res);
	task_regs_dirty(t);
	if (observe) {
		t->state = TS_OBSERVE;
		task_syscall(t, 0);
	} else {
		resume_running(t, 0);
	}
	return true;
}

void place_exit(revel_engine *e, struct task *t)
{
	close(t->place_fd);
	t->place_fd = -1;
	struct user_regs_struct *r = task_regs(t);
	if (!r)
		return; /* gone; its exit report follows */
	/* The guest's register as it was: only the result changes in a call. */
	reg_set_arg(r, t->place_argi, t->place_arg);
	task_regs_dirty(t);
	if (reg_result(r) < 0) {
		/* The copy could not be opened (no access to revel's fds?): the
		 * guest's own call runs again, unanswered, from its syscall
		 * instruction; its seccomp stop is passed (place_rerun). */
		reg_rewind_to_call(r, reg_nr(r));
		t->place_rerun = true;
		resume_running(t, 0);
		return;
	}
	if (t->place_observe && e->observer)
		e->observer->exit(e->observer->ctx, e, t->tid, reg_result(r));
	resume_running(t, 0);
}
