/* place.h: where the tracer and the guest run (--placement): the tracer
 * following the stopped thread's CPU, or tracer and guest pinned together
 * with the guest's own view of its affinity emulated (place.c). */
#ifndef REVEL_PLACE_H
#define REVEL_PLACE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct place_mask; /* a cpu_set_t */
struct task;
typedef struct revel_engine revel_engine;

struct place {
	int mode;     /* enum revel_placement */
	int cpu;      /* TOGETHER: the CPU of tracer and guest */
	int masksize; /* the kernel's cpumask size in bytes (sched_getaffinity's result) */
	struct place_mask *spawn;  /* the guest's mask without revel: revel's at spawn */
	struct place_mask *before; /* the tracer's own, put back at the end */
	bool moved;                /* the tracer's affinity was changed */
	/* FOLLOW: when to look again, the stat file kept open, where the tracer is */
	int64_t next_look_ns;
	int stat_fd;
	pid_t stat_tid;
	int at_cpu;
};

void place_init(struct place *p, int mode);
/* Before the guest is forked: the masks, and the CPU for TOGETHER. */
int place_prepare(revel_engine *e);
/* In the forked child before execve: TOGETHER pins the guest. */
void place_child(revel_engine *e);
/* In the tracer once the guest is forked: pins the tracer (CPU, TOGETHER). */
void place_spawned(revel_engine *e);
/* The tracer's affinity as it was; frees the masks. */
void place_end(revel_engine *e);
/* FOLLOW: at a stop of tid, now and then, move to the CPU it last ran on. */
void place_follow(revel_engine *e, pid_t tid);
/* TOGETHER: the call in t's registers (at its seccomp stop) is about to run;
 * true when placement answered it (the task is resumed, or goes on to
 * PLACE_EXIT); observe: the observer took its entry and wants its result. */
bool place_call(revel_engine *e, struct task *t, bool observe);
/* The exit stop of an open made to read the status copy (PLACE_EXIT). */
void place_exit(revel_engine *e, struct task *t);
/* At a REVEL_SECCOMP_PLACE stop: true when it is the re-run of an open whose
 * copy failed (the task is resumed: the call runs as the guest made it). */
bool place_rerun(revel_engine *e, struct task *t);
/* A new task inherits its creator's emulated mask, as the kernel copies
 * the real one. */
void place_clone(const struct task *parent, struct task *child);

#endif
