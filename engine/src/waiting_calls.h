/* waiting_calls.h: the calls that can wait on another thread, a child, a
 * signal, the clock or the world (a pipe's or socket's peer, a lock, a
 * FIFO's other end) for as long as it takes. Two places treat them apart,
 * each adding calls of its own: --sched gives up a thread's turn when it is
 * seen asleep in one (engine/src/sched_calls.c), and the in-guest library
 * runs one with the guest's own signal mask, so that a signal interrupts it
 * as natively (guest/guest_signals.c, whose library builds waiting_calls.c
 * too). */
#ifndef REVEL_WAITING_CALLS_H
#define REVEL_WAITING_CALLS_H

#include <stdbool.h>

bool call_may_wait(long nr);

#endif
