/* The Lua side of the in-guest library, compiled to LuaJIT bytecode at build
 * time (luajit -b), with the sizes revel_guest.c loads it by. */
#include <stddef.h>

#include "inguest_bc.c"
#include "wire_bc.c"
#include "inguest_hooks_bc.c"
#include "inguest_strace_bc.c"

const size_t luaJIT_BC_inguest_SIZE = sizeof luaJIT_BC_inguest;
const size_t luaJIT_BC__wire_SIZE = sizeof luaJIT_BC__wire;
const size_t luaJIT_BC_inguest_hooks_SIZE = sizeof luaJIT_BC_inguest_hooks;
const size_t luaJIT_BC_inguest_strace_SIZE = sizeof luaJIT_BC_inguest_strace;
