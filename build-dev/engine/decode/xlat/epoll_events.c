/* Generated from /work/main/engine/decode/xlat/epoll_events.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/eventpoll.h>
#include "xlat.h"

const struct xlat x_epoll_events[] = {
#if defined(EPOLLIN)
	{(uint64_t)(EPOLLIN), "EPOLLIN"},
#endif
#if defined(EPOLLPRI)
	{(uint64_t)(EPOLLPRI), "EPOLLPRI"},
#endif
#if defined(EPOLLOUT)
	{(uint64_t)(EPOLLOUT), "EPOLLOUT"},
#endif
#if defined(EPOLLERR)
	{(uint64_t)(EPOLLERR), "EPOLLERR"},
#endif
#if defined(EPOLLHUP)
	{(uint64_t)(EPOLLHUP), "EPOLLHUP"},
#endif
#if defined(EPOLLNVAL)
	{(uint64_t)(EPOLLNVAL), "EPOLLNVAL"},
#endif
#if defined(EPOLLRDNORM)
	{(uint64_t)(EPOLLRDNORM), "EPOLLRDNORM"},
#endif
#if defined(EPOLLRDBAND)
	{(uint64_t)(EPOLLRDBAND), "EPOLLRDBAND"},
#endif
#if defined(EPOLLWRNORM)
	{(uint64_t)(EPOLLWRNORM), "EPOLLWRNORM"},
#endif
#if defined(EPOLLWRBAND)
	{(uint64_t)(EPOLLWRBAND), "EPOLLWRBAND"},
#endif
#if defined(EPOLLMSG)
	{(uint64_t)(EPOLLMSG), "EPOLLMSG"},
#endif
#if defined(EPOLLRDHUP)
	{(uint64_t)(EPOLLRDHUP), "EPOLLRDHUP"},
#endif
#if defined(EPOLLURING_WAKE)
	{(uint64_t)(EPOLLURING_WAKE), "EPOLLURING_WAKE"},
#else
	{(uint64_t)(0x8000000), "EPOLLURING_WAKE"},
#endif
#if defined(EPOLLEXCLUSIVE)
	{(uint64_t)(EPOLLEXCLUSIVE), "EPOLLEXCLUSIVE"},
#endif
#if defined(EPOLLWAKEUP)
	{(uint64_t)(EPOLLWAKEUP), "EPOLLWAKEUP"},
#endif
#if defined(EPOLLONESHOT)
	{(uint64_t)(EPOLLONESHOT), "EPOLLONESHOT"},
#endif
#if defined(EPOLLET)
	{(uint64_t)(EPOLLET), "EPOLLET"},
#endif
	{0, NULL},
};
