/* g:regs() and g:set_regs(t) in the guest (guest_regs.c). */
#ifndef REVEL_GUEST_REGS_H
#define REVEL_GUEST_REGS_H
#include <lua.h>

/* c.regs(tid, nr) -> the registers as ptrace's user_regs_struct names them
 * at the call's stop, or nil, "EBUSY" outside thread tid's own handler. */
int guest_l_regs(lua_State *l);
/* c.set_regs(tid, nr, t) -> true, or nil and an errno name. */
int guest_l_set_regs(lua_State *l);

#endif
