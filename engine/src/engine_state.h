/* engine_state.h: the engine object (options, tasks, rules, event queue), as
 * the tracer's files and engine.c see it. */
#ifndef REVEL_ENGINE_STATE_H
#define REVEL_ENGINE_STATE_H

#include <signal.h>
#include <stdio.h>
#include <revel/engine.h>
#include "faults.h"
#include "place.h"
#include "queue.h"
#include "task.h"
#include "wait.h"

struct gdb_server;

struct revel_engine {
	struct revel_options opt;
	FILE *log;
	bool any_handled;
	const struct revel_observer *observer;
	unsigned char unobserved[REVEL_NR_MAX]; /* calls the observer leaves to events */
	bool spawned;
	bool any_attached;   /* revel_attach took on a process: never killed */
	char *prelude_lib;   /* revel_adopt_prelude's library path */
	pid_t detached_root; /* -b execve let go of the root: waited for at the end */
	struct task_table tasks;
	pid_t root_pid;
	int root_status;
	struct fault_rules rules; /* -e inject= */
	int nheld;                /* tasks held stopped by a delay */
	sigset_t old_mask;        /* revel's signal mask before SIGCHLD was blocked */
	bool mask_changed;
	struct event_queue queue;      /* events made but not yet handed out */
	struct wait_spin spin;         /* how long to poll for the next stop */
	int probe_skip, probe_backoff; /* tracer.c's probe: stops not probed after a miss */
	struct place place;            /* --placement */
	struct gdb_server *gdb;        /* --gdbserver (gdb_server.h), NULL without */
	struct sched *sched;           /* --sched (sched.h); NULL without */
};

void sched_forget(revel_engine *e, struct task *t); /* sched.c */

/* A new event about task t, at the queue's tail. */
static inline revel_event *tracer_event(revel_engine *e, int kind, const struct task *t)
{
	return queue_push(&e->queue, kind, t->tid, t->proc ? t->proc->pid : t->tid);
}

/* Drop a task (and its process when it was the last thread), no events. */
static inline void tracer_forget(revel_engine *e, struct task *t)
{
	if (task_state_is_delay(t->state))
		e->nheld--;
	if (e->sched)
		sched_forget(e, t);
	task_drop(&e->tasks, t);
}

#endif
