/* Generated from /work/main/engine/decode/xlat/sock_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/socket.h>
#include "xlat.h"

const struct xlat x_sock_flags[] = {
#if defined(SOCK_CLOEXEC)
	{(uint64_t)(SOCK_CLOEXEC), "SOCK_CLOEXEC"},
#endif
#if defined(SOCK_NONBLOCK)
	{(uint64_t)(SOCK_NONBLOCK), "SOCK_NONBLOCK"},
#endif
	{0, NULL},
};
