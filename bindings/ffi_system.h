/* ffi_system.h: the system types LuaJIT's FFI needs and cannot read from the
 * system's headers (they are full of macros): the first ffi.cdef part
 * cmake/ffi_gen.lua takes. They are the kernel's and the C library's ABI,
 * which does not move; bindings/ffi_check.c checks them against
 * <sys/types.h> and <sys/user.h>. No C file includes this header but that
 * check: C code takes the system's own. */
#ifndef REVEL_FFI_SYSTEM_H
#define REVEL_FFI_SYSTEM_H

/* ffi.cdef begin */
typedef int pid_t;
typedef long ssize_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;

/* <sys/user.h> */
struct user_regs_struct {
	unsigned long long r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8, rax, rcx, rdx, rsi, rdi,
	    orig_rax, rip, cs, eflags, rsp, ss, fs_base, gs_base, ds, es, fs, gs;
};
/* ffi.cdef end */

#endif
