/* Generated from /work/main/engine/decode/xlat/bus_codes.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <signal.h>
#include "xlat.h"

const struct xlat x_bus_codes[] = {
#if defined(BUS_ADRALN)
	{(uint64_t)(BUS_ADRALN), "BUS_ADRALN"},
#endif
#if defined(BUS_ADRERR)
	{(uint64_t)(BUS_ADRERR), "BUS_ADRERR"},
#endif
#if defined(BUS_OBJERR)
	{(uint64_t)(BUS_OBJERR), "BUS_OBJERR"},
#endif
#if defined(BUS_MCEERR_AR)
	{(uint64_t)(BUS_MCEERR_AR), "BUS_MCEERR_AR"},
#endif
#if defined(BUS_MCEERR_AO)
	{(uint64_t)(BUS_MCEERR_AO), "BUS_MCEERR_AO"},
#endif
	{0, NULL},
};
