/* Generated from /work/main/engine/decode/xlat/nl_proto.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/netlink.h>
#include "xlat.h"

const struct xlat x_nl_proto[] = {
#if defined(NETLINK_ROUTE)
	{(uint64_t)(NETLINK_ROUTE), "NETLINK_ROUTE"},
#endif
#if defined(NETLINK_UNUSED)
	{(uint64_t)(NETLINK_UNUSED), "NETLINK_UNUSED"},
#endif
#if defined(NETLINK_USERSOCK)
	{(uint64_t)(NETLINK_USERSOCK), "NETLINK_USERSOCK"},
#endif
#if defined(NETLINK_FIREWALL)
	{(uint64_t)(NETLINK_FIREWALL), "NETLINK_FIREWALL"},
#endif
#if defined(NETLINK_SOCK_DIAG)
	{(uint64_t)(NETLINK_SOCK_DIAG), "NETLINK_SOCK_DIAG"},
#endif
#if defined(NETLINK_NFLOG)
	{(uint64_t)(NETLINK_NFLOG), "NETLINK_NFLOG"},
#endif
#if defined(NETLINK_XFRM)
	{(uint64_t)(NETLINK_XFRM), "NETLINK_XFRM"},
#endif
#if defined(NETLINK_SELINUX)
	{(uint64_t)(NETLINK_SELINUX), "NETLINK_SELINUX"},
#endif
#if defined(NETLINK_ISCSI)
	{(uint64_t)(NETLINK_ISCSI), "NETLINK_ISCSI"},
#endif
#if defined(NETLINK_AUDIT)
	{(uint64_t)(NETLINK_AUDIT), "NETLINK_AUDIT"},
#endif
#if defined(NETLINK_FIB_LOOKUP)
	{(uint64_t)(NETLINK_FIB_LOOKUP), "NETLINK_FIB_LOOKUP"},
#endif
#if defined(NETLINK_CONNECTOR)
	{(uint64_t)(NETLINK_CONNECTOR), "NETLINK_CONNECTOR"},
#endif
#if defined(NETLINK_NETFILTER)
	{(uint64_t)(NETLINK_NETFILTER), "NETLINK_NETFILTER"},
#endif
#if defined(NETLINK_IP6_FW)
	{(uint64_t)(NETLINK_IP6_FW), "NETLINK_IP6_FW"},
#endif
#if defined(NETLINK_DNRTMSG)
	{(uint64_t)(NETLINK_DNRTMSG), "NETLINK_DNRTMSG"},
#endif
#if defined(NETLINK_KOBJECT_UEVENT)
	{(uint64_t)(NETLINK_KOBJECT_UEVENT), "NETLINK_KOBJECT_UEVENT"},
#endif
#if defined(NETLINK_GENERIC)
	{(uint64_t)(NETLINK_GENERIC), "NETLINK_GENERIC"},
#endif
#if defined(NETLINK_SCSITRANSPORT)
	{(uint64_t)(NETLINK_SCSITRANSPORT), "NETLINK_SCSITRANSPORT"},
#endif
#if defined(NETLINK_ECRYPTFS)
	{(uint64_t)(NETLINK_ECRYPTFS), "NETLINK_ECRYPTFS"},
#endif
#if defined(NETLINK_RDMA)
	{(uint64_t)(NETLINK_RDMA), "NETLINK_RDMA"},
#endif
#if defined(NETLINK_CRYPTO)
	{(uint64_t)(NETLINK_CRYPTO), "NETLINK_CRYPTO"},
#endif
#if defined(NETLINK_SMC)
	{(uint64_t)(NETLINK_SMC), "NETLINK_SMC"},
#endif
	{0, NULL},
};
