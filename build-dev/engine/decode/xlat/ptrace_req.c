/* Generated from /work/main/engine/decode/xlat/ptrace_req.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/ptrace.h>
#include "xlat.h"

const struct xlat x_ptrace_req[] = {
#if defined(PTRACE_TRACEME)
	{(uint64_t)(PTRACE_TRACEME), "PTRACE_TRACEME"},
#endif
#if defined(PTRACE_PEEKTEXT)
	{(uint64_t)(PTRACE_PEEKTEXT), "PTRACE_PEEKTEXT"},
#endif
#if defined(PTRACE_PEEKDATA)
	{(uint64_t)(PTRACE_PEEKDATA), "PTRACE_PEEKDATA"},
#endif
#if defined(PTRACE_PEEKUSR)
	{(uint64_t)(PTRACE_PEEKUSR), "PTRACE_PEEKUSER"},
#endif
#if defined(PTRACE_POKETEXT)
	{(uint64_t)(PTRACE_POKETEXT), "PTRACE_POKETEXT"},
#endif
#if defined(PTRACE_POKEDATA)
	{(uint64_t)(PTRACE_POKEDATA), "PTRACE_POKEDATA"},
#endif
#if defined(PTRACE_POKEUSR)
	{(uint64_t)(PTRACE_POKEUSR), "PTRACE_POKEUSER"},
#endif
#if defined(PTRACE_CONT)
	{(uint64_t)(PTRACE_CONT), "PTRACE_CONT"},
#endif
#if defined(PTRACE_KILL)
	{(uint64_t)(PTRACE_KILL), "PTRACE_KILL"},
#endif
#if defined(PTRACE_SINGLESTEP)
	{(uint64_t)(PTRACE_SINGLESTEP), "PTRACE_SINGLESTEP"},
#endif
#if defined(PTRACE_GETREGS)
	{(uint64_t)(PTRACE_GETREGS), "PTRACE_GETREGS"},
#endif
#if defined(PTRACE_SETREGS)
	{(uint64_t)(PTRACE_SETREGS), "PTRACE_SETREGS"},
#endif
#if defined(PTRACE_GETFPREGS)
	{(uint64_t)(PTRACE_GETFPREGS), "PTRACE_GETFPREGS"},
#endif
#if defined(PTRACE_SETFPREGS)
	{(uint64_t)(PTRACE_SETFPREGS), "PTRACE_SETFPREGS"},
#endif
#if defined(PTRACE_ATTACH)
	{(uint64_t)(PTRACE_ATTACH), "PTRACE_ATTACH"},
#endif
#if defined(PTRACE_DETACH)
	{(uint64_t)(PTRACE_DETACH), "PTRACE_DETACH"},
#endif
#if defined(PTRACE_SYSCALL)
	{(uint64_t)(PTRACE_SYSCALL), "PTRACE_SYSCALL"},
#endif
#if defined(PTRACE_SETOPTIONS)
	{(uint64_t)(PTRACE_SETOPTIONS), "PTRACE_SETOPTIONS"},
#endif
#if defined(PTRACE_GETEVENTMSG)
	{(uint64_t)(PTRACE_GETEVENTMSG), "PTRACE_GETEVENTMSG"},
#endif
#if defined(PTRACE_GETSIGINFO)
	{(uint64_t)(PTRACE_GETSIGINFO), "PTRACE_GETSIGINFO"},
#endif
#if defined(PTRACE_SETSIGINFO)
	{(uint64_t)(PTRACE_SETSIGINFO), "PTRACE_SETSIGINFO"},
#endif
#if defined(PTRACE_GETREGSET)
	{(uint64_t)(PTRACE_GETREGSET), "PTRACE_GETREGSET"},
#endif
#if defined(PTRACE_SETREGSET)
	{(uint64_t)(PTRACE_SETREGSET), "PTRACE_SETREGSET"},
#endif
#if defined(PTRACE_SEIZE)
	{(uint64_t)(PTRACE_SEIZE), "PTRACE_SEIZE"},
#endif
#if defined(PTRACE_INTERRUPT)
	{(uint64_t)(PTRACE_INTERRUPT), "PTRACE_INTERRUPT"},
#endif
#if defined(PTRACE_LISTEN)
	{(uint64_t)(PTRACE_LISTEN), "PTRACE_LISTEN"},
#endif
	{0, NULL},
};
