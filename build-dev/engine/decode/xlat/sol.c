/* Generated from /work/main/engine/decode/xlat/sol.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include "xlat.h"

const struct xlat x_sol[] = {
#if defined(SOL_IP)
	{(uint64_t)(SOL_IP), "SOL_IP"},
#endif
#if defined(SOL_SOCKET)
	{(uint64_t)(SOL_SOCKET), "SOL_SOCKET"},
#endif
#if defined(SOL_TCP)
	{(uint64_t)(SOL_TCP), "SOL_TCP"},
#endif
#if defined(SOL_UDP)
	{(uint64_t)(SOL_UDP), "SOL_UDP"},
#else
	{(uint64_t)(0x11), "SOL_UDP"},
#endif
#if defined(SOL_IPV6)
	{(uint64_t)(SOL_IPV6), "SOL_IPV6"},
#endif
#if defined(SOL_ICMPV6)
	{(uint64_t)(SOL_ICMPV6), "SOL_ICMPV6"},
#endif
#if defined(SOL_SCTP)
	{(uint64_t)(SOL_SCTP), "SOL_SCTP"},
#else
	{(uint64_t)(0x84), "SOL_SCTP"},
#endif
#if defined(SOL_RAW)
	{(uint64_t)(SOL_RAW), "SOL_RAW"},
#endif
#if defined(SOL_PACKET)
	{(uint64_t)(SOL_PACKET), "SOL_PACKET"},
#endif
#if defined(SOL_NETLINK)
	{(uint64_t)(SOL_NETLINK), "SOL_NETLINK"},
#endif
#if defined(SOL_ALG)
	{(uint64_t)(SOL_ALG), "SOL_ALG"},
#endif
#if defined(SOL_XDP)
	{(uint64_t)(SOL_XDP), "SOL_XDP"},
#endif
#if defined(SOL_MPTCP)
	{(uint64_t)(SOL_MPTCP), "SOL_MPTCP"},
#endif
	{0, NULL},
};
