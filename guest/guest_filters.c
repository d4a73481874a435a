/* The guest's own seccomp filters. Under ptrace revel's tracer stops a call
 * with SECCOMP_RET_TRACE, and the kernel runs every filter of the thread and
 * takes the action of highest precedence: a guest filter that kills, traps,
 * fails (SECCOMP_RET_ERRNO) or hands the call to a supervisor
 * (SECCOMP_RET_USER_NOTIF) keeps the call from the tracer, and the tool never
 * sees it. The library sees every call before the kernel's seccomp. So it
 * keeps a copy of each filter the guest loads (the calls run through
 * guest_perform()) and runs them, classic BPF as the kernel does, on the
 * call's seccomp_data; a call they hide from ptrace is run without the tool
 * or the fault rules (handle()).
 *
 * Filters are per thread, passed to new threads and forked children (a
 * thread's chain is a list shared with its creator's); SECCOMP_FILTER_FLAG_TSYNC
 * puts one on every thread (a process-wide list here). Not known: filters
 * loaded before the library started in the program (by a program before
 * its exec, or by its parent): their calls reach the tool. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "guest_core.h"
#include "guest_filters.h"
#include "guest_signals.h"

struct filter {
	struct filter *next; /* loaded before it */
	unsigned short len;
	struct sock_filter prog[];
};

static __thread struct filter *mine __attribute__((tls_model("initial-exec")));
static struct filter *volatile all; /* TSYNC's: every thread's */

void *guest_filters_mine(void)
{
	return mine;
}

void guest_filters_adopt(void *chain)
{
	mine = chain;
}

void guest_filters_loaded(long nr, const long *a, long r)
{
	const struct sock_fprog *up;
	unsigned long flags = 0;
	if (r < 0)
		return;
	if (nr == SYS_seccomp && a[0] == SECCOMP_SET_MODE_FILTER)
		up = (const struct sock_fprog *)a[2], flags = (unsigned long)a[1];
	else if (nr == SYS_prctl && a[0] == PR_SET_SECCOMP && a[1] == SECCOMP_MODE_FILTER)
		up = (const struct sock_fprog *)a[2];
	else
		return;
	struct sock_fprog p;
	struct iovec li = {&p, sizeof p}, ri = {(void *)up, sizeof p};
	if (guest_raw(SYS_process_vm_readv, revel_pid, (long)&li, 1, (long)&ri, 1, 0) != sizeof p ||
	    !p.len || p.len > BPF_MAXINSNS)
		return;
	size_t size = sizeof(struct filter) + p.len * sizeof(struct sock_filter);
	long m = guest_raw(SYS_mmap, 0, (long)size, PROT_READ | PROT_WRITE,
	                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m < 0 && m > -4096)
		return;
	struct filter *f = (struct filter *)m;
	f->len = p.len;
	size_t n = p.len * sizeof(struct sock_filter);
	struct iovec lp = {f->prog, n}, rp = {p.filter, n};
	if (guest_raw(SYS_process_vm_readv, revel_pid, (long)&lp, 1, (long)&rp, 1, 0) != (long)n) {
		guest_raw(SYS_munmap, m, (long)size, 0, 0, 0, 0);
		return;
	}
	if (flags & SECCOMP_FILTER_FLAG_TSYNC) {
		f->next = all;
		all = f;
	} else {
		f->next = mine;
		mine = f;
	}
}

/* Classic BPF over d, as the kernel's seccomp runs it (the checker has
 * let the program in: jumps go forward, it ends in a return). */
static uint32_t run(const struct filter *f, const struct seccomp_data *d)
{
	uint32_t A = 0, X = 0, M[BPF_MEMWORDS] = {0};
	for (unsigned pc = 0; pc < f->len; pc++) {
		const struct sock_filter *i = &f->prog[pc];
		uint32_t k = i->k, src = BPF_SRC(i->code) == BPF_X ? X : k;
		switch (BPF_CLASS(i->code)) {
		case BPF_LD:
			switch (BPF_MODE(i->code)) {
			case BPF_ABS: /* 32-bit loads of seccomp_data only */
				A = 0;
				if (k + 4 <= sizeof *d && !(k & 3))
					memcpy(&A, (const char *)d + k, 4);
				break;
			case BPF_LEN:
				A = sizeof *d;
				break;
			case BPF_MEM:
				A = M[k % BPF_MEMWORDS];
				break;
			default: /* BPF_IMM */
				A = k;
			}
			break;
		case BPF_LDX:
			X = BPF_MODE(i->code) == BPF_MEM   ? M[k % BPF_MEMWORDS]
			    : BPF_MODE(i->code) == BPF_LEN ? sizeof *d
			                                   : k;
			break;
		case BPF_ST:
			M[k % BPF_MEMWORDS] = A;
			break;
		case BPF_STX:
			M[k % BPF_MEMWORDS] = X;
			break;
		case BPF_ALU:
			switch (BPF_OP(i->code)) {
			case BPF_ADD:
				A += src;
				break;
			case BPF_SUB:
				A -= src;
				break;
			case BPF_MUL:
				A *= src;
				break;
			case BPF_DIV:
				A = src ? A / src : 0;
				break;
			case BPF_MOD:
				A = src ? A % src : 0;
				break;
			case BPF_OR:
				A |= src;
				break;
			case BPF_AND:
				A &= src;
				break;
			case BPF_XOR:
				A ^= src;
				break;
			case BPF_LSH:
				A = src < 32 ? A << src : 0;
				break;
			case BPF_RSH:
				A = src < 32 ? A >> src : 0;
				break;
			case BPF_NEG:
				A = -A;
				break;
			}
			break;
		case BPF_JMP:
			if (BPF_OP(i->code) == BPF_JA) {
				pc += k;
				break;
			}
			{
				int t = BPF_OP(i->code) == BPF_JEQ   ? A == src
				        : BPF_OP(i->code) == BPF_JGT ? A > src
				        : BPF_OP(i->code) == BPF_JGE ? A >= src
				                                     : (A & src) != 0;
				pc += t ? i->jt : i->jf;
			}
			break;
		case BPF_RET:
			return BPF_RVAL(i->code) == BPF_A ? A : k;
		case BPF_MISC:
			if (BPF_MISCOP(i->code) == BPF_TAX)
				X = A;
			else
				A = X;
			break;
		}
	}
	return SECCOMP_RET_KILL_THREAD; /* cannot happen after the checker */
}

/* higher outranks lower, as the kernel orders the actions */
static int rank(uint32_t action)
{
	switch (action & SECCOMP_RET_ACTION_FULL) {
	case SECCOMP_RET_KILL_PROCESS:
		return 7;
	case SECCOMP_RET_KILL_THREAD:
		return 6;
	case SECCOMP_RET_TRAP:
		return 5;
	case SECCOMP_RET_ERRNO:
		return 4;
	case SECCOMP_RET_USER_NOTIF:
		return 3;
	case SECCOMP_RET_TRACE:
		return 2;
	case SECCOMP_RET_LOG:
		return 1;
	default:
		return 0; /* ALLOW */
	}
}

int guest_filters_hide(long nr, const long *a, unsigned long after)
{
	if (!mine && !all)
		return 0;
	struct seccomp_data d;
	memset(&d, 0, sizeof d);
	d.nr = (int)nr;
	d.arch = AUDIT_ARCH_X86_64;
	d.instruction_pointer = after;
	for (int i = 0; i < 6; i++)
		d.args[i] = (uint64_t)a[i];
	int top = 0;
	for (const struct filter *f = mine; f; f = f->next) {
		int r = rank(run(f, &d));
		top = r > top ? r : top;
	}
	for (const struct filter *f = all; f; f = f->next) {
		int r = rank(run(f, &d));
		top = r > top ? r : top;
	}
	return top >= 3; /* outranks TRACE */
}
