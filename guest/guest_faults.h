/* guest_faults.h: -e inject=, --inject, --fault and the --rule rules a C
 * check decides, run inside the guest (--backend=guest) by the engine's own
 * decision code (engine/src/faults.c), with each thread's counts here. */
#ifndef GUEST_FAULTS_H
#define GUEST_FAULTS_H

#include <stdint.h>
#include <ucontext.h>

/* What the rules decided for one call, as handle() applies it. */
struct guest_fault {
	int fired;     /* a rule fired: the fields below say what it does */
	int fault;     /* the call is skipped and returns value */
	int64_t value; /* -errno or the result */
	int64_t delay_exit_us;
	int to_tool; /* the tool's handler sees the call first (with g:fault()) */
};

/* Reads REVEL_GUEST_RULES ("i SPEC" or "r SPEC" lines), parses them with the
 * engine's parsers and marks their syscalls in ruled. 0, or -1 (a message
 * said why). */
int guest_faults_init(unsigned char *ruled, int nr_max);

/* Counts call nr(a) for this thread and decides it: sends the rule's signal,
 * sleeps its delay_enter, cuts a size argument in a. handled: the tool has
 * a handler for nr. */
void guest_faults_enter(long nr, long *a, int handled, struct guest_fault *f);

/* Sleeps us microseconds (a rule's delay), restarted across signals. */
void guest_faults_sleep(int64_t us);

/* Before an exec (1): the thread's counts go to the new program, on a
 * descriptor it reads at its start (as under ptrace, where the thread keeps
 * them); after an exec that failed (0): the descriptor is closed. */
void guest_faults_exec(int before);

/* A forked child's threads count from nothing, as new tasks do under ptrace. */
void guest_faults_forked(void);

/* A handler's answer *rax that is one of the kernel's restart codes
 * (docs/api.md, "Restart codes"): 1 when the kernel would restart the call
 * now (no signal of the guest pending, or ERESTARTNOINTR); else 0, with
 * *rax made -EINTR when a signal is pending (whatever its SA_RESTART). */
int guest_restart(ucontext_t *uc, greg_t *rax);

#endif
