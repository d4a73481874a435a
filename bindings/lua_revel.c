/* lua_revel.c: the `revel` Lua module: loaders for the embedded Lua library
 * and the light userdata through which it reaches the engine. */
#include <lauxlib.h>
#include <lua.h>
#include <string.h>
#include "embedded.h"
#include "lua_api.h"
#include "lua_revel.h"

static int load_embedded(lua_State *L)
{
	const struct revel_embedded *m = lua_touserdata(L, lua_upvalueindex(1));
	/* The chunk name is the script's path, so errors name file and line. */
	if (luaL_loadbuffer(L, (const char *)m->code, m->len, m->name) != 0)
		return lua_error(L);
	lua_pushstring(L, m->name);
	lua_call(L, 1, 1);
	return 1;
}

int revel_lua_preload(lua_State *L)
{
	lua_getglobal(L, "package");
	lua_getfield(L, -1, "preload");
	for (const struct revel_embedded *m = revel_embedded_scripts; m->name; m++) {
		if (strcmp(m->name, "revel") == 0)
			continue; /* the module itself: luaopen_revel runs it */
		lua_pushlightuserdata(L, (void *)m);
		lua_pushcclosure(L, load_embedded, 1);
		lua_setfield(L, -2, m->name);
	}
	lua_pop(L, 2);
	/* revel.core: what the Lua side cannot make itself. */
	lua_newtable(L);
	lua_pushlightuserdata(L, (void *)&revel_lua_api);
	lua_setfield(L, -2, "api");
	lua_pushstring(L, REVEL_VERSION);
	lua_setfield(L, -2, "version");
	lua_getglobal(L, "package");
	lua_getfield(L, -1, "loaded");
	lua_pushvalue(L, -3);
	lua_setfield(L, -2, "revel.core");
	lua_pop(L, 3);
	return 0;
}

int revel_lua_open(lua_State *L)
{
	revel_lua_preload(L);
	for (const struct revel_embedded *m = revel_embedded_scripts; m->name; m++) {
		if (strcmp(m->name, "revel") != 0)
			continue;
		lua_pushlightuserdata(L, (void *)m);
		lua_pushcclosure(L, load_embedded, 1);
		lua_call(L, 0, 1);
		return 1;
	}
	return luaL_error(L, "revel: the embedded library has no revel module");
}
