/* module.c: revel.so, the module a plain luajit loads with require("revel")
 * (the busted specs do). Everything the module is built from is compiled with
 * hidden visibility; luaopen_revel, the entry Lua's loader looks up, is its
 * one export. Lua reaches the rest through the table revel.core hands over. */
#include "lua_revel.h"

__attribute__((visibility("default"))) int luaopen_revel(lua_State *L);

int luaopen_revel(lua_State *L)
{
	return revel_lua_open(L);
}
