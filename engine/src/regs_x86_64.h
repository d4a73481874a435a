/* regs_x86_64.h: the x86-64 registers by what they mean to a syscall stop.
 * The only file that spells register names; everything else asks for "the
 * syscall number", "argument 2", "the result". Static inline: these sit on
 * the tracer's hot path. */
#ifndef REVEL_REGS_X86_64_H
#define REVEL_REGS_X86_64_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/user.h>

typedef struct user_regs_struct regs_t;

#define SYSCALL_INSN_LEN 2 /* `syscall` is 0f 05 */
#define REG_NO_CALL (-1L)  /* as the syscall number: no call, no restart */

/* Offset of the result register, to read it alone (PTRACE_PEEKUSER). */
#define REG_RESULT_OFFSET offsetof(regs_t, rax)

static inline long reg_nr(const regs_t *r)
{
	return (long)r->orig_rax;
}

static inline void reg_set_nr(regs_t *r, long nr)
{
	r->orig_rax = (unsigned long long)nr;
}

static inline int64_t reg_result(const regs_t *r)
{
	return (int64_t)r->rax;
}

static inline void reg_set_result(regs_t *r, int64_t v)
{
	r->rax = (unsigned long long)v;
}

static inline uint64_t reg_ip(const regs_t *r)
{
	return r->rip;
}

static inline void reg_set_ip(regs_t *r, uint64_t ip)
{
	r->rip = ip;
}

static inline uint64_t reg_sp(const regs_t *r)
{
	return r->rsp;
}

static inline void reg_set_sp(regs_t *r, uint64_t sp)
{
	r->rsp = sp;
}

/* Argument i (0-based) of the call in the registers. */
static inline uint64_t reg_arg(const regs_t *r, int i)
{
	switch (i) {
	case 0:
		return r->rdi;
	case 1:
		return r->rsi;
	case 2:
		return r->rdx;
	case 3:
		return r->r10;
	case 4:
		return r->r8;
	default:
		return r->r9;
	}
}

static inline void reg_set_arg(regs_t *r, int i, uint64_t v)
{
	switch (i) {
	case 0:
		r->rdi = v;
		break;
	case 1:
		r->rsi = v;
		break;
	case 2:
		r->rdx = v;
		break;
	case 3:
		r->r10 = v;
		break;
	case 4:
		r->r8 = v;
		break;
	default:
		r->r9 = v;
		break;
	}
}

static inline void reg_args(const regs_t *r, int64_t a[6])
{
	a[0] = (int64_t)r->rdi;
	a[1] = (int64_t)r->rsi;
	a[2] = (int64_t)r->rdx;
	a[3] = (int64_t)r->r10;
	a[4] = (int64_t)r->r8;
	a[5] = (int64_t)r->r9;
}

static inline void reg_set_args(regs_t *r, const int64_t a[6])
{
	r->rdi = (unsigned long long)a[0];
	r->rsi = (unsigned long long)a[1];
	r->rdx = (unsigned long long)a[2];
	r->r10 = (unsigned long long)a[3];
	r->r8 = (unsigned long long)a[4];
	r->r9 = (unsigned long long)a[5];
}

/* Do the registers hold this call (number and arguments)? */
static inline bool reg_holds_call(const regs_t *r, long nr, const int64_t a[6])
{
	return r->orig_rax == (unsigned long long)nr && r->rdi == (unsigned long long)a[0] &&
	       r->rsi == (unsigned long long)a[1] && r->rdx == (unsigned long long)a[2] &&
	       r->r10 == (unsigned long long)a[3] && r->r8 == (unsigned long long)a[4] &&
	       r->r9 == (unsigned long long)a[5];
}

/* At a syscall-exit stop: set the task to run call nr again from its syscall
 * instruction (ip rewound), with the kernel's restart logic kept out of it:
 * the instruction takes its number from the result register. */
static inline void reg_rewind_to_call(regs_t *r, long nr)
{
	r->rip -= SYSCALL_INSN_LEN;
	r->rax = (unsigned long long)nr;
	r->orig_rax = (unsigned long long)REG_NO_CALL;
}

/* At a syscall-exit stop, what the kernel does to restart call s: its
 * syscall instruction again, its number in the result register, and no
 * call in the number (so no restart logic of the kernel's on the way). */
static inline void reg_restart(regs_t *r, const regs_t *s)
{
	r->orig_rax = (unsigned long long)REG_NO_CALL;
	r->rax = s->orig_rax;
	r->rip = s->rip - SYSCALL_INSN_LEN;
}

/* The registers a syscall leaves alone, back from before an injection. Not
 * fs/gs base: an injected arch_prctl may have changed them, and that stays. */
static inline void reg_restore_general(regs_t *r, const regs_t *s)
{
	r->r15 = s->r15;
	r->r14 = s->r14;
	r->r13 = s->r13;
	r->r12 = s->r12;
	r->rbp = s->rbp;
	r->rbx = s->rbx;
	r->r10 = s->r10;
	r->r9 = s->r9;
	r->r8 = s->r8;
	r->rdx = s->rdx;
	r->rsi = s->rsi;
	r->rdi = s->rdi;
	r->rip = s->rip;
	r->rsp = s->rsp;
	r->eflags = s->eflags;
}

#endif
