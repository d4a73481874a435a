/* filter.h: the seccomp filter of the subscribed syscalls, loaded in the
 * child before execve. */
#ifndef REVEL_FILTER_H
#define REVEL_FILTER_H

#include <stdbool.h>
#include <revel/engine.h>

/* SECCOMP_RET_DATA of our TRACE actions, to tell our stops from a guest filter's. */
#define REVEL_SECCOMP_DATA 0x7e1
/* ...and of a clone or clone3 that stops so that CLONE_UNTRACED is taken
 * away, subscribed or not. Any other data is a guest filter's. */
#define REVEL_SECCOMP_CLONE 0x7e2

/* ...and of the calls --placement=together answers (place.c), subscribed
 * or not. */
#define REVEL_SECCOMP_PLACE 0x7e3

int filter_load(const unsigned char subscribed[REVEL_NR_MAX], bool set_nnp, int placement);
/* sched_getaffinity, sched_setaffinity, openat, open: the calls that stop
 * with REVEL_SECCOMP_PLACE under REVEL_PLACE_TOGETHER. */
bool filter_is_place_call(long nr);

#endif
