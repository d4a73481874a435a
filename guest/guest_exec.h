/* execve in the in-guest library: keep the library in the new program's
 * environment, and say when the new program cannot load it. */
#ifndef REVEL_GUEST_EXEC_H
#define REVEL_GUEST_EXEC_H
#include <ucontext.h>

typedef long (*guest_runner)(ucontext_t *uc, long nr, const long *a);

/* Reads the REVEL_GUEST_* variables of this process (at start). */
void guest_exec_init(void);
/* Runs execve/execveat (a: its arguments) through run, with an environment
 * that still names the library and revel's socket. */
long guest_execve(long nr, long *a, guest_runner run, ucontext_t *uc);
/* Sends a notice to revel (guest_notice("text")), from guest_msg.c. */
void guest_notice(const char *text);
/* Asks revel to trace this process under ptrace from its exec on
 * ("PID\nPATH\nWHY"); 1 when it does, with the seccomp filter (BPF) to
 * load in bpf, *n bytes (0: none, or more than max) (guest_msg.c). */
int guest_fallback(const char *text, void *bpf, size_t max, size_t *n);
/* Tells revel that thread tid ("TID") loaded that filter. */
void guest_filtered(const char *tid);
/* The process dies with revel (guest_life.c): at the library's start, and in
 * a forked child. */
void guest_life_init(void);
void guest_life_fork(void);
/* Asks revel to run the new program under ptrace until the library starts
 * in it (the prelude: the loader's calls; "PID"); 1 when it does. */
int guest_prelude(const char *text);
/* The library's first call in a program (close of this fd, which fails):
 * where revel lets go of a prelude (engine/include/revel/engine.h). */
#define REVEL_PRELUDE_MARK (-0x7265766c)
/* Is the prelude on (REVEL_GUEST_PRELUDE=1)? */
int guest_prelude_on(void);

#endif
