/* fmt_syscalls.h: what the per-syscall decoder files share. */
#ifndef REVEL_FMT_SYSCALLS_H
#define REVEL_FMT_SYSCALLS_H

#include "fmt_internal.h"

/* A decoder's parameters, and one argument with its separator and span. */
#define DEC struct fc *c, long nr, const int64_t *a, struct revel_fmt_state *st
#define U(i) ((uint64_t)a[i])
#define ARG(i, ...)                                                                                \
	do {                                                                                       \
		arg_begin(c, st, (i));                                                             \
		__VA_ARGS__;                                                                       \
		arg_end(c, st, (i));                                                               \
	} while (0)

/* On entry: stop before argument i; the exit half starts there. */
void split_at(struct fc *c, struct revel_fmt_state *st, int i);

bool sys_decode(DEC);
bool sys_decode_file(DEC);
bool sys_decode_net(DEC);
bool sys_decode_misc(DEC);
/* A flag or value table for argument arg of nr, if it has one. */
const struct xlat *flag_table(long nr, int arg, bool *value);

#endif
