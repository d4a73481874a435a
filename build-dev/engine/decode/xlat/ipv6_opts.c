/* Generated from /work/main/engine/decode/xlat/ipv6_opts.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <netinet/in.h>
#include "xlat.h"

const struct xlat x_ipv6_opts[] = {
#if defined(IPV6_UNICAST_HOPS)
	{(uint64_t)(IPV6_UNICAST_HOPS), "IPV6_UNICAST_HOPS"},
#endif
#if defined(IPV6_MTU_DISCOVER)
	{(uint64_t)(IPV6_MTU_DISCOVER), "IPV6_MTU_DISCOVER"},
#endif
#if defined(IPV6_MTU)
	{(uint64_t)(IPV6_MTU), "IPV6_MTU"},
#endif
#if defined(IPV6_RECVERR)
	{(uint64_t)(IPV6_RECVERR), "IPV6_RECVERR"},
#endif
#if defined(IPV6_V6ONLY)
	{(uint64_t)(IPV6_V6ONLY), "IPV6_V6ONLY"},
#endif
#if defined(IPV6_RECVPKTINFO)
	{(uint64_t)(IPV6_RECVPKTINFO), "IPV6_RECVPKTINFO"},
#endif
#if defined(IPV6_TCLASS)
	{(uint64_t)(IPV6_TCLASS), "IPV6_TCLASS"},
#endif
	{0, NULL},
};
