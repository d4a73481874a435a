/* Generated from /work/main/engine/decode/xlat/sockopt_ip.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <netinet/in.h>
#include "xlat.h"

const struct xlat x_sockopt_ip[] = {
#if defined(IP_TOS)
	{(uint64_t)(IP_TOS), "IP_TOS"},
#endif
#if defined(IP_TTL)
	{(uint64_t)(IP_TTL), "IP_TTL"},
#endif
#if defined(IP_HDRINCL)
	{(uint64_t)(IP_HDRINCL), "IP_HDRINCL"},
#endif
#if defined(IP_OPTIONS)
	{(uint64_t)(IP_OPTIONS), "IP_OPTIONS"},
#endif
#if defined(IP_RECVOPTS)
	{(uint64_t)(IP_RECVOPTS), "IP_RECVOPTS"},
#endif
#if defined(IP_MTU_DISCOVER)
	{(uint64_t)(IP_MTU_DISCOVER), "IP_MTU_DISCOVER"},
#endif
#if defined(IP_RECVERR)
	{(uint64_t)(IP_RECVERR), "IP_RECVERR"},
#endif
#if defined(IP_RECVTTL)
	{(uint64_t)(IP_RECVTTL), "IP_RECVTTL"},
#endif
#if defined(IP_RECVTOS)
	{(uint64_t)(IP_RECVTOS), "IP_RECVTOS"},
#endif
#if defined(IP_MTU)
	{(uint64_t)(IP_MTU), "IP_MTU"},
#endif
#if defined(IP_FREEBIND)
	{(uint64_t)(IP_FREEBIND), "IP_FREEBIND"},
#endif
#if defined(IP_TRANSPARENT)
	{(uint64_t)(IP_TRANSPARENT), "IP_TRANSPARENT"},
#endif
#if defined(IP_BIND_ADDRESS_NO_PORT)
	{(uint64_t)(IP_BIND_ADDRESS_NO_PORT), "IP_BIND_ADDRESS_NO_PORT"},
#endif
#if defined(IP_MULTICAST_IF)
	{(uint64_t)(IP_MULTICAST_IF), "IP_MULTICAST_IF"},
#endif
#if defined(IP_MULTICAST_TTL)
	{(uint64_t)(IP_MULTICAST_TTL), "IP_MULTICAST_TTL"},
#endif
#if defined(IP_MULTICAST_LOOP)
	{(uint64_t)(IP_MULTICAST_LOOP), "IP_MULTICAST_LOOP"},
#endif
#if defined(IP_ADD_MEMBERSHIP)
	{(uint64_t)(IP_ADD_MEMBERSHIP), "IP_ADD_MEMBERSHIP"},
#endif
#if defined(IP_DROP_MEMBERSHIP)
	{(uint64_t)(IP_DROP_MEMBERSHIP), "IP_DROP_MEMBERSHIP"},
#endif
	{0, NULL},
};
