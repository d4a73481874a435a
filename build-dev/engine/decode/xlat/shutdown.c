/* Generated from /work/main/engine/decode/xlat/shutdown.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/socket.h>
#include "xlat.h"

const struct xlat x_shutdown[] = {
#if defined(SHUT_RD)
	{(uint64_t)(SHUT_RD), "SHUT_RD"},
#endif
#if defined(SHUT_WR)
	{(uint64_t)(SHUT_WR), "SHUT_WR"},
#endif
#if defined(SHUT_RDWR)
	{(uint64_t)(SHUT_RDWR), "SHUT_RDWR"},
#endif
	{0, NULL},
};
