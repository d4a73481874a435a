/* Generated from /work/main/engine/decode/xlat/rlimit.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <sys/resource.h>
#include "xlat.h"

const struct xlat x_rlimit[] = {
#if defined(RLIMIT_CPU)
	{(uint64_t)(RLIMIT_CPU), "RLIMIT_CPU"},
#endif
#if defined(RLIMIT_FSIZE)
	{(uint64_t)(RLIMIT_FSIZE), "RLIMIT_FSIZE"},
#endif
#if defined(RLIMIT_DATA)
	{(uint64_t)(RLIMIT_DATA), "RLIMIT_DATA"},
#endif
#if defined(RLIMIT_STACK)
	{(uint64_t)(RLIMIT_STACK), "RLIMIT_STACK"},
#endif
#if defined(RLIMIT_CORE)
	{(uint64_t)(RLIMIT_CORE), "RLIMIT_CORE"},
#endif
#if defined(RLIMIT_RSS)
	{(uint64_t)(RLIMIT_RSS), "RLIMIT_RSS"},
#endif
#if defined(RLIMIT_NPROC)
	{(uint64_t)(RLIMIT_NPROC), "RLIMIT_NPROC"},
#endif
#if defined(RLIMIT_NOFILE)
	{(uint64_t)(RLIMIT_NOFILE), "RLIMIT_NOFILE"},
#endif
#if defined(RLIMIT_MEMLOCK)
	{(uint64_t)(RLIMIT_MEMLOCK), "RLIMIT_MEMLOCK"},
#endif
#if defined(RLIMIT_AS)
	{(uint64_t)(RLIMIT_AS), "RLIMIT_AS"},
#endif
#if defined(RLIMIT_LOCKS)
	{(uint64_t)(RLIMIT_LOCKS), "RLIMIT_LOCKS"},
#endif
#if defined(RLIMIT_SIGPENDING)
	{(uint64_t)(RLIMIT_SIGPENDING), "RLIMIT_SIGPENDING"},
#endif
#if defined(RLIMIT_MSGQUEUE)
	{(uint64_t)(RLIMIT_MSGQUEUE), "RLIMIT_MSGQUEUE"},
#endif
#if defined(RLIMIT_NICE)
	{(uint64_t)(RLIMIT_NICE), "RLIMIT_NICE"},
#endif
#if defined(RLIMIT_RTPRIO)
	{(uint64_t)(RLIMIT_RTPRIO), "RLIMIT_RTPRIO"},
#endif
#if defined(RLIMIT_RTTIME)
	{(uint64_t)(RLIMIT_RTTIME), "RLIMIT_RTTIME"},
#endif
	{0, NULL},
};
