/* main.c: the revel command. It opens a Lua state, loads the embedded
 * library and hands the command line to revel.cli, whose number is the exit
 * status. A failure before that is revel's own: 125. */
#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include "cli.h"
#include "lua_revel.h"
#include "memcap.h"
#include "signals.h"

/* The tool's Lua memory unless --lua-memory says otherwise: 1 GiB. */
#define REVEL_LUA_MEMORY_DEFAULT (1024.0 * 1024 * 1024)

static int traceback(lua_State *L)
{
	const char *msg = lua_tostring(L, 1);
	luaL_traceback(L, L, msg ? msg : "(error object is not a string)", 1);
	return 1;
}

int main(int argc, char **argv)
{
	lua_State *L = luaL_newstate();
	if (!L) {
		fputs("revel: cannot create a Lua state\n", stderr);
		return 125;
	}
	revel_signals_install();
	revel_memcap_install(L, REVEL_LUA_MEMORY_DEFAULT);
	luaL_openlibs(L);
	revel_signals_lua(L);
	revel_lua_preload(L);
	revel_cli_preload(L);
	lua_getglobal(L, "package");
	lua_getfield(L, -1, "preload");
	lua_pushcfunction(L, revel_lua_open);
	lua_setfield(L, -2, "revel");
	lua_pop(L, 2);

	lua_pushcfunction(L, traceback);
	lua_getglobal(L, "require");
	lua_pushstring(L, "revel.cli");
	int code = 125;
	if (lua_pcall(L, 1, 1, -3) == 0) {
		lua_getfield(L, -1, "main");
		lua_newtable(L);
		for (int i = 1; i < argc; i++) {
			lua_pushstring(L, argv[i]);
			lua_rawseti(L, -2, i);
		}
		if (lua_pcall(L, 1, 1, -4) == 0)
			code = (int)luaL_optinteger(L, -1, 0);
		else
			fprintf(stderr, "revel: %s\n", lua_tostring(L, -1));
	} else {
		fprintf(stderr, "revel: %s\n", lua_tostring(L, -1));
	}
	revel_signals_lua(NULL);
	lua_close(L);
	return code;
}
