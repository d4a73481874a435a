/* Each thread's own stack for the tool: the handler (LuaJIT, the tool's
 * code, the C side) runs there rather than on the stack of the code that
 * made the call, which may be small (a guest's sigaltstack, a coroutine
 * library's stacks) or watched (a guard page the guest counts on). The
 * fast path of a rewritten site switches in revel_fast_entry (guest/gate.S),
 * the SIGSYS path in guest_on_sigsys() through hstack_run(); a call nested in the
 * tool's (a guest's signal handler that runs inside a blocking call) stays
 * where it is. The kernel's SIGSYS frame itself is still on the caller's
 * stack, and a thread's handler stack is not unmapped when it exits. */
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "guest_signals.h"
#include "hstack.h"

__thread char *revel_hstack __attribute__((tls_model("initial-exec")));

extern void revel_on_stack(void (*fn)(void *), void *arg, char *top);

void hstack_new(void)
{
	long m = guest_raw(SYS_mmap, 0, HSTACK_SIZE + 4096, PROT_READ | PROT_WRITE,
	                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (m < 0 && m > -4096) {
		revel_hstack = NULL; /* the call's own stack, as before */
		return;
	}
	guest_raw(SYS_mprotect, m, 4096, PROT_NONE, 0, 0, 0); /* a guard page below */
	revel_hstack = (char *)m + 4096 + HSTACK_SIZE;
}

void hstack_run(void (*fn)(void *), void *arg)
{
	char *top = revel_hstack;
	uintptr_t here = (uintptr_t)__builtin_frame_address(0);
	if (!top || (here < (uintptr_t)top && here >= (uintptr_t)top - HSTACK_SIZE))
		fn(arg);
	else
		revel_on_stack(fn, arg, top);
}
