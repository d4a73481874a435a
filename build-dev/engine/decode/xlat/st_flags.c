/* Generated from /work/main/engine/decode/xlat/st_flags.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/statvfs.h>
#include "xlat.h"

const struct xlat x_st_flags[] = {
#if defined(ST_RDONLY)
	{(uint64_t)(ST_RDONLY), "ST_RDONLY"},
#endif
#if defined(ST_NOSUID)
	{(uint64_t)(ST_NOSUID), "ST_NOSUID"},
#endif
#if defined(ST_NODEV)
	{(uint64_t)(ST_NODEV), "ST_NODEV"},
#endif
#if defined(ST_NOEXEC)
	{(uint64_t)(ST_NOEXEC), "ST_NOEXEC"},
#endif
#if defined(ST_SYNCHRONOUS)
	{(uint64_t)(ST_SYNCHRONOUS), "ST_SYNCHRONOUS"},
#endif
#if defined(ST_VALID)
	{(uint64_t)(ST_VALID), "ST_VALID"},
#else
	{(uint64_t)(0x20), "ST_VALID"},
#endif
#if defined(ST_MANDLOCK)
	{(uint64_t)(ST_MANDLOCK), "ST_MANDLOCK"},
#endif
#if defined(ST_NOATIME)
	{(uint64_t)(ST_NOATIME), "ST_NOATIME"},
#endif
#if defined(ST_NODIRATIME)
	{(uint64_t)(ST_NODIRATIME), "ST_NODIRATIME"},
#endif
#if defined(ST_RELATIME)
	{(uint64_t)(ST_RELATIME), "ST_RELATIME"},
#endif
#if defined(ST_NOSYMFOLLOW)
	{(uint64_t)(ST_NOSYMFOLLOW), "ST_NOSYMFOLLOW"},
#else
	{(uint64_t)(0x2000000), "ST_NOSYMFOLLOW"},
#endif
	{0, NULL},
};
