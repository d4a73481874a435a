/* signals.h: revel's own signal handling (the CLI installs it). */
#ifndef REVEL_SIGNALS_H
#define REVEL_SIGNALS_H

#include <stdint.h>
#include <sys/types.h>

void revel_signals_install(void);
/* The signals revel ignores for itself that the guest must get back. */
uint64_t revel_signals_changed(void);
/* The signal that asked revel to stop (SIGTERM, SIGHUP), or 0. */
int revel_stop_requested(void);
/* The root guest, killed if a stop is asked for. */
void revel_signals_root(pid_t pid);

#endif
