/* Generated from /work/main/engine/decode/xlat/so.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/socket.h>
#include "xlat.h"

const struct xlat x_so[] = {
#if defined(SO_DEBUG)
	{(uint64_t)(SO_DEBUG), "SO_DEBUG"},
#endif
#if defined(SO_REUSEADDR)
	{(uint64_t)(SO_REUSEADDR), "SO_REUSEADDR"},
#endif
#if defined(SO_TYPE)
	{(uint64_t)(SO_TYPE), "SO_TYPE"},
#endif
#if defined(SO_ERROR)
	{(uint64_t)(SO_ERROR), "SO_ERROR"},
#endif
#if defined(SO_DONTROUTE)
	{(uint64_t)(SO_DONTROUTE), "SO_DONTROUTE"},
#endif
#if defined(SO_BROADCAST)
	{(uint64_t)(SO_BROADCAST), "SO_BROADCAST"},
#endif
#if defined(SO_SNDBUF)
	{(uint64_t)(SO_SNDBUF), "SO_SNDBUF"},
#endif
#if defined(SO_RCVBUF)
	{(uint64_t)(SO_RCVBUF), "SO_RCVBUF"},
#endif
#if defined(SO_KEEPALIVE)
	{(uint64_t)(SO_KEEPALIVE), "SO_KEEPALIVE"},
#endif
#if defined(SO_OOBINLINE)
	{(uint64_t)(SO_OOBINLINE), "SO_OOBINLINE"},
#endif
#if defined(SO_NO_CHECK)
	{(uint64_t)(SO_NO_CHECK), "SO_NO_CHECK"},
#endif
#if defined(SO_PRIORITY)
	{(uint64_t)(SO_PRIORITY), "SO_PRIORITY"},
#endif
#if defined(SO_LINGER)
	{(uint64_t)(SO_LINGER), "SO_LINGER"},
#endif
#if defined(SO_BSDCOMPAT)
	{(uint64_t)(SO_BSDCOMPAT), "SO_BSDCOMPAT"},
#endif
#if defined(SO_REUSEPORT)
	{(uint64_t)(SO_REUSEPORT), "SO_REUSEPORT"},
#endif
#if defined(SO_PASSCRED)
	{(uint64_t)(SO_PASSCRED), "SO_PASSCRED"},
#endif
#if defined(SO_PEERCRED)
	{(uint64_t)(SO_PEERCRED), "SO_PEERCRED"},
#endif
#if defined(SO_RCVLOWAT)
	{(uint64_t)(SO_RCVLOWAT), "SO_RCVLOWAT"},
#endif
#if defined(SO_SNDLOWAT)
	{(uint64_t)(SO_SNDLOWAT), "SO_SNDLOWAT"},
#endif
#if defined(SO_RCVTIMEO_OLD)
	{(uint64_t)(SO_RCVTIMEO_OLD), "SO_RCVTIMEO_OLD"},
#endif
#if defined(SO_SNDTIMEO_OLD)
	{(uint64_t)(SO_SNDTIMEO_OLD), "SO_SNDTIMEO_OLD"},
#endif
#if defined(SO_BINDTODEVICE)
	{(uint64_t)(SO_BINDTODEVICE), "SO_BINDTODEVICE"},
#endif
#if defined(SO_ATTACH_FILTER)
	{(uint64_t)(SO_ATTACH_FILTER), "SO_ATTACH_FILTER"},
#endif
#if defined(SO_DETACH_FILTER)
	{(uint64_t)(SO_DETACH_FILTER), "SO_DETACH_FILTER"},
#endif
#if defined(SO_PEERNAME)
	{(uint64_t)(SO_PEERNAME), "SO_PEERNAME"},
#endif
#if defined(SO_TIMESTAMP_OLD)
	{(uint64_t)(SO_TIMESTAMP_OLD), "SO_TIMESTAMP_OLD"},
#endif
#if defined(SO_ACCEPTCONN)
	{(uint64_t)(SO_ACCEPTCONN), "SO_ACCEPTCONN"},
#endif
#if defined(SO_PEERSEC)
	{(uint64_t)(SO_PEERSEC), "SO_PEERSEC"},
#endif
#if defined(SO_SNDBUFFORCE)
	{(uint64_t)(SO_SNDBUFFORCE), "SO_SNDBUFFORCE"},
#endif
#if defined(SO_RCVBUFFORCE)
	{(uint64_t)(SO_RCVBUFFORCE), "SO_RCVBUFFORCE"},
#endif
#if defined(SO_PASSSEC)
	{(uint64_t)(SO_PASSSEC), "SO_PASSSEC"},
#endif
#if defined(SO_TIMESTAMPNS_OLD)
	{(uint64_t)(SO_TIMESTAMPNS_OLD), "SO_TIMESTAMPNS_OLD"},
#endif
#if defined(SO_MARK)
	{(uint64_t)(SO_MARK), "SO_MARK"},
#endif
#if defined(SO_TIMESTAMPING_OLD)
	{(uint64_t)(SO_TIMESTAMPING_OLD), "SO_TIMESTAMPING_OLD"},
#endif
#if defined(SO_PROTOCOL)
	{(uint64_t)(SO_PROTOCOL), "SO_PROTOCOL"},
#endif
#if defined(SO_DOMAIN)
	{(uint64_t)(SO_DOMAIN), "SO_DOMAIN"},
#endif
#if defined(SO_RXQ_OVFL)
	{(uint64_t)(SO_RXQ_OVFL), "SO_RXQ_OVFL"},
#endif
#if defined(SO_WIFI_STATUS)
	{(uint64_t)(SO_WIFI_STATUS), "SO_WIFI_STATUS"},
#endif
#if defined(SO_PEEK_OFF)
	{(uint64_t)(SO_PEEK_OFF), "SO_PEEK_OFF"},
#endif
#if defined(SO_NOFCS)
	{(uint64_t)(SO_NOFCS), "SO_NOFCS"},
#endif
#if defined(SO_BUSY_POLL)
	{(uint64_t)(SO_BUSY_POLL), "SO_BUSY_POLL"},
#endif
#if defined(SO_MAX_PACING_RATE)
	{(uint64_t)(SO_MAX_PACING_RATE), "SO_MAX_PACING_RATE"},
#endif
#if defined(SO_INCOMING_CPU)
	{(uint64_t)(SO_INCOMING_CPU), "SO_INCOMING_CPU"},
#endif
#if defined(SO_ATTACH_BPF)
	{(uint64_t)(SO_ATTACH_BPF), "SO_ATTACH_BPF"},
#endif
#if defined(SO_PEERGROUPS)
	{(uint64_t)(SO_PEERGROUPS), "SO_PEERGROUPS"},
#endif
#if defined(SO_ZEROCOPY)
	{(uint64_t)(SO_ZEROCOPY), "SO_ZEROCOPY"},
#endif
#if defined(SO_BINDTOIFINDEX)
	{(uint64_t)(SO_BINDTOIFINDEX), "SO_BINDTOIFINDEX"},
#endif
#if defined(SO_RCVTIMEO_NEW)
	{(uint64_t)(SO_RCVTIMEO_NEW), "SO_RCVTIMEO_NEW"},
#endif
#if defined(SO_SNDTIMEO_NEW)
	{(uint64_t)(SO_SNDTIMEO_NEW), "SO_SNDTIMEO_NEW"},
#endif
	{0, NULL},
};
