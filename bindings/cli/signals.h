/* signals.h: revel's own signal handling (the CLI installs it). */
#ifndef REVEL_SIGNALS_H
#define REVEL_SIGNALS_H

#include <stdint.h>
#include <sys/types.h>
#include <lua.h>

void revel_signals_install(void);
/* The Lua state a signal interrupts (NULL: none any more, before lua_close). */
void revel_signals_lua(lua_State *L);
/* While on (a run, before finish), a stop signal interrupts the tool's code. */
void revel_signals_interruptible(int on);
/* strace -I N (1..4): which signals end the run, which revel ignores. */
void revel_signals_mode(int mode);
/* The signals revel ignores for itself that the guest must get back. */
uint64_t revel_signals_changed(void);
/* The signal that asked revel to stop (SIGTERM, SIGHUP), or 0. */
int revel_stop_requested(void);
/* Processes are attached (-p): SIGINT and SIGQUIT end the run too. */
void revel_signals_attach(pid_t pid);
/* Nonzero once a stop is asked for: the engine's revel_options.interrupt. */
const volatile int *revel_stop_flag(void);
/* The root guest, killed if a stop is asked for. */
void revel_signals_root(pid_t pid);

#endif
