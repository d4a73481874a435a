/* memcap.h: a cap on the memory of the revel command's Lua state. */
#ifndef REVEL_MEMCAP_H
#define REVEL_MEMCAP_H

#include <lua.h>

/* Count L's allocations from now on; past `bytes` (0: no cap) revel ends. */
void revel_memcap_install(lua_State *L, double bytes);
/* Change the cap (--lua-memory); 0 lifts it. */
void revel_memcap_set(double bytes);

#endif
