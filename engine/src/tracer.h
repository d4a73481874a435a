/* tracer.h: the engine object, shared by engine.c and tracer.c. */
#ifndef REVEL_TRACER_H
#define REVEL_TRACER_H

#include "internal.h"

struct revel_engine {
	struct revel_options opt;
	FILE *log;
	bool any_handled;
	bool spawned;
	struct task_table tasks;
	pid_t root_pid;
	int root_status;
	/* events made but not yet handed out */
	revel_event *queue;
	size_t qhead, qlen, qcap;
};

revel_event *queue_push(revel_engine *e, int kind, struct task *t);
bool queue_pop(revel_engine *e, revel_event *out);
struct proc *proc_new(pid_t pid);
/* Drop a task (and its process when it was the last thread), no events. */
void task_forget(revel_engine *e, struct task *t);

#endif
