/* guest_alloc.c: the in-guest library's own malloc, for the C it links
 * (engine/decode's printer above all): the core is linked with
 * --wrap=malloc,calloc,realloc,free,strdup, so its calls come here, not to
 * the guest's libc. The printer runs in the guest's syscall path, and a call
 * made from inside libc's malloc (its brk, mmap, getrandom) must not enter
 * malloc again: it would find libc's arena half made and crash, or its lock
 * taken.
 *
 * Size classes of powers of two (16 bytes to 1 MiB), each with a free list,
 * carved from one reservation (MAP_NORESERVE: pages are touched as used);
 * larger blocks are mapped alone. One spinlock: the callers run with the
 * guest's signals held (the SIGSYS handler's mask, or the wrapper holding
 * them), so no signal handler of this thread can come in while it is taken.
 * Memory that is not ours (libc's, freed through this library) goes back to
 * libc. */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "guest_signals.h"

#define RESERVE (256ul << 20)
#define MIN_SHIFT 4
#define MAX_SHIFT 20
#define NCLASS (MAX_SHIFT - MIN_SHIFT + 1)
#define HDR 16 /* the block's class (or its mapping's size), a mark; kept aligned */
#define LARGE 0x7265766c4c415247ul /* the mark of a block mapped alone */

void __real_free(void *p);
void *__real_realloc(void *p, size_t n);

static char *base, *top, *end;
static void *freelist[NCLASS];
static volatile int spin;

static void lock(void)
{
	while (__atomic_exchange_n(&spin, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&spin, __ATOMIC_RELAXED))
			__builtin_ia32_pause();
}

static void unlock(void)
{
	__atomic_store_n(&spin, 0, __ATOMIC_RELEASE);
}

static int ours(const void *p)
{
	return base && (const char *)p >= base && (const char *)p < end;
}

/* a block mapped alone: its mark (libc's chunk has its size word there) */
static int large(const void *p)
{
	return ((const size_t *)((const char *)p - HDR))[1] == LARGE;
}

static int class_of(size_t n)
{
	int c = 0;
	while (((size_t)1 << (c + MIN_SHIFT)) < n + HDR)
		c++;
	return c;
}

static void *map(size_t n)
{
	long m = guest_raw(SYS_mmap, 0, (long)n, PROT_READ | PROT_WRITE,
	                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	return m < 0 && m > -4096 ? NULL : (void *)m;
}

void *__wrap_malloc(size_t n);
void *__wrap_malloc(size_t n)
{
	int c = class_of(n);
	if (c >= NCLASS) { /* large: a mapping of its own, its size in the header */
		size_t len = (n + HDR + 4095) & ~4095ul;
		char *m = map(len);
		if (!m)
			return NULL;
		((size_t *)m)[0] = len;
		((size_t *)m)[1] = LARGE;
		return m + HDR;
	}
	lock();
	char *b = freelist[c];
	if (b) {
		freelist[c] = *(void **)(b + HDR);
	} else {
		if (!base && (base = top = map(RESERVE)) != NULL)
			end = base + RESERVE;
		size_t len = (size_t)1 << (c + MIN_SHIFT);
		if (!base || (size_t)(end - top) < len) {
			unlock();
			return NULL;
		}
		b = top;
		top += len;
	}
	unlock();
	*(size_t *)b = (size_t)c;
	return b + HDR;
}

void __wrap_free(void *p);
void __wrap_free(void *p)
{
	if (!p)
		return;
	char *b = (char *)p - HDR;
	if (!ours(p)) {
		if (large(p)) {
			guest_raw(SYS_munmap, (long)b, (long)((size_t *)b)[0], 0, 0, 0, 0);
			return;
		}
		__real_free(p); /* libc's */
		return;
	}
	int c = (int)*(size_t *)b;
	lock();
	*(void **)(b + HDR) = freelist[c];
	freelist[c] = b;
	unlock();
}

void *__wrap_calloc(size_t k, size_t n);
void *__wrap_calloc(size_t k, size_t n)
{
	if (n && k > SIZE_MAX / n)
		return NULL;
	void *p = __wrap_malloc(k * n);
	if (p)
		memset(p, 0, k * n); /* a recycled block is not zeroed */
	return p;
}

static size_t usable(const void *p)
{
	const char *b = (const char *)p - HDR;
	if (ours(p))
		return ((size_t)1 << (*(const size_t *)b + MIN_SHIFT)) - HDR;
	return *(const size_t *)b - HDR;
}

void *__wrap_realloc(void *p, size_t n);
void *__wrap_realloc(void *p, size_t n)
{
	if (!p)
		return __wrap_malloc(n);
	if (!ours(p) && !large(p))
		return __real_realloc(p, n); /* libc's */
	size_t have = usable(p);
	if (n <= have)
		return p;
	void *q = __wrap_malloc(n);
	if (q) {
		memcpy(q, p, have);
		__wrap_free(p);
	}
	return q;
}

char *__wrap_strdup(const char *s);
char *__wrap_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = __wrap_malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

/* In a forked child: another thread may have held the lock. */
void guest_alloc_forked(void);
void guest_alloc_forked(void)
{
	unlock();
}
