/* xlat.h: a table of named values, as strace's xlat: {value, name} pairs
 * ended by name == NULL. The tables themselves are generated at build time
 * from the name lists in xlat/NAME.in (gen_xlat.cmake); xlat_tables.h, also
 * generated, declares them all. */
#ifndef REVEL_DECODE_XLAT_H
#define REVEL_DECODE_XLAT_H

#include <stddef.h>
#include <stdint.h>

struct xlat {
	uint64_t val;
	const char *name;
};

#endif
