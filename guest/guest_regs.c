/* g:regs() and g:set_regs(t) in the guest: the registers of the call the
 * thread's handler runs for, as ptrace's struct user_regs_struct shows them
 * at a syscall stop. A trapped call's come from the SIGSYS frame (the kernel
 * put them there; sigreturn puts them back); a rewritten site's from what
 * revel_fast_entry saved (guest/gate.S), which holds the general registers,
 * rsp and rip only. */
#define _GNU_SOURCE
#include <asm/prctl.h>
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>

#include <lauxlib.h>
#include <lua.h>

#include "guest_core.h"
#include "guest_regs.h"
#include "guest_signals.h"
#include "guest_sigwrap.h"

/* The fields of struct user_regs_struct, in its order, and where each is
 * in a ucontext's gregs (-1: not there). */
static const struct {
	const char *name;
	int reg;
} fields[] = {
    {"r15", REG_R15}, {"r14", REG_R14}, {"r13", REG_R13}, {"r12", REG_R12},    {"rbp", REG_RBP},
    {"rbx", REG_RBX}, {"r11", REG_R11}, {"r10", REG_R10}, {"r9", REG_R9},      {"r8", REG_R8},
    {"rax", REG_RAX}, {"rcx", REG_RCX}, {"rdx", REG_RDX}, {"rsi", REG_RSI},    {"rdi", REG_RDI},
    {"orig_rax", -1}, {"rip", REG_RIP}, {"cs", -1},       {"eflags", REG_EFL}, {"rsp", REG_RSP},
    {"ss", -1},       {"fs_base", -1},  {"gs_base", -1},  {"ds", -1},          {"es", -1},
    {"fs", -1},       {"gs", -1},
};
#define NFIELDS (int)(sizeof fields / sizeof fields[0])

/* The registers, as ptrace gives them at the call's stop: rax -ENOSYS,
 * orig_rax the number, rcx and r11 as the syscall instruction left them. */
static void regs_of(const ucontext_t *uc, long nr, unsigned long long v[NFIELDS])
{
	const greg_t *gr = uc->uc_mcontext.gregs;
	int fast = uc->uc_flags == UC_FAST;
	unsigned long long efl =
	    fast ? __builtin_ia32_readeflags_u64() : (unsigned long long)gr[REG_EFL];
	for (int i = 0; i < NFIELDS; i++)
		v[i] = fields[i].reg >= 0 && fields[i].reg != REG_EFL
		           ? (unsigned long long)gr[fields[i].reg]
		           : 0;
	unsigned long fs = 0, gs = 0;
	guest_raw(SYS_arch_prctl, ARCH_GET_FS, (long)&fs, 0, 0, 0, 0);
	guest_raw(SYS_arch_prctl, ARCH_GET_GS, (long)&gs, 0, 0, 0, 0);
	for (int i = 0; i < NFIELDS; i++) {
		const char *n = fields[i].name;
		if (!strcmp(n, "rax"))
			v[i] = (unsigned long long)-ENOSYS;
		else if (!strcmp(n, "orig_rax"))
			v[i] = (unsigned long long)nr;
		else if (!strcmp(n, "eflags"))
			v[i] = efl;
		else if (!strcmp(n, "rcx") && fast)
			v[i] = (unsigned long long)
			    gr[REG_RIP]; /* as the syscall instruction sets them */
		else if (!strcmp(n, "r11") && fast)
			v[i] = efl;
		else if (!strcmp(n, "cs"))
			v[i] = 0x33; /* the x86-64 user selectors, as ptrace shows them */
		else if (!strcmp(n, "ss"))
			v[i] = 0x2b;
		else if (!strcmp(n, "fs_base"))
			v[i] = fs;
		else if (!strcmp(n, "gs_base"))
			v[i] = gs;
	}
}

/* The call's registers when the calling thread is in its own handler for
 * thread tid, else NULL (and the errno name pushed). */
static const ucontext_t *current(lua_State *l, int tid)
{
	if (!guest_cur_uc || tid != guest_tid) {
		lua_pushnil(l);
		lua_pushstring(l, "EBUSY");
		return NULL;
	}
	return guest_cur_uc;
}

/* c.regs(tid, nr) -> a table of user_regs_struct's fields, or nil, errname */
int guest_l_regs(lua_State *l)
{
	const ucontext_t *uc = current(l, (int)luaL_checkinteger(l, 1));
	if (!uc)
		return 2;
	unsigned long long v[NFIELDS];
	regs_of(uc, (long)luaL_checkinteger(l, 2), v);
	lua_createtable(l, 0, NFIELDS);
	for (int i = 0; i < NFIELDS; i++) {
		lua_pushnumber(l, (double)v[i]);
		lua_setfield(l, -2, fields[i].name);
	}
	return 1;
}

/* c.set_regs(tid, nr, t) -> true, or nil, errname. The call's number and
 * argument registers are the handler's sc (written when the call runs, as
 * under ptrace) and rax its result: those fields are left to them. A
 * rewritten site's return puts back only the general registers: a change of
 * rip, rsp or eflags there, or of a segment or base register anywhere, is
 * refused (EOPNOTSUPP) with nothing changed. */
int guest_l_set_regs(lua_State *l)
{
	const ucontext_t *cuc = current(l, (int)luaL_checkinteger(l, 1));
	if (!cuc)
		return 2;
	ucontext_t *uc = guest_cur_uc;
	long nr = (long)luaL_checkinteger(l, 2);
	luaL_checktype(l, 3, LUA_TTABLE);
	unsigned long long v[NFIELDS], want[NFIELDS];
	regs_of(uc, nr, v);
	int fast = uc->uc_flags == UC_FAST;
	for (int i = 0; i < NFIELDS; i++) {
		lua_getfield(l, 3, fields[i].name);
		want[i] = v[i];
		if (!lua_isnil(l, -1)) {
			double d = luaL_checknumber(l, -1);
			want[i] = d < 0 ? (unsigned long long)(long long)d : (unsigned long long)d;
		}
		lua_pop(l, 1);
		if (want[i] == v[i])
			continue;
		const char *n = fields[i].name;
		int general = fields[i].reg >= 0 && fields[i].reg != REG_EFL &&
		              fields[i].reg != REG_RIP && fields[i].reg != REG_RSP;
		if (!general && (fast || fields[i].reg < 0) && strcmp(n, "orig_rax")) {
			lua_pushnil(l);
			lua_pushstring(l, "EOPNOTSUPP");
			return 2;
		}
	}
	static const char *const by_sc[] = {"rax", "orig_rax", "rdi", "rsi",
	                                    "rdx", "r10",      "r8",  "r9"};
	for (int i = 0; i < NFIELDS; i++) {
		int skip = fields[i].reg < 0 || want[i] == v[i];
		for (unsigned k = 0; !skip && k < sizeof by_sc / sizeof by_sc[0]; k++)
			skip = !strcmp(fields[i].name, by_sc[k]);
		if (!skip)
			uc->uc_mcontext.gregs[fields[i].reg] = (greg_t)want[i];
	}
	lua_pushboolean(l, 1);
	return 1;
}
