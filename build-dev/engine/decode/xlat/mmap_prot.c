/* Generated from /work/main/engine/decode/xlat/mmap_prot.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/mman.h>
#include "xlat.h"

const struct xlat x_mmap_prot[] = {
#if defined(PROT_READ)
	{(uint64_t)(PROT_READ), "PROT_READ"},
#endif
#if defined(PROT_WRITE)
	{(uint64_t)(PROT_WRITE), "PROT_WRITE"},
#endif
#if defined(PROT_EXEC)
	{(uint64_t)(PROT_EXEC), "PROT_EXEC"},
#endif
#if defined(PROT_SEM)
	{(uint64_t)(PROT_SEM), "PROT_SEM"},
#endif
#if defined(PROT_GROWSDOWN)
	{(uint64_t)(PROT_GROWSDOWN), "PROT_GROWSDOWN"},
#endif
#if defined(PROT_GROWSUP)
	{(uint64_t)(PROT_GROWSUP), "PROT_GROWSUP"},
#endif
	{0, NULL},
};
