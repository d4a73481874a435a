/* Generated from /work/main/engine/decode/xlat/af.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/socket.h>
#include "xlat.h"

const struct xlat x_af[] = {
#if defined(AF_UNSPEC)
	{(uint64_t)(AF_UNSPEC), "AF_UNSPEC"},
#endif
#if defined(AF_UNIX)
	{(uint64_t)(AF_UNIX), "AF_UNIX"},
#endif
#if defined(AF_INET)
	{(uint64_t)(AF_INET), "AF_INET"},
#endif
#if defined(AF_AX25)
	{(uint64_t)(AF_AX25), "AF_AX25"},
#endif
#if defined(AF_IPX)
	{(uint64_t)(AF_IPX), "AF_IPX"},
#endif
#if defined(AF_APPLETALK)
	{(uint64_t)(AF_APPLETALK), "AF_APPLETALK"},
#endif
#if defined(AF_NETROM)
	{(uint64_t)(AF_NETROM), "AF_NETROM"},
#endif
#if defined(AF_BRIDGE)
	{(uint64_t)(AF_BRIDGE), "AF_BRIDGE"},
#endif
#if defined(AF_ATMPVC)
	{(uint64_t)(AF_ATMPVC), "AF_ATMPVC"},
#endif
#if defined(AF_X25)
	{(uint64_t)(AF_X25), "AF_X25"},
#endif
#if defined(AF_INET6)
	{(uint64_t)(AF_INET6), "AF_INET6"},
#endif
#if defined(AF_ROSE)
	{(uint64_t)(AF_ROSE), "AF_ROSE"},
#endif
#if defined(AF_DECnet)
	{(uint64_t)(AF_DECnet), "AF_DECnet"},
#endif
#if defined(AF_NETBEUI)
	{(uint64_t)(AF_NETBEUI), "AF_NETBEUI"},
#endif
#if defined(AF_SECURITY)
	{(uint64_t)(AF_SECURITY), "AF_SECURITY"},
#endif
#if defined(AF_KEY)
	{(uint64_t)(AF_KEY), "AF_KEY"},
#endif
#if defined(AF_NETLINK)
	{(uint64_t)(AF_NETLINK), "AF_NETLINK"},
#endif
#if defined(AF_PACKET)
	{(uint64_t)(AF_PACKET), "AF_PACKET"},
#endif
#if defined(AF_ASH)
	{(uint64_t)(AF_ASH), "AF_ASH"},
#endif
#if defined(AF_ECONET)
	{(uint64_t)(AF_ECONET), "AF_ECONET"},
#endif
#if defined(AF_ATMSVC)
	{(uint64_t)(AF_ATMSVC), "AF_ATMSVC"},
#endif
#if defined(AF_RDS)
	{(uint64_t)(AF_RDS), "AF_RDS"},
#endif
#if defined(AF_SNA)
	{(uint64_t)(AF_SNA), "AF_SNA"},
#endif
#if defined(AF_IRDA)
	{(uint64_t)(AF_IRDA), "AF_IRDA"},
#endif
#if defined(AF_PPPOX)
	{(uint64_t)(AF_PPPOX), "AF_PPPOX"},
#endif
#if defined(AF_WANPIPE)
	{(uint64_t)(AF_WANPIPE), "AF_WANPIPE"},
#endif
#if defined(AF_LLC)
	{(uint64_t)(AF_LLC), "AF_LLC"},
#endif
#if defined(AF_IB)
	{(uint64_t)(AF_IB), "AF_IB"},
#endif
#if defined(AF_MPLS)
	{(uint64_t)(AF_MPLS), "AF_MPLS"},
#endif
#if defined(AF_CAN)
	{(uint64_t)(AF_CAN), "AF_CAN"},
#endif
#if defined(AF_TIPC)
	{(uint64_t)(AF_TIPC), "AF_TIPC"},
#endif
#if defined(AF_BLUETOOTH)
	{(uint64_t)(AF_BLUETOOTH), "AF_BLUETOOTH"},
#endif
#if defined(AF_IUCV)
	{(uint64_t)(AF_IUCV), "AF_IUCV"},
#endif
#if defined(AF_RXRPC)
	{(uint64_t)(AF_RXRPC), "AF_RXRPC"},
#endif
#if defined(AF_ISDN)
	{(uint64_t)(AF_ISDN), "AF_ISDN"},
#endif
#if defined(AF_PHONET)
	{(uint64_t)(AF_PHONET), "AF_PHONET"},
#endif
#if defined(AF_IEEE802154)
	{(uint64_t)(AF_IEEE802154), "AF_IEEE802154"},
#endif
#if defined(AF_CAIF)
	{(uint64_t)(AF_CAIF), "AF_CAIF"},
#endif
#if defined(AF_ALG)
	{(uint64_t)(AF_ALG), "AF_ALG"},
#endif
#if defined(AF_NFC)
	{(uint64_t)(AF_NFC), "AF_NFC"},
#endif
#if defined(AF_VSOCK)
	{(uint64_t)(AF_VSOCK), "AF_VSOCK"},
#endif
#if defined(AF_KCM)
	{(uint64_t)(AF_KCM), "AF_KCM"},
#endif
#if defined(AF_QIPCRTR)
	{(uint64_t)(AF_QIPCRTR), "AF_QIPCRTR"},
#endif
#if defined(AF_SMC)
	{(uint64_t)(AF_SMC), "AF_SMC"},
#endif
#if defined(AF_XDP)
	{(uint64_t)(AF_XDP), "AF_XDP"},
#endif
#if defined(AF_MCTP)
	{(uint64_t)(AF_MCTP), "AF_MCTP"},
#endif
	{0, NULL},
};
