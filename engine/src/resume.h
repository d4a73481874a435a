/* resume.h: the ways the tracer sets a stopped task going again, each one a
 * move of the state machine: run on, skip with a restart code, inject a call
 * (at its syscall stop, rewound, or through the vDSO gadget), or hand the
 * call to the caller. */
#ifndef REVEL_RESUME_H
#define REVEL_RESUME_H

#include "regs_x86_64.h"
#include "engine_state.h"

/* Let the task run (RUNNING), delivering sig; held signals go out after. */
void resume_running(struct task *t, int sig);
/* Put a call into the registers; mark them dirty only if that changes them. */
void call_to_regs(struct task *t, long nr, const int64_t a[6]);
/* Skip the call at a seccomp stop with a restart code as its result: it is
 * set at the exit stop (RESTART_FIX). */
void restart_fix(struct task *t, int64_t code);
/* At a syscall's exit stop: make the result the restart code as the kernel
 * would treat it for the original call (t->saved). */
void set_restart(struct task *t, int64_t code);
/* ERESTARTSYS .. ERESTART_RESTARTBLOCK: never seen by a guest, they ask the
 * kernel to restart the call or fail it with EINTR. */
static inline bool is_restart_code(int64_t v)
{
	return v <= -512 && v >= -516;
}
/* Run a->nr/args now; rewound: from the syscall instruction (INJ_ENTRY),
 * else at this syscall stop (INJ_RUN). */
void start_injection(struct task *t, const revel_action *a, bool rewound);
/* A syscall instruction in the vDSO, 0 when none is found. */
uint64_t find_gadget(revel_engine *e, struct task *t);
/* Inject through the gadget, from the registers in t->saved (CHAIN_FREE). */
void start_free_injection(revel_engine *e, struct task *t, const revel_action *a);
/* Hand a stopped syscall (registers loaded) to the caller (SECCOMP). */
void report_syscall(revel_engine *e, struct task *t);

#endif
