/* ffi_check.c: what LuaJIT's FFI is told (cmake/ffi_gen.lua's text, made
 * from the ffi.cdef parts of bindings/ffi_system.h, the engine's public
 * headers and revel_ffi.h), checked against what C compiles from those
 * headers. This file holds no code; a struct, member, typedef or enum value
 * the generator got wrong, or a system type ffi_system.h misstates, fails
 * the build here. The lists are generated too (ffi_check_gen.h), so a field
 * added to a header is checked with no edit here.
 *
 * The text is included inside a function, after the real headers: its
 * declarations then shadow those of the same names within that block, while
 * the real ones stay reachable through the aliases taken before it. */
#include <stddef.h>
#include <sys/types.h>
#include <sys/user.h>
#include "revel_ffi.h"
#include "ffi_check_gen.h"

/* The real types and values, under names the text does not shadow. */
#define ALIAS_STRUCT(type) typedef struct type real_##type;
#define ALIAS_TYPEDEF(type) typedef type real_t_##type;
#define ALIAS_VALUE(name) real_##name = name,
FFI_GEN_STRUCTS(ALIAS_STRUCT)
FFI_GEN_TYPEDEFS(ALIAS_TYPEDEF)
enum real_values { FFI_GEN_VALUES(ALIAS_VALUE) };

#define SAME_VALUE(name) _Static_assert((long)name == (long)real_##name, "ffi.cdef: " #name);
#define SAME_TYPEDEF(type)                                                                         \
	_Static_assert(__builtin_types_compatible_p(type, real_t_##type), "ffi.cdef: " #type);
#define SAME_FIELD(type, field)                                                                    \
	_Static_assert(offsetof(struct type, field) == offsetof(real_##type, field) &&             \
	                   sizeof(((struct type *)0)->field) == sizeof(((real_##type *)0)->field), \
	               "ffi.cdef: " #type "." #field);
#define SAME_SIZE(type)                                                                            \
	_Static_assert(sizeof(struct type) == sizeof(real_##type) &&                               \
	                   _Alignof(struct type) == _Alignof(real_##type),                         \
	               "ffi.cdef: struct " #type);

#pragma GCC diagnostic ignored "-Wunused-local-typedefs"

__attribute__((unused)) static void revel_ffi_check(void)
{
#define FFI_CHECK_BLOCK
#include "ffi_check_gen.h"
	FFI_GEN_VALUES(SAME_VALUE)
	FFI_GEN_TYPEDEFS(SAME_TYPEDEF)
	FFI_GEN_STRUCTS(SAME_SIZE)
	FFI_GEN_FIELDS(SAME_FIELD)
	/* The tables' first member is read before anything else is trusted. */
	_Static_assert(offsetof(struct revel_lua_api, abi) == 0, "ffi.cdef: abi first");
	_Static_assert(offsetof(struct revel_cli_api, abi) == 0, "ffi.cdef: abi first");
}
