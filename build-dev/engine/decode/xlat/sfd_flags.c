/* Generated from /work/main/engine/decode/xlat/sfd_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/signalfd.h>
#include "xlat.h"

const struct xlat x_sfd_flags[] = {
#if defined(SFD_CLOEXEC)
	{(uint64_t)(SFD_CLOEXEC), "SFD_CLOEXEC"},
#endif
#if defined(SFD_NONBLOCK)
	{(uint64_t)(SFD_NONBLOCK), "SFD_NONBLOCK"},
#endif
	{0, NULL},
};
