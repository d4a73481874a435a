/* Generated from /work/main/engine/decode/xlat/wait_opts.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/wait.h>
#include "xlat.h"

const struct xlat x_wait_opts[] = {
#if defined(WNOHANG)
	{(uint64_t)(WNOHANG), "WNOHANG"},
#endif
#if defined(WUNTRACED)
	{(uint64_t)(WUNTRACED), "WUNTRACED"},
#endif
#if defined(WEXITED)
	{(uint64_t)(WEXITED), "WEXITED"},
#endif
#if defined(WCONTINUED)
	{(uint64_t)(WCONTINUED), "WCONTINUED"},
#endif
#if defined(WNOWAIT)
	{(uint64_t)(WNOWAIT), "WNOWAIT"},
#endif
#if defined(__WNOTHREAD)
	{(uint64_t)(__WNOTHREAD), "__WNOTHREAD"},
#endif
#if defined(__WALL)
	{(uint64_t)(__WALL), "__WALL"},
#endif
#if defined(__WCLONE)
	{(uint64_t)(__WCLONE), "__WCLONE"},
#endif
	{0, NULL},
};
