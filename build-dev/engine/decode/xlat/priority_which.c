/* Generated from /work/main/engine/decode/xlat/priority_which.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/resource.h>
#include "xlat.h"

const struct xlat x_priority_which[] = {
#if defined(PRIO_PROCESS)
	{(uint64_t)(PRIO_PROCESS), "PRIO_PROCESS"},
#endif
#if defined(PRIO_PGRP)
	{(uint64_t)(PRIO_PGRP), "PRIO_PGRP"},
#endif
#if defined(PRIO_USER)
	{(uint64_t)(PRIO_USER), "PRIO_USER"},
#endif
	{0, NULL},
};
