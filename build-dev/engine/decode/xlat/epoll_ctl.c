/* Generated from /work/main/engine/decode/xlat/epoll_ctl.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/eventpoll.h>
#include "xlat.h"

const struct xlat x_epoll_ctl[] = {
#if defined(EPOLL_CTL_ADD)
	{(uint64_t)(EPOLL_CTL_ADD), "EPOLL_CTL_ADD"},
#endif
#if defined(EPOLL_CTL_DEL)
	{(uint64_t)(EPOLL_CTL_DEL), "EPOLL_CTL_DEL"},
#endif
#if defined(EPOLL_CTL_MOD)
	{(uint64_t)(EPOLL_CTL_MOD), "EPOLL_CTL_MOD"},
#endif
	{0, NULL},
};
