/* cli_api.c: the revel command's function table (struct revel_cli_api in
 * revel_ffi.h), handed to Lua as the module revel._cli. */
#include <lauxlib.h>
#include "cli.h"
#include "memcap.h"
#include "readline.h"
#include "revel_ffi.h"
#include "signals.h"
#include "watch.h"

static const struct revel_cli_api revel_cli_api = {
    .abi = REVEL_LUA_ABI,
    .stop_requested = revel_stop_requested,
    .signals_root = revel_signals_root,
    .signals_changed = revel_signals_changed,
    .interruptible = revel_signals_interruptible,
    .lua_memory = revel_memcap_set,
    .repl_tty = revel_repl_tty,
    .repl_begin = revel_repl_begin,
    .repl_wait = revel_repl_wait,
    .repl_end = revel_repl_end,
    .repl_notice = revel_repl_notice,
    .repl_free = revel_repl_free,
    .repl_set_words = revel_repl_set_words,
    .repl_history_load = revel_repl_history_load,
    .repl_history_add = revel_repl_history_add,
    .tick_start = revel_tick_start,
    .tick_stop = revel_tick_stop,
    .tick_take = revel_tick_take,
    .file_stamp = revel_file_stamp,
    .interruptible_mode = revel_signals_mode,
    .signals_attach = revel_signals_attach,
    .stop_flag = revel_stop_flag,
};

static int open_cli(lua_State *L)
{
	lua_newtable(L);
	lua_pushlightuserdata(L, (void *)&revel_cli_api);
	lua_setfield(L, -2, "api");
	return 1;
}

void revel_cli_preload(lua_State *L)
{
	lua_getglobal(L, "package");
	lua_getfield(L, -1, "preload");
	lua_pushcfunction(L, open_cli);
	lua_setfield(L, -2, "revel._cli");
	lua_pop(L, 2);
}
