/* Generated from /work/main/engine/decode/xlat/tcp_opts.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <netinet/tcp.h>
#include "xlat.h"

const struct xlat x_tcp_opts[] = {
#if defined(TCP_NODELAY)
	{(uint64_t)(TCP_NODELAY), "TCP_NODELAY"},
#endif
#if defined(TCP_MAXSEG)
	{(uint64_t)(TCP_MAXSEG), "TCP_MAXSEG"},
#endif
#if defined(TCP_CORK)
	{(uint64_t)(TCP_CORK), "TCP_CORK"},
#endif
#if defined(TCP_KEEPIDLE)
	{(uint64_t)(TCP_KEEPIDLE), "TCP_KEEPIDLE"},
#endif
#if defined(TCP_KEEPINTVL)
	{(uint64_t)(TCP_KEEPINTVL), "TCP_KEEPINTVL"},
#endif
#if defined(TCP_KEEPCNT)
	{(uint64_t)(TCP_KEEPCNT), "TCP_KEEPCNT"},
#endif
#if defined(TCP_SYNCNT)
	{(uint64_t)(TCP_SYNCNT), "TCP_SYNCNT"},
#endif
#if defined(TCP_LINGER2)
	{(uint64_t)(TCP_LINGER2), "TCP_LINGER2"},
#endif
#if defined(TCP_DEFER_ACCEPT)
	{(uint64_t)(TCP_DEFER_ACCEPT), "TCP_DEFER_ACCEPT"},
#endif
#if defined(TCP_WINDOW_CLAMP)
	{(uint64_t)(TCP_WINDOW_CLAMP), "TCP_WINDOW_CLAMP"},
#endif
#if defined(TCP_INFO)
	{(uint64_t)(TCP_INFO), "TCP_INFO"},
#endif
#if defined(TCP_QUICKACK)
	{(uint64_t)(TCP_QUICKACK), "TCP_QUICKACK"},
#endif
#if defined(TCP_CONGESTION)
	{(uint64_t)(TCP_CONGESTION), "TCP_CONGESTION"},
#endif
#if defined(TCP_MD5SIG)
	{(uint64_t)(TCP_MD5SIG), "TCP_MD5SIG"},
#endif
#if defined(TCP_USER_TIMEOUT)
	{(uint64_t)(TCP_USER_TIMEOUT), "TCP_USER_TIMEOUT"},
#endif
#if defined(TCP_FASTOPEN)
	{(uint64_t)(TCP_FASTOPEN), "TCP_FASTOPEN"},
#endif
#if defined(TCP_FASTOPEN_CONNECT)
	{(uint64_t)(TCP_FASTOPEN_CONNECT), "TCP_FASTOPEN_CONNECT"},
#endif
#if defined(TCP_ULP)
	{(uint64_t)(TCP_ULP), "TCP_ULP"},
#endif
	{0, NULL},
};
