/* Generated from /work/main/engine/decode/xlat/fd_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <fcntl.h>
#include "xlat.h"

const struct xlat x_fd_flags[] = {
#if defined(FD_CLOEXEC)
	{(uint64_t)(FD_CLOEXEC), "FD_CLOEXEC"},
#endif
	{0, NULL},
};
