/* The in-guest library's instructions that Syscall User Dispatch lets
 * through (revel_gate_start..revel_gate_end is the range handed to prctl),
 * and the clone stub that starts a new thread the way its creator asked. */
	.text
	.p2align 4
	.globl revel_gate_start
	.hidden revel_gate_start
revel_gate_start:

/* sa_restorer of the SIGSYS handler: its rt_sigreturn must not trap. */
	.globl revel_gate_restorer
	.hidden revel_gate_restorer
revel_gate_restorer:
	mov $15, %eax
	syscall
	ud2

/* A guest's own rt_sigreturn is redirected here (rax = 15, the guest's rsp),
 * so it runs on the guest's signal frame, not on the handler's. */
	.globl revel_gate_sigreturn
	.hidden revel_gate_sigreturn
revel_gate_sigreturn:
	syscall
	ud2

/* long revel_gate_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6):
 * a guest's call made with the selector at BLOCK (signals open, a handler of
 * the guest may run inside it and its calls still trap). A restart by the
 * kernel re-runs this syscall instruction. */
	.globl revel_gate_syscall
	.hidden revel_gate_syscall
revel_gate_syscall:
	mov %rdi, %rax
	mov %rsi, %rdi
	mov %rdx, %rsi
	mov %rcx, %rdx
	mov %r8, %r10
	mov %r9, %r8
	mov 8(%rsp), %r9
	syscall
	ret
	.globl revel_gate_end
	.hidden revel_gate_end
revel_gate_end:
	ud2

/* long revel_clone_stub(long nr, const greg_t *gregs, unsigned long child_sp):
 * a clone/clone3 onto a new stack. The guest's registers are loaded (but rsp
 * and rip) so the child starts exactly as the guest's own syscall would have
 * left it; the child arms dispatch for itself (revel_guest_child_start, with
 * child_sp: the parent left the guest's rip at child_sp-8 and its signal mask
 * at child_sp-16) and jumps to the guest's rip. The parent returns the result. */
	.globl revel_clone_stub
	.hidden revel_clone_stub
revel_clone_stub:
	push %rbx
	push %rbp
	push %r12
	push %r13
	push %r14
	push %r15
	mov %rdi, %rax
	mov %rsi, %r11
	mov 11*8(%r11), %rbx
	mov 10*8(%r11), %rbp
	mov 4*8(%r11), %r12
	mov 5*8(%r11), %r13
	mov 6*8(%r11), %r14
	mov 7*8(%r11), %r15
	mov 8*8(%r11), %rdi
	mov 9*8(%r11), %rsi
	mov 12*8(%r11), %rdx
	mov 2*8(%r11), %r10
	mov 0*8(%r11), %r8
	mov 1*8(%r11), %r9
	syscall
	test %rax, %rax
	jz 1f
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbp
	pop %rbx
	ret
1:	sub $256, %rsp
	push %rax
	push %rbx
	push %rcx
	push %rdx
	push %rsi
	push %rdi
	push %rbp
	push %r8
	push %r9
	push %r10
	push %r11
	push %r12
	push %r13
	push %r14
	push %r15
	lea (256+15*8)(%rsp), %rdi
	mov %rsp, %rbx
	and $-16, %rsp
	call revel_guest_child_start
	mov %rbx, %rsp
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %r11
	pop %r10
	pop %r9
	pop %r8
	pop %rbp
	pop %rdi
	pop %rsi
	pop %rdx
	pop %rcx
	pop %rbx
	pop %rax
	add $256, %rsp
	jmp *-8(%rsp)


/* revel_fast_entry: a handled call from a rewritten site (guest/rewrite.c),
 * without a signal. The site's far stub made room past the red zone and
 * called here; the guest's registers are as at its syscall instruction (rax:
 * the number). They are saved in gregs order (sys/ucontext.h: r8..r15, rdi,
 * rsi, rbp, rbx, rdx, rax, rcx, rsp, rip) with the extended state (xsave),
 * revel_fast_dispatch(gregs) runs the call, and they come back with rax the
 * result. The stub then returns to the instruction after the syscall.
 *
 * revel_call_entry: the same for the site in libc's syscall() function, a
 * function the guest calls: the ABI lets a call clobber every vector
 * register, so only the control words it keeps (MXCSR, the x87 control
 * word) are kept, not the whole extended state. */
	.macro FAST_ENTRY name, xsave
	.text
	.globl \name
	.hidden \name
\name:
	/* the process has threads on blocks of their own (this entry cannot
	 * tell whose thread pointer it has: guest/guest_tblock.c) or a
	 * dispatch of the guest's own (guest/guest_sud.c): the call goes back
	 * to the site's syscall instruction, which traps */
	cmpl $0, guest_slow(%rip)
	jne 9f
	sub $(18*8), %rsp
	mov %r8, 0(%rsp)
	mov %r9, 8(%rsp)
	mov %r10, 16(%rsp)
	mov %r11, 24(%rsp)
	mov %r12, 32(%rsp)
	mov %r13, 40(%rsp)
	mov %r14, 48(%rsp)
	mov %r15, 56(%rsp)
	mov %rdi, 64(%rsp)
	mov %rsi, 72(%rsp)
	mov %rbp, 80(%rsp)
	mov %rbx, 88(%rsp)
	mov %rdx, 96(%rsp)
	mov %rax, 104(%rsp)
	mov %rcx, 112(%rsp)
	lea (18*8 + 8 + 128)(%rsp), %rcx /* the guest's rsp: past this frame, the return, the red zone */
	mov %rcx, 120(%rsp)
	mov (18*8)(%rsp), %rcx /* the return into the far stub: its "after" is 22 bytes on */
	mov 22(%rcx), %rcx
	mov %rcx, 128(%rsp)
	mov %rsp, %rbx /* gregs; callee-saved across the call */
	/* onto this thread's handler stack (guest/hstack.c), unless it has
	 * none or is on it already */
	movq revel_hstack@gottpoff(%rip), %rax
	mov %fs:(%rax), %rcx
	test %rcx, %rcx
	jz 3f
	cmp %rcx, %rsp
	jae 4f
	lea -HSTACK_SIZE(%rcx), %rdx
	cmp %rdx, %rsp
	jae 3f
4:	mov %rcx, %rsp
3:
	.if \xsave
	sub $4160, %rsp
	and $-64, %rsp
	xor %eax, %eax /* the xsave header must be zero for xrstor */
	mov $8, %ecx
	lea 512(%rsp), %rdi
	rep stosq
	mov $0xff, %eax /* x87, SSE, AVX, AVX-512: what code around a syscall may hold */
	xor %edx, %edx
	xsave64 (%rsp)
	.else
	stmxcsr 136(%rbx)
	fnstcw 140(%rbx)
	and $-16, %rsp
	.endif
	mov %rbx, %rdi
	call revel_fast_dispatch
	.if \xsave
	mov $0xff, %eax
	xor %edx, %edx
	xrstor64 (%rsp)
	.else
	ldmxcsr 136(%rbx)
	fldcw 140(%rbx)
	.endif
	mov %rbx, %rsp
	mov 0(%rsp), %r8
	mov 8(%rsp), %r9
	mov 16(%rsp), %r10
	mov 24(%rsp), %r11
	mov 32(%rsp), %r12
	mov 40(%rsp), %r13
	mov 48(%rsp), %r14
	mov 56(%rsp), %r15
	mov 64(%rsp), %rdi
	mov 72(%rsp), %rsi
	mov 80(%rsp), %rbp
	mov 96(%rsp), %rdx
	mov 104(%rsp), %rax
	mov 112(%rsp), %rcx
	mov 88(%rsp), %rbx
	add $(18*8), %rsp
	ret
9:	mov (%rsp), %r11 /* the return into the far stub: its "after" is 22 bytes on */
	mov 22(%r11), %r11
	sub $2, %r11 /* the site's syscall instruction */
	add $(8 + 128), %rsp /* the return, the room past the red zone */
	jmp *%r11
	.endm

	.set HSTACK_SIZE, 256 * 1024 /* guest/hstack.h */

	FAST_ENTRY revel_fast_entry, 1
	FAST_ENTRY revel_call_entry, 0

/* void revel_on_stack(void (*fn)(void *), void *arg, char *top): fn(arg)
 * on the stack whose top is top (guest/hstack.c). */
	.globl revel_on_stack
	.hidden revel_on_stack
revel_on_stack:
	push %rbp
	mov %rsp, %rbp
	mov %rdx, %rsp
	and $-16, %rsp
	mov %rdi, %rax
	mov %rsi, %rdi
	call *%rax
	mov %rbp, %rsp
	pop %rbp
	ret

	.section .note.GNU-stack,"",@progbits
