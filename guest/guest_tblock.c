/* Threads on a TLS the in-guest library did not set up: a raw clone of
 * CLONE_VM|CLONE_THREAD without CLONE_SETTLS (the child runs on its
 * creator's TLS) or with a TLS of the guest's own making (not a glibc
 * thread control block). The library's thread-local state (the selector
 * byte of Syscall User Dispatch, the tid, the handler stack, the tool's
 * coroutine, the rpc buffer, held signals, fault counts) lives at the
 * thread pointer, so such a thread would share its creator's (and clear
 * its selector: calls that bypass the tool) or write into the guest's
 * memory.
 *
 * Such a thread gets a block of its own at its clone: the creator's TLS
 * copied (libc's variables: errno, locale, the stack guard; the control
 * block's self pointers set to the copy) with the library's own TLS
 * segments as a new thread's. Its start (revel_guest_child_start) runs on
 * the block and arms dispatch with the block's selector; from then on each
 * entry into the library (SIGSYS, the wrapper of a guest's signal handler)
 * looks the thread's kernel tid up here and moves the thread pointer onto
 * the block while the library runs, and back to the guest's before the
 * guest's code runs again (a guest's handler called from the wrapper
 * included). The thread pointer moves by wrfsbase where the kernel allows
 * it (FSGSBASE), else by arch_prctl. Once a process has such a thread, a
 * rewritten site of a handled call goes back to its syscall instruction,
 * which traps (guest/gate.S): the fast entry cannot tell whose thread
 * pointer it has. */
#define _GNU_SOURCE
#include <asm/prctl.h>
#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <linux/sched.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "guest_core.h"
#include "guest_signals.h"
#include "guest_tblock.h"

volatile int guest_foreign;

static int fsgsbase; /* wrfsbase and rdfsbase allowed (AT_HWCAP2 bit 1) */
static size_t below; /* the static TLS below the thread pointer, a bound */
#define ABOVE 4096   /* glibc's thread control block, with room */
#define PAGE 4096

/* the library's two TLS segments (preload.c's and the core's) */
static struct seg {
	size_t off; /* below the thread pointer */
	size_t memsz, filesz;
	const char *image;
} segs[2];
static int nsegs;

/* tid -> block: open addressing, a thread inserts and removes only its own */
#define SLOTS 4096
#define GONE (-1)
static struct slot {
	volatile int tid;
	unsigned long tp;
} slots[SLOTS];

/* this thread's block (0: the library's TLS is its own) and, while the
 * library runs on the block, the guest's thread pointer */
static __thread unsigned long tb_self __attribute__((tls_model("initial-exec")));
static __thread unsigned long tb_guest_fs __attribute__((tls_model("initial-exec")));

static unsigned long get_fs(void)
{
	unsigned long v = 0;
	if (fsgsbase)
		__asm__ volatile("rdfsbase %0" : "=r"(v));
	else
		guest_raw(SYS_arch_prctl, ARCH_GET_FS, (long)&v, 0, 0, 0, 0);
	return v;
}

static void set_fs(unsigned long v)
{
	if (fsgsbase)
		__asm__ volatile("wrfsbase %0" ::"r"(v) : "memory");
	else
		guest_raw(SYS_arch_prctl, ARCH_SET_FS, (long)v, 0, 0, 0, 0);
}

static int seg_of(struct dl_phdr_info *info, size_t size, void *arg)
{
	(void)size;
	(void)arg;
	const char *n = info->dlpi_name, *slash = strrchr(n, '/');
	const char *base = slash ? slash + 1 : n;
	if (strcmp(base, "librevel_guest.so") && strcmp(base, "librevel_guest_core.so"))
		return 0;
	const char *data = info->dlpi_tls_data;
	if (!data && !strcmp(base, "librevel_guest_core.so")) {
		/* this library, at its start: dlopen has not given this thread's
		 * dtv the new module yet. Its block is where guest_tid lies, less
		 * guest_tid's offset in the block. */
		long o;
		__asm__("leaq guest_tid@dtpoff(%1), %0" : "=r"(o) : "r"(0L));
		data = (const char *)&guest_tid - o;
	}
	for (int i = 0; i < info->dlpi_phnum && nsegs < 2; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_TLS || !data)
			continue;
		segs[nsegs].off = get_fs() - (unsigned long)data;
		segs[nsegs].memsz = ph->p_memsz;
		segs[nsegs].filesz = ph->p_filesz;
		segs[nsegs].image = (const char *)(info->dlpi_addr + ph->p_vaddr);
		nsegs++;
	}
	return 0;
}

void guest_tblock_init(void)
{
	fsgsbase = (getauxval(AT_HWCAP2) & 2) != 0;
	void (*info)(size_t *, size_t *) =
	    (void (*)(size_t *, size_t *))dlsym(RTLD_DEFAULT, "_dl_get_tls_static_info");
	size_t size = 0, align = 0;
	if (info)
		info(&size, &align);
	below = (size + PAGE - 1) & ~(size_t)(PAGE - 1);
	nsegs = 0;
	dl_iterate_phdr(seg_of, NULL);
	for (int i = 0; i < nsegs; i++)
		if (segs[i].off > below)
			below = 0; /* not the layout this file knows: no blocks */
}

/* glibc's thread control block: tcb and self point to it */
static int runtime_tls(unsigned long tls)
{
	uint64_t h[3];
	struct iovec li = {h, sizeof h}, ri = {(void *)tls, sizeof h};
	if (!tls ||
	    guest_raw(SYS_process_vm_readv, revel_pid, (long)&li, 1, (long)&ri, 1, 0) != sizeof h)
		return 0;
	return h[0] == tls && h[2] == tls;
}

int guest_tblock_needed(long flags, unsigned long tls)
{
	if (!(flags & CLONE_VM) || (flags & CLONE_VFORK))
		return 0; /* a process of its own, or its creator waits (posix_spawn) */
	return !(flags & CLONE_SETTLS) || !runtime_tls(tls);
}

static void copy_page(char *to, unsigned long from)
{
	struct iovec li = {to, PAGE}, ri = {(void *)from, PAGE};
	guest_raw(SYS_process_vm_readv, revel_pid, (long)&li, 1, (long)&ri, 1, 0);
}

unsigned long guest_tblock_new(void)
{
	if (!below || !nsegs)
		return 0;
	long m = guest_raw(SYS_mmap, 0, (long)(below + ABOVE), PROT_READ | PROT_WRITE,
	                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m < 0 && m > -4096)
		return 0;
	unsigned long tp = (unsigned long)m + below, cur = get_fs();
	/* page by page: the creator's TLS may start inside a page it has not
	 * (what cannot be read stays zero) */
	for (size_t o = 0; o < below + ABOVE; o += PAGE)
		copy_page((char *)m + o, cur - below + o);
	((unsigned long *)tp)[0] = tp; /* tcb */
	((unsigned long *)tp)[2] = tp; /* self */
	for (int i = 0; i < nsegs; i++) {
		char *s = (char *)tp - segs[i].off;
		memcpy(s, segs[i].image, segs[i].filesz);
		memset(s + segs[i].filesz, 0, segs[i].memsz - segs[i].filesz);
	}
	guest_foreign = guest_slow = 1;
	return tp;
}

static struct slot *find(int tid)
{
	unsigned h = (unsigned)tid * 2654435761u % SLOTS;
	for (int i = 0; i < SLOTS; i++) {
		struct slot *s = &slots[(h + i) % SLOTS];
		int t = s->tid;
		if (t == tid)
			return s;
		if (t == 0)
			return NULL;
	}
	return NULL;
}

static void put(int tid, unsigned long tp)
{
	unsigned h = (unsigned)tid * 2654435761u % SLOTS;
	for (int i = 0; i < SLOTS; i++) {
		struct slot *s = &slots[(h + i) % SLOTS];
		int t = s->tid;
		if ((t == 0 || t == GONE) &&
		    __atomic_compare_exchange_n(&s->tid, &t, -2, 0, __ATOMIC_ACQ_REL,
		                                __ATOMIC_ACQUIRE)) {
			s->tp = tp;
			__atomic_store_n(&s->tid, tid, __ATOMIC_RELEASE);
			return;
		}
	}
	guest_fatal("too many threads on a TLS of their own (raw clone)");
}

void guest_tblock_adopt(unsigned long tp, unsigned long *guest_fs)
{
	*guest_fs = get_fs();
	set_fs(tp);
	tb_self = tp;
	tb_guest_fs = *guest_fs;
	put((int)guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0), tp);
}

int guest_tblock_enter(unsigned long *guest_fs)
{
	if (!guest_foreign)
		return 0;
	struct slot *s = find((int)guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0));
	if (!s)
		return 0;
	unsigned long cur = get_fs();
	if (cur == s->tp)
		return 0; /* on it already (a signal inside the library) */
	set_fs(s->tp);
	tb_guest_fs = *guest_fs = cur;
	return 1;
}

void guest_tblock_leave(unsigned long guest_fs)
{
	set_fs(guest_fs);
}

unsigned long guest_tblock_out(void)
{
	if (!guest_foreign || !tb_self)
		return 0;
	unsigned long self = tb_self;
	set_fs(tb_guest_fs);
	return self;
}

void guest_tblock_in(unsigned long saved)
{
	if (saved)
		set_fs(saved);
}

void guest_tblock_exit(void)
{
	if (!guest_foreign || !tb_self)
		return;
	struct slot *s = find((int)guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0));
	if (s)
		__atomic_store_n(&s->tid, GONE, __ATOMIC_RELEASE);
}

void guest_tblock_forked(void)
{
	if (!guest_foreign)
		return;
	memset(slots, 0, sizeof slots);
	guest_foreign = tb_self != 0;
	if (tb_self)
		put((int)guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0), tb_self);
}
