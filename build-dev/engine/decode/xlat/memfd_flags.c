/* Generated from /work/main/engine/decode/xlat/memfd_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/memfd.h>
#include "xlat.h"

const struct xlat x_memfd_flags[] = {
#if defined(MFD_CLOEXEC)
	{(uint64_t)(MFD_CLOEXEC), "MFD_CLOEXEC"},
#endif
#if defined(MFD_ALLOW_SEALING)
	{(uint64_t)(MFD_ALLOW_SEALING), "MFD_ALLOW_SEALING"},
#endif
#if defined(MFD_HUGETLB)
	{(uint64_t)(MFD_HUGETLB), "MFD_HUGETLB"},
#endif
#if defined(MFD_NOEXEC_SEAL)
	{(uint64_t)(MFD_NOEXEC_SEAL), "MFD_NOEXEC_SEAL"},
#else
	{(uint64_t)(0x8), "MFD_NOEXEC_SEAL"},
#endif
#if defined(MFD_EXEC)
	{(uint64_t)(MFD_EXEC), "MFD_EXEC"},
#else
	{(uint64_t)(0x10), "MFD_EXEC"},
#endif
	{0, NULL},
};
