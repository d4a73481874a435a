/* regs_check: a raw `syscall` instruction for getppid (nr 110) with rdi,
 * rsi, rdx, r10, r8, r9, rbx, rbp, r12, r13, r14, r15 loaded with distinct
 * 64-bit patterns; afterwards every one of them must still hold its pattern
 * (rcx and r11 are clobbered by the ABI, rax holds the result), and rax must
 * equal getppid(). Exercises: a tracer that stops at syscall entry/exit (and
 * maybe rewrites registers) must restore the user's registers exactly.
 * The asm block saves/restores every register it touches itself (push/pop,
 * below a 128-byte red-zone skip), so it is correct at any -O level.
 * Expected stdout:
 *   registers preserved
 *   result ok
 * exit 0 (1 on failure, listing what differed). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdint.h>
#include <unistd.h>

#define NREGS 12
/* Order matches the stores in the asm below (slot 0 is rax). */
static const char *const names[NREGS] = {"rsi", "rdx", "r10", "r8",  "r9",  "rbx",
                                         "rbp", "r12", "r13", "r14", "r15", "rdi"};
static const uint64_t patterns[NREGS] = {
    0x1111deadbeef0002ULL, 0x2222cafebabe0003ULL, 0x3333f00dface0004ULL, 0x44440123456789a5ULL,
    0x5555fedcba987606ULL, 0x6666a5a55a5a0007ULL, 0x77770badc0de0008ULL, 0x8888123412340009ULL,
    0x9999abcdabcd000aULL, 0xaaaa55aa55aa000bULL, 0xbbbb0f0f0f0f000cULL, 0xcccc1357924600d1ULL};

int main(void)
{
	uint64_t out[1 + NREGS];
	uint64_t *outp = out;
	__asm__ volatile("sub $128, %%rsp\n\t" /* skip the red zone */
	                 "push %%rbx\n\tpush %%rbp\n\tpush %%r12\n\tpush %%r13\n\t"
	                 "push %%r14\n\tpush %%r15\n\tpush %%rdi\n\tpush %%rsi\n\t"
	                 "push %%rdx\n\tpush %%r8\n\tpush %%r9\n\tpush %%r10\n\t"
	                 "push %[outp]\n\t"
	                 "movabs $0x1111deadbeef0002, %%rsi\n\t"
	                 "movabs $0x2222cafebabe0003, %%rdx\n\t"
	                 "movabs $0x3333f00dface0004, %%r10\n\t"
	                 "movabs $0x44440123456789a5, %%r8\n\t"
	                 "movabs $0x5555fedcba987606, %%r9\n\t"
	                 "movabs $0x6666a5a55a5a0007, %%rbx\n\t"
	                 "movabs $0x77770badc0de0008, %%rbp\n\t"
	                 "movabs $0x8888123412340009, %%r12\n\t"
	                 "movabs $0x9999abcdabcd000a, %%r13\n\t"
	                 "movabs $0xaaaa55aa55aa000b, %%r14\n\t"
	                 "movabs $0xbbbb0f0f0f0f000c, %%r15\n\t"
	                 "movabs $0xcccc1357924600d1, %%rdi\n\t"
	                 "mov $110, %%eax\n\t"
	                 "syscall\n\t"
	                 "xchg %%rdi, (%%rsp)\n\t" /* rdi = outp; stack top = rdi after */
	                 "mov %%rax, 0(%%rdi)\n\t"
	                 "mov %%rsi, 8(%%rdi)\n\tmov %%rdx, 16(%%rdi)\n\tmov %%r10, 24(%%rdi)\n\t"
	                 "mov %%r8, 32(%%rdi)\n\tmov %%r9, 40(%%rdi)\n\tmov %%rbx, 48(%%rdi)\n\t"
	                 "mov %%rbp, 56(%%rdi)\n\tmov %%r12, 64(%%rdi)\n\tmov %%r13, 72(%%rdi)\n\t"
	                 "mov %%r14, 80(%%rdi)\n\tmov %%r15, 88(%%rdi)\n\t"
	                 "pop %%rsi\n\t"
	                 "mov %%rsi, 96(%%rdi)\n\t"
	                 "pop %%r10\n\tpop %%r9\n\tpop %%r8\n\tpop %%rdx\n\t"
	                 "pop %%rsi\n\tpop %%rdi\n\tpop %%r15\n\tpop %%r14\n\t"
	                 "pop %%r13\n\tpop %%r12\n\tpop %%rbp\n\tpop %%rbx\n\t"
	                 "add $128, %%rsp\n\t"
	                 :
	                 : [outp] "r"(outp)
	                 : "rax", "rcx", "r11", "memory", "cc");

	int bad = 0;
	for (int i = 0; i < NREGS; i++) {
		if (out[1 + i] != patterns[i]) {
			printf("%s changed: expected 0x%016llx got 0x%016llx\n", names[i],
			       (unsigned long long)patterns[i], (unsigned long long)out[1 + i]);
			bad = 1;
		}
	}
	if (!bad)
		printf("registers preserved\n");
	long expect = (long)getppid();
	if ((long)out[0] == expect) {
		printf("result ok\n");
	} else {
		printf("result differs: syscall gave %ld, getppid() gave %ld\n", (long)out[0],
		       expect);
		bad = 1;
	}
	return bad;
}
