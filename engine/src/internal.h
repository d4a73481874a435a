/* internal.h: what the engine's files share and nothing outside sees. */
#ifndef REVEL_INTERNAL_H
#define REVEL_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>
#include <revel/engine.h>

/* Where a task is in its life, as the tracer last left it. */
enum task_state {
	TS_NEW,         /* known from the parent's clone event, initial stop not seen */
	TS_HELD,        /* stopped at its initial stop, waiting for the caller */
	TS_RUNNING,     /* resumed, nothing expected */
	TS_SECCOMP,     /* stopped at a seccomp stop, waiting for the caller */
	TS_INJ_ENTRY,   /* rewound to run an injected call; expects its entry stop */
	TS_INJ_RUN,     /* injected call running; expects its exit stop */
	TS_INJ_EXIT,    /* stopped after an injected call, waiting for the caller */
	TS_EVENT,       /* stopped at an exec or signal stop, waiting for the caller */
	TS_INJ_PREP,    /* after an exec stop: stepping to execve's exit before injecting */
	TS_RESTART_FIX, /* a skipped call's result is a restart code: set it at exit */
	TS_DELAYED,     /* held stopped by a delay_enter or delay_exit rule */
	TS_FAULT_EXIT,  /* a rule's call runs; its exit stop is expected */
	TS_OBSERVE,     /* an observed call runs; its exit stop is expected */
};

struct revel_inject_rule;

struct proc {
	pid_t pid;
	int nthreads;
	/* Address of a syscall instruction (in the vDSO), for injecting at a
	 * stop that is not a syscall; 0 until looked up, reset by exec. */
	uint64_t gadget;
	struct proc *next_free;
};

struct task {
	pid_t tid;
	struct proc *proc;
	pid_t parent_tid;
	int new_flags;
	enum task_state state;
	enum task_state after_event; /* where an exec stop mid-injection returns to */
	bool early_stop;   /* initial stop seen before the parent's clone event */
	bool regs_valid;   /* regs hold this stop's registers */
	bool regs_dirty;   /* regs must be written before resuming */
	/* An injection chain rewinds the guest to re-run its syscall instruction;
	 * the seccomp stop that re-run makes is ours, known by where it stops. */
	bool replay_pending;
	bool saved_stale;  /* an injected execve replaced the registers of the call */
	/* A chain begun at a stop that is not a syscall (thread start, exec): it
	 * runs through the gadget, and the registers come back whole at its end. */
	bool free_inj;
	bool is_signal;       /* the TS_EVENT stop is a signal-delivery stop */
	/* -e inject=: invocations per syscall, the rule that fired for the call
	 * at hand, and a delay's end (CLOCK_MONOTONIC ns) and what comes after. */
	uint32_t *inj_counts;
	const struct revel_inject_rule *fired;
	int64_t hold_until;
	int hold_after; /* 0: apply the rest of the rule; 1: resume after exit;
			 * 2: hand the call to the caller */
	revel_action pending; /* the injection waiting for execve's exit stop */
	uint64_t replay_rip, replay_rsp;
	uint64_t held_sigs; /* signals that arrived mid-chain, delivered after it */
	struct user_regs_struct regs;
	struct user_regs_struct saved; /* registers of the original syscall */
};

/* Task table: open addressing by tid. */
struct task_table {
	struct task **slots;
	size_t cap, count, used; /* used counts tombstones too */
};

struct task *tasks_find(struct task_table *t, pid_t tid);
struct task *tasks_add(struct task_table *t, pid_t tid);
void tasks_remove(struct task_table *t, pid_t tid);
void tasks_free(struct task_table *t);
/* Move a task to another tid (a non-leader execve takes the leader's tid). */
int tasks_rekey(struct task_table *t, pid_t from, pid_t to);
/* Iterate: pass *i = 0 first; NULL at the end. */
struct task *tasks_next(struct task_table *t, size_t *i);

/* seccomp filter of the subscribed syscalls, loaded in the child. */
int filter_load(const unsigned char subscribed[REVEL_NR_MAX], bool set_nnp);

/* SECCOMP_RET_DATA of our TRACE actions, to tell our stops from a guest filter's. */
#define REVEL_SECCOMP_DATA 0x7e1

#endif
