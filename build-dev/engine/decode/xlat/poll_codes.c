/* Generated from /work/main/engine/decode/xlat/poll_codes.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <signal.h>
#include "xlat.h"

const struct xlat x_poll_codes[] = {
#if defined(POLL_IN)
	{(uint64_t)(POLL_IN), "POLL_IN"},
#endif
#if defined(POLL_OUT)
	{(uint64_t)(POLL_OUT), "POLL_OUT"},
#endif
#if defined(POLL_MSG)
	{(uint64_t)(POLL_MSG), "POLL_MSG"},
#endif
#if defined(POLL_ERR)
	{(uint64_t)(POLL_ERR), "POLL_ERR"},
#endif
#if defined(POLL_PRI)
	{(uint64_t)(POLL_PRI), "POLL_PRI"},
#endif
#if defined(POLL_HUP)
	{(uint64_t)(POLL_HUP), "POLL_HUP"},
#endif
	{0, NULL},
};
