/* Generated from /work/main/engine/decode/xlat/msg_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/socket.h>
#include "xlat.h"

const struct xlat x_msg_flags[] = {
#if defined(MSG_OOB)
	{(uint64_t)(MSG_OOB), "MSG_OOB"},
#endif
#if defined(MSG_PEEK)
	{(uint64_t)(MSG_PEEK), "MSG_PEEK"},
#endif
#if defined(MSG_DONTROUTE)
	{(uint64_t)(MSG_DONTROUTE), "MSG_DONTROUTE"},
#endif
#if defined(MSG_CTRUNC)
	{(uint64_t)(MSG_CTRUNC), "MSG_CTRUNC"},
#endif
#if defined(MSG_PROXY)
	{(uint64_t)(MSG_PROXY), "MSG_PROXY"},
#endif
#if defined(MSG_TRUNC)
	{(uint64_t)(MSG_TRUNC), "MSG_TRUNC"},
#endif
#if defined(MSG_DONTWAIT)
	{(uint64_t)(MSG_DONTWAIT), "MSG_DONTWAIT"},
#endif
#if defined(MSG_EOR)
	{(uint64_t)(MSG_EOR), "MSG_EOR"},
#endif
#if defined(MSG_WAITALL)
	{(uint64_t)(MSG_WAITALL), "MSG_WAITALL"},
#endif
#if defined(MSG_FIN)
	{(uint64_t)(MSG_FIN), "MSG_FIN"},
#endif
#if defined(MSG_SYN)
	{(uint64_t)(MSG_SYN), "MSG_SYN"},
#endif
#if defined(MSG_CONFIRM)
	{(uint64_t)(MSG_CONFIRM), "MSG_CONFIRM"},
#endif
#if defined(MSG_RST)
	{(uint64_t)(MSG_RST), "MSG_RST"},
#endif
#if defined(MSG_ERRQUEUE)
	{(uint64_t)(MSG_ERRQUEUE), "MSG_ERRQUEUE"},
#endif
#if defined(MSG_NOSIGNAL)
	{(uint64_t)(MSG_NOSIGNAL), "MSG_NOSIGNAL"},
#endif
#if defined(MSG_MORE)
	{(uint64_t)(MSG_MORE), "MSG_MORE"},
#endif
#if defined(MSG_WAITFORONE)
	{(uint64_t)(MSG_WAITFORONE), "MSG_WAITFORONE"},
#endif
#if defined(MSG_SENDPAGE_NOPOLICY)
	{(uint64_t)(MSG_SENDPAGE_NOPOLICY), "MSG_SENDPAGE_NOPOLICY"},
#else
	{(uint64_t)(0x20000), "MSG_SENDPAGE_NOPOLICY"},
#endif
#if defined(MSG_ZEROCOPY)
	{(uint64_t)(MSG_ZEROCOPY), "MSG_ZEROCOPY"},
#endif
#if defined(MSG_FASTOPEN)
	{(uint64_t)(MSG_FASTOPEN), "MSG_FASTOPEN"},
#endif
#if defined(MSG_CMSG_CLOEXEC)
	{(uint64_t)(MSG_CMSG_CLOEXEC), "MSG_CMSG_CLOEXEC"},
#endif
	{0, NULL},
};
