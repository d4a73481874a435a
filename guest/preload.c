/* librevel_guest.so: what --backend=guest preloads into each guest program.
 * It needs nothing but libc and has no RELRO segment, so the loader's work
 * for it is the calls from the openat of its file to the close, which
 * revel's prelude (scripts/revel/_guest_prelude.lua) runs unreported: the
 * tool sees the program's loader exactly as under --backend=ptrace. Its
 * constructor's first call is the marker at which revel lets go of the
 * prelude; then it dlopens librevel_guest_core.so beside it (LuaJIT, the
 * tool, the SIGSYS handler): LuaJIT's libraries and constructors load after
 * the marker, as revel's calls, not the guest's. It also holds the core's
 * thread-local variables (guest/guest_tls.h).
 *
 * libc's malloc is the guest's: its first use makes calls (getrandom for the
 * tcache key, brk for the heap) and later ones depend on the heap's state.
 * So what the library's start allocates (dlopen's link maps, LuaJIT's
 * constructors, the core's) comes from an arena of its own here, and libc's
 * malloc is left as the program would find it natively. malloc, calloc,
 * realloc and free are defined here for that (the loader takes them for its
 * own allocations too) and go on to the next definition (libc's, or an
 * allocator the program links) at all other times. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef ARCH_GET_CPUID
#define ARCH_GET_CPUID 0x1011
#define ARCH_SET_CPUID 0x1012
#endif

#include "guest_exec.h"
#include "guest_tls.h"

__thread volatile char revel_sel REVEL_TLS;
__thread volatile int revel_in_tool REVEL_TLS;
__thread int revel_tls_tid REVEL_TLS;
__thread char *revel_tls_rpc_buf REVEL_TLS;
__thread struct lua_State *revel_tls_cur_co REVEL_TLS;
__thread struct lua_State *revel_tls_my_co REVEL_TLS;
__thread uint64_t revel_tls_held REVEL_TLS;
__thread int revel_tls_nheld_info REVEL_TLS;
__thread siginfo_t revel_tls_held_info[HELD_INFO] REVEL_TLS;
__thread int revel_tls_t_id REVEL_TLS;
__thread int revel_tls_t_tid REVEL_TLS;
__thread int revel_tls_t_armed REVEL_TLS;
__thread const siginfo_t *revel_tls_siginfo REVEL_TLS;
__thread int revel_tls_strace_depth REVEL_TLS;

/* ---- the start's own allocations ---- */

#define ARENA (512 * 1024)
static _Alignas(16) char arena[ARENA]; /* .bss: mapped with the file, no call of its own */
static size_t arena_used;
static volatile int starting; /* the library's start is running */
static void *(*next_malloc)(size_t);
static void *(*next_calloc)(size_t, size_t);
static void *(*next_realloc)(void *, size_t);
static void (*next_free)(void *);
static volatile int resolving;

static int ours(const void *p)
{
	return (const char *)p >= arena && (const char *)p < arena + ARENA;
}

/* n bytes from the arena (a 16-byte header keeps the size), or NULL */
static void *take(size_t n)
{
	size_t need = ((n + 15) & ~(size_t)15) + 16;
	size_t at = __atomic_fetch_add(&arena_used, need, __ATOMIC_RELAXED);
	if (n > ARENA || at + need > ARENA)
		return NULL;
	*(size_t *)(arena + at) = n;
	return arena + at + 16; /* zeroed: never given out twice */
}

static void resolve(void)
{
	if (next_free || resolving)
		return;
	resolving = 1; /* dlsym may allocate: from the arena meanwhile */
	next_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
	next_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
	next_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
	next_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
	resolving = 0;
}

void *malloc(size_t n)
{
	resolve();
	if (starting || !next_malloc) {
		void *p = take(n);
		if (p || !next_malloc)
			return p;
	}
	return next_malloc(n);
}

void *calloc(size_t n, size_t size)
{
	resolve();
	if (starting || !next_calloc) {
		if (size && n > (size_t)-1 / size)
			return NULL;
		void *p = take(n * size);
		if (p || !next_calloc)
			return p;
	}
	return next_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
	resolve();
	if (p && ours(p)) {
		size_t had = *(size_t *)((char *)p - 16);
		void *q = malloc(n);
		if (q)
			memcpy(q, p, had < n ? had : n);
		return q;
	}
	if (!p)
		return malloc(n);
	return next_realloc(p, n);
}

void free(void *p)
{
	if (!p || ours(p))
		return; /* the arena is never given back */
	resolve();
	if (next_free)
		next_free(p);
}

static void die(const char *a, const char *b)
{
	starting = 0;
	const char *parts[] = {"revel: in-guest library: ", a, b ? b : "", "\n"};
	for (int i = 0; i < 4; i++)
		syscall(SYS_write, 2, parts[i], strlen(parts[i]));
	syscall(SYS_exit_group, 125);
}

/* ---- start ---- */

__attribute__((constructor)) static void revel_preload_init(void)
{
	if (!getenv("REVEL_GUEST_SOCK") || !getenv("REVEL_GUEST_TOOL"))
		return;
	resolve();
	syscall(SYS_close, REVEL_PRELUDE_MARK); /* revel's prelude ends here */
	starting = 1;
	/* CPUID faulting is off at every exec: on here, the prelude turned it on
	 * for a tool.cpuid (revel's post_exec). LuaJIT's start runs cpuid: off
	 * until the core arms it with its own SIGSEGV handler. */
	if (syscall(SYS_arch_prctl, ARCH_GET_CPUID, 0) == 0)
		syscall(SYS_arch_prctl, ARCH_SET_CPUID, 1);
	Dl_info self;
	char path[4096];
	if (!dladdr((void *)revel_preload_init, &self) || !self.dli_fname ||
	    strlen(self.dli_fname) + 32 > sizeof path)
		die("cannot find its own file", NULL);
	strcpy(path, self.dli_fname);
	char *slash = strrchr(path, '/');
	strcpy(slash ? slash + 1 : path, "librevel_guest_core.so");
	void *core = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!core)
		die("cannot load: ", dlerror());
	void (*go)(void) = (void (*)(void))dlsym(core, "revel_guest_go");
	if (!go)
		die("cannot load: ", dlerror());
	go(); /* dispatch on: the program's calls from here on are the tool's */
	starting = 0;
}
