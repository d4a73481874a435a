/* module.c: revel.so, the module a plain luajit loads with require("revel")
 * (the busted specs do). Its entry, luaopen_revel, lives in lua_revel.c; this
 * reference pulls it out of the static bindings library into the module. */
#include "lua_revel.h"

__attribute__((used, visibility("default"))) int (*const revel_module_entry)(lua_State *) =
	luaopen_revel;
