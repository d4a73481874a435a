/* lua_api.h: the engine as LuaJIT's FFI sees it, for the C side.
 *
 * The types and the function table are declared once, in revel_ffi.h and
 * the engine's headers it includes; cmake/ffi_gen.lua makes what ffi.lua
 * hands to ffi.cdef from the same declarations. */
#ifndef REVEL_LUA_API_H
#define REVEL_LUA_API_H

#include <revel/engine.h>
#include <revel/systable.h>
#include <revel/inject.h>
#include <revel/printer.h>
#include <revel/unwind.h>
#include "revel_ffi.h"

extern const struct revel_lua_api revel_lua_api;

/* bindings/lua_format.c */
revel_printer *lua_printer_new(revel_engine *e, const struct revel_printer_opts *o);
int lua_printer_enter(revel_printer *p, const struct revel_lua_event *ev);
int lua_printer_exit(revel_printer *p, pid_t tid, double result);
void lua_observe_printer(revel_engine *e, revel_printer *p);
void lua_observe_tee(revel_printer *p);
int lua_format_call(revel_engine *e, const struct revel_lua_event *ev, int string_limit, char *out,
                    size_t len);

#endif
