/* embedded.h: the Lua library compiled into the binary (cmake/embed.lua). */
#ifndef REVEL_EMBEDDED_H
#define REVEL_EMBEDDED_H

#include <stddef.h>

struct revel_embedded {
	const char *name;          /* module name, e.g. "revel.cli" */
	const unsigned char *code; /* LuaJIT bytecode */
	size_t len;
};

/* Terminated by an entry whose name is NULL. */
extern const struct revel_embedded revel_embedded_scripts[];

#endif
