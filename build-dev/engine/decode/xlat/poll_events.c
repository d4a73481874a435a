/* Generated from /work/main/engine/decode/xlat/poll_events.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <asm/poll.h>
#include "xlat.h"

const struct xlat x_poll_events[] = {
#if defined(POLLIN)
	{(uint64_t)(POLLIN), "POLLIN"},
#endif
#if defined(POLLPRI)
	{(uint64_t)(POLLPRI), "POLLPRI"},
#endif
#if defined(POLLOUT)
	{(uint64_t)(POLLOUT), "POLLOUT"},
#endif
#if defined(POLLERR)
	{(uint64_t)(POLLERR), "POLLERR"},
#endif
#if defined(POLLHUP)
	{(uint64_t)(POLLHUP), "POLLHUP"},
#endif
#if defined(POLLNVAL)
	{(uint64_t)(POLLNVAL), "POLLNVAL"},
#endif
#if defined(POLLRDNORM)
	{(uint64_t)(POLLRDNORM), "POLLRDNORM"},
#endif
#if defined(POLLRDBAND)
	{(uint64_t)(POLLRDBAND), "POLLRDBAND"},
#endif
#if defined(POLLWRNORM)
	{(uint64_t)(POLLWRNORM), "POLLWRNORM"},
#endif
#if defined(POLLWRBAND)
	{(uint64_t)(POLLWRBAND), "POLLWRBAND"},
#endif
#if defined(POLLMSG)
	{(uint64_t)(POLLMSG), "POLLMSG"},
#endif
#if defined(POLLREMOVE)
	{(uint64_t)(POLLREMOVE), "POLLREMOVE"},
#endif
#if defined(POLLRDHUP)
	{(uint64_t)(POLLRDHUP), "POLLRDHUP"},
#endif
	{0, NULL},
};
