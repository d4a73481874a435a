/* The allowed range of Syscall User Dispatch (a copy of guest/gate.S's code,
 * then the far stubs of rewritten call sites) and the rewriting of sites of
 * calls the tool does not handle (guest/rewrite.c). */
#ifndef REVEL_GUEST_REWRITE_H
#define REVEL_GUEST_REWRITE_H
#include <stddef.h>
#include <stdint.h>
#include <ucontext.h>

struct gate {
	char *base; /* the range handed to prctl */
	size_t len;
	void (*restorer)(void);
	char *sigreturn;
	long (*syscall)(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
};
extern struct gate gate;

/* Maps the range and copies the gate code into it; -1 if it cannot. */
int rewrite_init(void);
/* The call nr trapped at the syscall instruction ending at `after`: make
 * that site skip the trap from now on, if it has the common form. handled:
 * the tool handles nr (the site then calls revel_fast_entry; else the call
 * runs at once); threaded: the process has had more than one thread. */
void rewrite_site(uintptr_t after, long nr, int handled, int threaded);
/* The sets of numbers for sites whose number is in rax (libc's syscall()):
 * handled[nr] enters the handler, fast_ok(nr) says the call may skip the trap
 * at all. Once, after the tool is loaded. */
void rewrite_maps(const unsigned char *handled, int (*fast_ok)(long), int nr_max);
/* Every rewritten site's call traps again, as it did before (a dispatch of
 * the guest's own must see each call: guest/guest_sud.c). */
void rewrite_trap_all(void);
/* A plain call at a rewritten site that a signal interrupted with EINTR
 * (gr: its registers, rip after the far stub's syscall): sent back to run
 * again, when restartable(nr); 1 then. */
int rewrite_restart(greg_t *gr, int (*restartable)(long));
/* In a forked child: its lock is free. */
void rewrite_after_fork(void);

#endif
