/* Generated from /work/main/engine/decode/xlat/arch_prctl.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <asm/prctl.h>
#include "xlat.h"

const struct xlat x_arch_prctl[] = {
#if defined(ARCH_SET_GS)
	{(uint64_t)(ARCH_SET_GS), "ARCH_SET_GS"},
#endif
#if defined(ARCH_SET_FS)
	{(uint64_t)(ARCH_SET_FS), "ARCH_SET_FS"},
#endif
#if defined(ARCH_GET_FS)
	{(uint64_t)(ARCH_GET_FS), "ARCH_GET_FS"},
#endif
#if defined(ARCH_GET_GS)
	{(uint64_t)(ARCH_GET_GS), "ARCH_GET_GS"},
#endif
#if defined(ARCH_GET_CPUID)
	{(uint64_t)(ARCH_GET_CPUID), "ARCH_GET_CPUID"},
#endif
#if defined(ARCH_SET_CPUID)
	{(uint64_t)(ARCH_SET_CPUID), "ARCH_SET_CPUID"},
#endif
#if defined(ARCH_GET_XCOMP_SUPP)
	{(uint64_t)(ARCH_GET_XCOMP_SUPP), "ARCH_GET_XCOMP_SUPP"},
#endif
#if defined(ARCH_GET_XCOMP_PERM)
	{(uint64_t)(ARCH_GET_XCOMP_PERM), "ARCH_GET_XCOMP_PERM"},
#endif
#if defined(ARCH_REQ_XCOMP_PERM)
	{(uint64_t)(ARCH_REQ_XCOMP_PERM), "ARCH_REQ_XCOMP_PERM"},
#endif
#if defined(ARCH_GET_XCOMP_GUEST_PERM)
	{(uint64_t)(ARCH_GET_XCOMP_GUEST_PERM), "ARCH_GET_XCOMP_GUEST_PERM"},
#endif
#if defined(ARCH_REQ_XCOMP_GUEST_PERM)
	{(uint64_t)(ARCH_REQ_XCOMP_GUEST_PERM), "ARCH_REQ_XCOMP_GUEST_PERM"},
#endif
#if defined(ARCH_MAP_VDSO_X32)
	{(uint64_t)(ARCH_MAP_VDSO_X32), "ARCH_MAP_VDSO_X32"},
#endif
#if defined(ARCH_MAP_VDSO_32)
	{(uint64_t)(ARCH_MAP_VDSO_32), "ARCH_MAP_VDSO_32"},
#endif
#if defined(ARCH_MAP_VDSO_64)
	{(uint64_t)(ARCH_MAP_VDSO_64), "ARCH_MAP_VDSO_64"},
#endif
#if defined(ARCH_GET_UNTAG_MASK)
	{(uint64_t)(ARCH_GET_UNTAG_MASK), "ARCH_GET_UNTAG_MASK"},
#else
	{(uint64_t)(0x4001), "ARCH_GET_UNTAG_MASK"},
#endif
#if defined(ARCH_ENABLE_TAGGED_ADDR)
	{(uint64_t)(ARCH_ENABLE_TAGGED_ADDR), "ARCH_ENABLE_TAGGED_ADDR"},
#else
	{(uint64_t)(0x4002), "ARCH_ENABLE_TAGGED_ADDR"},
#endif
#if defined(ARCH_GET_MAX_TAG_BITS)
	{(uint64_t)(ARCH_GET_MAX_TAG_BITS), "ARCH_GET_MAX_TAG_BITS"},
#else
	{(uint64_t)(0x4003), "ARCH_GET_MAX_TAG_BITS"},
#endif
#if defined(ARCH_FORCE_TAGGED_SVA)
	{(uint64_t)(ARCH_FORCE_TAGGED_SVA), "ARCH_FORCE_TAGGED_SVA"},
#else
	{(uint64_t)(0x4004), "ARCH_FORCE_TAGGED_SVA"},
#endif
#if defined(ARCH_SHSTK_ENABLE)
	{(uint64_t)(ARCH_SHSTK_ENABLE), "ARCH_SHSTK_ENABLE"},
#else
	{(uint64_t)(0x5001), "ARCH_SHSTK_ENABLE"},
#endif
#if defined(ARCH_SHSTK_DISABLE)
	{(uint64_t)(ARCH_SHSTK_DISABLE), "ARCH_SHSTK_DISABLE"},
#else
	{(uint64_t)(0x5002), "ARCH_SHSTK_DISABLE"},
#endif
#if defined(ARCH_SHSTK_LOCK)
	{(uint64_t)(ARCH_SHSTK_LOCK), "ARCH_SHSTK_LOCK"},
#else
	{(uint64_t)(0x5003), "ARCH_SHSTK_LOCK"},
#endif
#if defined(ARCH_SHSTK_UNLOCK)
	{(uint64_t)(ARCH_SHSTK_UNLOCK), "ARCH_SHSTK_UNLOCK"},
#else
	{(uint64_t)(0x5004), "ARCH_SHSTK_UNLOCK"},
#endif
#if defined(ARCH_SHSTK_STATUS)
	{(uint64_t)(ARCH_SHSTK_STATUS), "ARCH_SHSTK_STATUS"},
#else
	{(uint64_t)(0x5005), "ARCH_SHSTK_STATUS"},
#endif
	{0, NULL},
};
