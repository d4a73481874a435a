/* Threads on a TLS the in-guest library did not set up (guest/guest_tblock.c):
 * a raw clone without CLONE_SETTLS (on its creator's TLS) or with a TLS of
 * the guest's own making. Each gets a block of its own that the library's
 * code runs on, found by the thread's kernel tid at each entry. */
#ifndef REVEL_GUEST_TBLOCK_H
#define REVEL_GUEST_TBLOCK_H

/* the process has had such a thread: each entry looks its tid up */
extern volatile int guest_foreign;

/* Reads the TLS layout (at the library's start). */
void guest_tblock_init(void);
/* 1 when a new thread with these clone flags and TLS (CLONE_SETTLS's) would
 * run the library on a TLS it did not set up. */
int guest_tblock_needed(long flags, unsigned long tls);
/* A block for a new thread: the calling thread's TLS copied, the library's
 * own variables as a new thread's; 0 when none can be made. */
unsigned long guest_tblock_new(void);
/* The new thread's start: its block made its TLS (*guest_fs: the one it
 * had), and kept under its tid. */
void guest_tblock_adopt(unsigned long tp, unsigned long *guest_fs);
/* At an entry into the library (SIGSYS, a signal's wrapper): onto this
 * thread's block if it has one and is not on it; 1 then, *guest_fs the TLS
 * to go back to with guest_tblock_leave(). */
int guest_tblock_enter(unsigned long *guest_fs);
void guest_tblock_leave(unsigned long guest_fs);
/* The thread runs the guest's code for a moment (a signal handler of the
 * guest called from the wrapper): its own TLS, then the block again. */
unsigned long guest_tblock_out(void);
void guest_tblock_in(unsigned long saved);
/* The thread exits: its tid is free. */
void guest_tblock_exit(void);
/* In a forked child: only the forking thread is left (its tid changed). */
void guest_tblock_forked(void);

#endif
