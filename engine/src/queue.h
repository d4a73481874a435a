/* queue.h: events made but not yet handed out: one waitpid can yield several
 * (a task's exit and its process's). */
#ifndef REVEL_QUEUE_H
#define REVEL_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <revel/engine.h>

struct event_queue {
	revel_event *ev;
	size_t head, len, cap;
};

/* A zeroed event of this kind for task tid of process pid, at the tail. */
revel_event *queue_push(struct event_queue *q, int kind, pid_t tid, pid_t pid);
bool queue_pop(struct event_queue *q, revel_event *out);
void queue_free(struct event_queue *q);

#endif
