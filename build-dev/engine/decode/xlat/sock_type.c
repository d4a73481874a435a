/* Generated from /work/main/engine/decode/xlat/sock_type.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/socket.h>
#include "xlat.h"

const struct xlat x_sock_type[] = {
#if defined(SOCK_STREAM)
	{(uint64_t)(SOCK_STREAM), "SOCK_STREAM"},
#endif
#if defined(SOCK_DGRAM)
	{(uint64_t)(SOCK_DGRAM), "SOCK_DGRAM"},
#endif
#if defined(SOCK_RAW)
	{(uint64_t)(SOCK_RAW), "SOCK_RAW"},
#endif
#if defined(SOCK_RDM)
	{(uint64_t)(SOCK_RDM), "SOCK_RDM"},
#endif
#if defined(SOCK_SEQPACKET)
	{(uint64_t)(SOCK_SEQPACKET), "SOCK_SEQPACKET"},
#endif
#if defined(SOCK_DCCP)
	{(uint64_t)(SOCK_DCCP), "SOCK_DCCP"},
#endif
#if defined(SOCK_PACKET)
	{(uint64_t)(SOCK_PACKET), "SOCK_PACKET"},
#endif
	{0, NULL},
};
