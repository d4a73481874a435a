/* lua_revel.h: opening the revel Lua module. */
#ifndef REVEL_LUA_REVEL_H
#define REVEL_LUA_REVEL_H

#include <lua.h>

/* Registers the embedded library in package.preload and revel.core. */
int revel_lua_preload(lua_State *L);
/* require("revel"): the module table. revel.so exports it as luaopen_revel
 * (module.c); the revel command registers it in package.preload. */
int revel_lua_open(lua_State *L);

#endif
