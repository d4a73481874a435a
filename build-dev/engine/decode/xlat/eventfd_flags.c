/* Generated from /work/main/engine/decode/xlat/eventfd_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/eventfd.h>
#include "xlat.h"

const struct xlat x_eventfd_flags[] = {
#if defined(EFD_SEMAPHORE)
	{(uint64_t)(EFD_SEMAPHORE), "EFD_SEMAPHORE"},
#endif
#if defined(EFD_CLOEXEC)
	{(uint64_t)(EFD_CLOEXEC), "EFD_CLOEXEC"},
#endif
#if defined(EFD_NONBLOCK)
	{(uint64_t)(EFD_NONBLOCK), "EFD_NONBLOCK"},
#endif
	{0, NULL},
};
