/* Generated from /work/main/engine/decode/xlat/ipproto.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <netinet/in.h>
#include "xlat.h"

const struct xlat x_ipproto[] = {
#if defined(IPPROTO_IP)
	{(uint64_t)(IPPROTO_IP), "IPPROTO_IP"},
#endif
#if defined(IPPROTO_ICMP)
	{(uint64_t)(IPPROTO_ICMP), "IPPROTO_ICMP"},
#endif
#if defined(IPPROTO_IGMP)
	{(uint64_t)(IPPROTO_IGMP), "IPPROTO_IGMP"},
#endif
#if defined(IPPROTO_IPIP)
	{(uint64_t)(IPPROTO_IPIP), "IPPROTO_IPIP"},
#endif
#if defined(IPPROTO_TCP)
	{(uint64_t)(IPPROTO_TCP), "IPPROTO_TCP"},
#endif
#if defined(IPPROTO_EGP)
	{(uint64_t)(IPPROTO_EGP), "IPPROTO_EGP"},
#endif
#if defined(IPPROTO_PUP)
	{(uint64_t)(IPPROTO_PUP), "IPPROTO_PUP"},
#endif
#if defined(IPPROTO_UDP)
	{(uint64_t)(IPPROTO_UDP), "IPPROTO_UDP"},
#endif
#if defined(IPPROTO_IDP)
	{(uint64_t)(IPPROTO_IDP), "IPPROTO_IDP"},
#endif
#if defined(IPPROTO_TP)
	{(uint64_t)(IPPROTO_TP), "IPPROTO_TP"},
#endif
#if defined(IPPROTO_DCCP)
	{(uint64_t)(IPPROTO_DCCP), "IPPROTO_DCCP"},
#endif
#if defined(IPPROTO_IPV6)
	{(uint64_t)(IPPROTO_IPV6), "IPPROTO_IPV6"},
#endif
#if defined(IPPROTO_RSVP)
	{(uint64_t)(IPPROTO_RSVP), "IPPROTO_RSVP"},
#endif
#if defined(IPPROTO_GRE)
	{(uint64_t)(IPPROTO_GRE), "IPPROTO_GRE"},
#endif
#if defined(IPPROTO_ESP)
	{(uint64_t)(IPPROTO_ESP), "IPPROTO_ESP"},
#endif
#if defined(IPPROTO_AH)
	{(uint64_t)(IPPROTO_AH), "IPPROTO_AH"},
#endif
#if defined(IPPROTO_ICMPV6)
	{(uint64_t)(IPPROTO_ICMPV6), "IPPROTO_ICMPV6"},
#endif
#if defined(IPPROTO_MTP)
	{(uint64_t)(IPPROTO_MTP), "IPPROTO_MTP"},
#endif
#if defined(IPPROTO_BEETPH)
	{(uint64_t)(IPPROTO_BEETPH), "IPPROTO_BEETPH"},
#endif
#if defined(IPPROTO_ENCAP)
	{(uint64_t)(IPPROTO_ENCAP), "IPPROTO_ENCAP"},
#endif
#if defined(IPPROTO_PIM)
	{(uint64_t)(IPPROTO_PIM), "IPPROTO_PIM"},
#endif
#if defined(IPPROTO_COMP)
	{(uint64_t)(IPPROTO_COMP), "IPPROTO_COMP"},
#endif
#if defined(IPPROTO_L2TP)
	{(uint64_t)(IPPROTO_L2TP), "IPPROTO_L2TP"},
#else
	{(uint64_t)(0x73), "IPPROTO_L2TP"},
#endif
#if defined(IPPROTO_SCTP)
	{(uint64_t)(IPPROTO_SCTP), "IPPROTO_SCTP"},
#endif
#if defined(IPPROTO_UDPLITE)
	{(uint64_t)(IPPROTO_UDPLITE), "IPPROTO_UDPLITE"},
#endif
#if defined(IPPROTO_MPLS)
	{(uint64_t)(IPPROTO_MPLS), "IPPROTO_MPLS"},
#endif
#if defined(IPPROTO_ETHERNET)
	{(uint64_t)(IPPROTO_ETHERNET), "IPPROTO_ETHERNET"},
#endif
#if defined(IPPROTO_RAW)
	{(uint64_t)(IPPROTO_RAW), "IPPROTO_RAW"},
#endif
#if defined(IPPROTO_MPTCP)
	{(uint64_t)(IPPROTO_MPTCP), "IPPROTO_MPTCP"},
#endif
	{0, NULL},
};
