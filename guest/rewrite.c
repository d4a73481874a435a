/* Call-site rewriting for the in-guest library: the fast path of calls the
 * tool does not handle.
 *
 * Under Syscall User Dispatch every syscall instruction outside the allowed
 * range traps, handled or not, and a trap (signal delivery, sigreturn) costs
 * microseconds. After a call the tool does not handle traps at a site of the
 * common form
 *     b8 NR NR NR NR    mov $NR, %eax
 *     0f 05             syscall
 * the mov is replaced by a jmp to a stub near the site:
 *     near: mov $NR, %eax; jmp *far
 *     far:  syscall; jmp *(site + 7)
 * "far" lies in the region handed to prctl as the allowed range (the gate
 * code is copied there too), so the call runs natively and comes back after
 * the original syscall instruction: no trap, nothing but rax (set as the mov
 * did) and what syscall itself clobbers is touched, the stack is not used.
 * The syscall instruction stays where it was: a jump straight to it still
 * traps and is handled. Calls the handler must see (signal masks, clone,
 * exec...) are never rewritten (the caller decides).
 *
 * The 5 bytes are stored with one aligned 8-byte atomic store when they lie
 * in one aligned word; a site across two words is rewritten only while the
 * process has never had a second thread. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "guest_lock.h"
#include "rewrite.h"

extern char revel_gate_start[], revel_gate_end[], revel_gate_sigreturn[], revel_gate_restorer[],
    revel_gate_syscall[], revel_fast_entry[], revel_call_entry[];

struct gate gate;

#define REGION (256 * 1024) /* the allowed range: gate code, then far stubs */
#define FAR_STUB 128        /* the largest: put_dynamic's */
#define NEAR_STUB 32
#define NEAR_REGION (64 * 1024)
#define NEAR_MAX 16

static char *far_next;
static struct near {
	char *base, *next;
} nears[NEAR_MAX];
static int nnear;
static guest_lock_t rw_lock = GUEST_LOCK_INIT;
/* the far stubs of plain calls, as offsets in the region (rewrite_trap_all) */
static uint32_t plain_at[REGION / 16];
static int nplain;
static int trap_all; /* rewrite_trap_all(): no more sites */

static long sys6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	long r = syscall(nr, a1, a2, a3, a4, a5, a6);
	return r == -1 ? -errno : r;
}

static void *map(void *hint, size_t len, int fixed)
{
	long r = sys6(SYS_mmap, (long)hint, (long)len, PROT_READ | PROT_WRITE | PROT_EXEC,
	              MAP_PRIVATE | MAP_ANONYMOUS | (fixed ? MAP_FIXED_NOREPLACE : 0), -1, 0);
	if (r < 0 && r > -4096)
		return NULL;
	if (fixed && (void *)r != hint) {
		sys6(SYS_munmap, r, (long)len, 0, 0, 0, 0);
		return NULL;
	}
	return (void *)r;
}

int rewrite_init(void)
{
	char *r = map(NULL, REGION, 0);
	if (!r)
		return -1;
	size_t n = (size_t)(revel_gate_end - revel_gate_start);
	memcpy(r, revel_gate_start, n);
	gate.base = r;
	gate.len = REGION;
	gate.restorer = (void (*)(void))(r + (revel_gate_restorer - revel_gate_start));
	gate.sigreturn = r + (revel_gate_sigreturn - revel_gate_start);
	gate.syscall = (long (*)(long, long, long, long, long, long, long))(
	    r + (revel_gate_syscall - revel_gate_start));
	far_next = r + ((n + 63) & ~(size_t)63);
	return 0;
}

static int near_enough(const char *a, const char *b)
{
	long d = (long)(a - b);
	return d > -0x7ff00000L && d < 0x7ff00000L;
}

/* A stub slot within ±2 GiB of site, or NULL. */
static char *near_slot(const char *site)
{
	for (int i = 0; i < nnear; i++)
		if (near_enough(nears[i].base, site) &&
		    nears[i].next + NEAR_STUB <= nears[i].base + NEAR_REGION) {
			char *s = nears[i].next;
			nears[i].next += NEAR_STUB;
			return s;
		}
	if (nnear == NEAR_MAX)
		return NULL;
	uintptr_t page = (uintptr_t)site & ~(uintptr_t)0xfff;
	for (long step = 1; step < 1024; step++) { /* 16 MiB steps, below then above */
		for (int side = -1; side <= 1; side += 2) {
			uintptr_t at = page + (uintptr_t)(side * step * (16L << 20));
			if (at < 0x10000 || !near_enough((char *)at, site))
				continue;
			char *m = map((void *)at, NEAR_REGION, 1);
			if (m) {
				nears[nnear].base = m;
				nears[nnear].next = m + NEAR_STUB;
				nnear++;
				return m;
			}
		}
	}
	return NULL;
}

static void put64(char *p, uint64_t v)
{
	memcpy(p, &v, 8);
}

/* The far stub of a call the tool handles: past the red zone, call
 * revel_fast_entry, come back, jump after the site's syscall. Its layout is
 * fixed: revel_fast_entry reads `after` at its return address + 22. */
static size_t put_handled(char *far, uintptr_t after, const char *entry)
{
	/* lea -128(%rsp),%rsp; call *14(%rip); lea 128(%rsp),%rsp; jmp *8(%rip);
	 * .quad entry; .quad after */
	static const unsigned char code[25] = {0x48, 0x8d, 0x64, 0x24, 0x80, 0xff, 0x15, 0x0e, 0x00,
	                                       0x00, 0x00, 0x48, 0x8d, 0xa4, 0x24, 0x80, 0x00, 0x00,
	                                       0x00, 0xff, 0x25, 0x08, 0x00, 0x00, 0x00};
	memcpy(far, code, sizeof code);
	put64(far + 25, (uint64_t)entry);
	put64(far + 33, (uint64_t)after);
	return 41;
}

/* The far stub of a call the tool does not handle: syscall; jmp *after. */
static size_t put_plain(char *far, uintptr_t after)
{
	static const unsigned char code[8] = {0x0f, 0x05, 0xff, 0x25, 0x00, 0x00, 0x00, 0x00};
	memcpy(far, code, sizeof code);
	put64(far + 8, (uint64_t)after);
	return 16;
}

/* jmp *0(%rip); .quad to */
static size_t put_jmp(char *p, uintptr_t to)
{
	static const unsigned char code[6] = {0xff, 0x25, 0x00, 0x00, 0x00, 0x00};
	memcpy(p, code, sizeof code);
	put64(p + 6, (uint64_t)to);
	return 14;
}

/* Bit maps of the numbers, for sites whose number is known only when they
 * run (libc's syscall()): the calls that run at once, and the handled ones. */
static uint64_t *fast_map, *handled_map;

void rewrite_maps(const unsigned char *handled, int (*fast_ok)(long), int nr_max)
{
	fast_map = (uint64_t *)(gate.base + gate.len - 128);
	handled_map = fast_map + 8;
	for (int nr = 0; nr < nr_max && nr < 512; nr++) {
		if (!fast_ok(nr))
			continue;
		if (handled[nr])
			handled_map[nr / 64] |= 1ull << (nr % 64);
		else
			fast_map[nr / 64] |= 1ull << (nr % 64);
	}
}

/* The far stub of a site whose number is in rax: a number out of the maps
 * (or one guest_perform() must see) goes back to the site's syscall instruction,
 * which traps. */
static size_t put_dynamic(char *far, uintptr_t after)
{
	/* libc's syscall() itself: a function, whose callers keep no vector
	 * register across it (revel_call_entry saves less) */
	uintptr_t fn = (uintptr_t)syscall;
	const char *entry = after > fn && after - fn < 64 ? revel_call_entry : revel_fast_entry;
	char *p = far;
	/* cmp $512,%rax; jae trap */
	static const unsigned char cmp[6] = {0x48, 0x3d, 0x00, 0x02, 0x00, 0x00};
	memcpy(p, cmp, 6);
	p += 6;
	char *jae = p;
	p += 2;
	/* bt %rax, fast_map(%rip); jc fast */
	p[0] = 0x48, p[1] = 0x0f, p[2] = (char)0xa3, p[3] = 0x05;
	int32_t d = (int32_t)((char *)fast_map - (p + 8));
	memcpy(p + 4, &d, 4);
	p += 8;
	char *jc_fast = p;
	p += 2;
	p[0] = 0x48, p[1] = 0x0f, p[2] = (char)0xa3, p[3] = 0x05;
	d = (int32_t)((char *)handled_map - (p + 8));
	memcpy(p + 4, &d, 4);
	p += 8;
	char *jc_handled = p;
	p += 2;
	char *trap = p;
	p += put_jmp(p, after - 2);
	char *fast = p;
	p += put_plain(p, after);
	char *hand = p;
	p += put_handled(p, after, entry);
	jae[0] = 0x73, jae[1] = (char)(trap - (jae + 2));
	jc_fast[0] = 0x72, jc_fast[1] = (char)(fast - (jc_fast + 2));
	jc_handled[0] = 0x72, jc_handled[1] = (char)(hand - (jc_handled + 2));
	return (size_t)(p - far);
}

void rewrite_site(uintptr_t after, long nr, int handled, int threaded)
{
	static const unsigned char dyn[7] = {0x4c, 0x8b, 0x4c, 0x24, 0x08, 0x0f, 0x05};
	unsigned char *sc = (unsigned char *)after - 2, *mov = sc - 5;
	uint32_t imm;
	memcpy(&imm, mov + 1, 4);
	int dynamic =
	    !memcmp(mov, dyn, 7) && fast_map; /* mov 0x8(%rsp),%r9; syscall: libc's syscall() */
	if (!dynamic) {
		/* mov $NR,%eax; syscall, with no prefix before the mov (41 b8
		 * would be mov to r8d) */
		if (sc[0] != 0x0f || sc[1] != 0x05 || mov[0] != 0xb8 || imm != (uint32_t)nr)
			return;
		unsigned char p = mov[-1];
		if ((p >= 0x40 && p <= 0x4f) || p == 0x66 || p == 0x67 || p == 0xf0 || p == 0xf2 ||
		    p == 0xf3)
			return;
	}
	uintptr_t word = (uintptr_t)mov & ~(uintptr_t)7;
	int one_word = (uintptr_t)mov + 5 <= word + 8;
	if (!one_word && threaded)
		return;
	guest_lock(&rw_lock);
	if (mov[0] == 0xe9 || trap_all) /* another thread did it; no more */
		goto out;
	if (far_next + FAR_STUB > gate.base + gate.len - 128)
		goto out;
	char *near = near_slot((char *)mov);
	if (!near)
		goto out;
	char *far = far_next;
	size_t n = dynamic   ? put_dynamic(far, after)
	           : handled ? put_handled(far, after, revel_fast_entry)
	                     : put_plain(far, after);
	if (!dynamic && !handled)
		plain_at[nplain++] = (uint32_t)(far - gate.base);
	far_next += (n + 15) & ~(size_t)15;
	/* near: the replaced instruction again; jmp *far */
	memcpy(near, mov, 5);
	put_jmp(near + 5, (uintptr_t)far);
	/* the site: jmp rel32 near */
	unsigned char jmp[5];
	int32_t rel = (int32_t)((long)near - (long)(mov + 5));
	jmp[0] = 0xe9;
	memcpy(jmp + 1, &rel, 4);
	uintptr_t page = (uintptr_t)mov & ~(uintptr_t)0xfff;
	size_t len = ((uintptr_t)mov + 5 > page + 4096) ? 8192 : 4096;
	if (sys6(SYS_mprotect, (long)page, (long)len, PROT_READ | PROT_WRITE | PROT_EXEC, 0, 0, 0) <
	    0)
		goto out;
	if (one_word) {
		uint64_t w;
		memcpy(&w, (void *)word, 8);
		memcpy((char *)&w + ((uintptr_t)mov - word), jmp, 5);
		__atomic_store_n((uint64_t *)word, w, __ATOMIC_SEQ_CST);
	} else {
		memcpy(mov, jmp, 5);
	}
	sys6(SYS_mprotect, (long)page, (long)len, PROT_READ | PROT_EXEC, 0, 0, 0);
out:
	guest_unlock(&rw_lock);
}

/* 16 bytes at p (16-aligned) from o to n at once, as instructions that
 * another thread may be running */
static void cas16(void *p, const uint64_t *o, const uint64_t *n)
{
	uint64_t lo = o[0], hi = o[1];
	__asm__ volatile("lock cmpxchg16b %0"
	                 : "+m"(*(volatile char(*)[16])p), "+a"(lo), "+d"(hi)
	                 : "b"(n[0]), "c"(n[1])
	                 : "memory", "cc");
}

void rewrite_trap_all(void)
{
	guest_lock(&rw_lock);
	if (fast_map)
		for (int i = 0; i < 16; i++) /* fast_map, then handled_map */
			__atomic_store_n(&fast_map[i], 0, __ATOMIC_SEQ_CST);
	for (int i = 0; i < nplain; i++) {
		char *far = gate.base + plain_at[i];
		uint64_t o[2], n[2];
		memcpy(o, far, 16);
		/* syscall; jmp *after  ->  jmp .+2; jmp *(after - 2): the site's
		 * syscall instruction, which traps */
		n[0] = o[0], n[1] = o[1] - 2;
		((unsigned char *)n)[0] = 0xeb, ((unsigned char *)n)[1] = 0x00;
		cas16(far, o, n);
	}
	nplain = 0;
	trap_all = 1;
	guest_unlock(&rw_lock);
}

int rewrite_restart(greg_t *gr, int (*restartable)(long))
{
	static const unsigned char plain[8] = {0x0f, 0x05, 0xff, 0x25, 0x00, 0x00, 0x00, 0x00};
	char *far = (char *)gr[REG_RIP] - 2;
	if (gr[REG_RAX] != -EINTR || far < gate.base || far + 16 > gate.base + gate.len ||
	    ((uintptr_t)far & 15) || memcmp(far, plain, 8))
		return 0;
	uint64_t after;
	memcpy(&after, far + 8, 8);
	const unsigned char *mov = (const unsigned char *)after - 7;
	int32_t rel;
	memcpy(&rel, mov + 1, 4);
	const unsigned char *near = mov + 5 + rel;
	uint32_t nr;
	if (mov[0] != 0xe9 || near[0] != 0xb8)
		return 0;
	memcpy(&nr, near + 1, 4);
	if (!restartable(nr))
		return 0;
	gr[REG_RIP] = (greg_t)near; /* mov $NR,%eax; jmp *far: the call again */
	return 1;
}

void rewrite_after_fork(void)
{
	guest_lock_reset(&rw_lock);
}
