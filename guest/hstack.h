/* Each thread's own stack for the tool (guest/hstack.c). */
#ifndef REVEL_GUEST_HSTACK_H
#define REVEL_GUEST_HSTACK_H

#define HSTACK_SIZE (256 * 1024)

/* the top of this thread's handler stack; NULL: none (the call's own stack) */
extern __thread char *revel_hstack __attribute__((tls_model("initial-exec")));

/* Maps a handler stack for the calling thread (a new thread with its own
 * TLS, the main thread at the start). */
void hstack_new(void);
/* Runs fn(arg) on this thread's handler stack, or where it is when there is
 * none or the thread is on it already (a call nested in the tool's). */
void hstack_run(void (*fn)(void *), void *arg);

#endif
