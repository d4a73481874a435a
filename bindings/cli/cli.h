/* cli.h: what only the revel command has, beside the revel module: its own
 * signal handling, the REPL's line input (readline) and the --watch tick.
 * A plain luajit loading revel.so has none of it. */
#ifndef REVEL_CLI_H
#define REVEL_CLI_H

#include <lua.h>

/* Registers the Lua module revel._cli (struct revel_cli_api, as light
 * userdata in its field api) in package.preload. */
void revel_cli_preload(lua_State *L);

#endif
