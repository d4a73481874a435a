/* Generated from /work/main/engine/decode/xlat/epoll_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/eventpoll.h>
#include "xlat.h"

const struct xlat x_epoll_flags[] = {
#if defined(EPOLL_CLOEXEC)
	{(uint64_t)(EPOLL_CLOEXEC), "EPOLL_CLOEXEC"},
#endif
	{0, NULL},
};
