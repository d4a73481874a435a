/* queue.c: a growing ring of events. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "queue.h"

revel_event *queue_push(struct event_queue *q, int kind, pid_t tid, pid_t pid)
{
	if (q->len == q->cap) {
		size_t cap = q->cap ? q->cap * 2 : 16;
		revel_event *n = malloc(cap * sizeof *n);
		if (!n)
			abort(); /* cannot lose an event and go on */
		for (size_t i = 0; i < q->len; i++)
			n[i] = q->ev[(q->head + i) % q->cap];
		free(q->ev);
		q->ev = n;
		q->cap = cap;
		q->head = 0;
	}
	revel_event *ev = &q->ev[(q->head + q->len++) % q->cap];
	memset(ev, 0, sizeof *ev);
	ev->kind = kind;
	ev->tid = tid;
	ev->pid = pid;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ev->time_ns = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
	return ev;
}

bool queue_pop(struct event_queue *q, revel_event *out)
{
	if (!q->len)
		return false;
	*out = q->ev[q->head];
	q->head = (q->head + 1) % q->cap;
	q->len--;
	return true;
}

void queue_free(struct event_queue *q)
{
	free(q->ev);
	q->ev = NULL;
	q->head = q->len = q->cap = 0;
}
