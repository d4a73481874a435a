/* printer_table.c: each thread's call in flight, by tid: open addressing
 * with backward-shift deletion. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "printer_internal.h"

static size_t slot_of(const revel_printer *p, pid_t tid)
{
	return ((uint32_t)tid * 2654435761u) & (p->cap - 1);
}

struct call *pr_find(revel_printer *p, pid_t tid)
{
	for (size_t i = slot_of(p, tid);; i = (i + 1) & (p->cap - 1)) {
		if (p->calls[i].tid == tid)
			return &p->calls[i];
		if (p->calls[i].tid == 0)
			return NULL;
	}
}

struct call *pr_get(revel_printer *p, pid_t tid)
{
	struct call *c = pr_find(p, tid);
	if (c)
		return c;
	if ((p->used + 1) * 2 > p->cap) {
		size_t ocap = p->cap;
		struct call *old = p->calls;
		struct call *n = calloc(ocap * 2, sizeof *n);
		if (!n)
			return NULL;
		p->calls = n;
		p->cap = ocap * 2;
		for (size_t i = 0; i < ocap; i++) {
			if (!old[i].tid)
				continue;
			size_t j = slot_of(p, old[i].tid);
			while (p->calls[j].tid)
				j = (j + 1) & (p->cap - 1);
			p->calls[j] = old[i];
		}
		free(old);
	}
	size_t i = slot_of(p, tid);
	while (p->calls[i].tid)
		i = (i + 1) & (p->cap - 1);
	memset(&p->calls[i], 0, sizeof p->calls[i]);
	p->calls[i].tid = tid;
	p->used++;
	return &p->calls[i];
}

void pr_drop(revel_printer *p, pid_t tid)
{
	struct call *c = pr_find(p, tid);
	if (!c)
		return;
	size_t i = (size_t)(c - p->calls);
	free(c->text);
	c->text = NULL;
	c->text_cap = 0;
	free(c->stack);
	c->stack = NULL;
	p->calls[i].tid = 0;
	p->used--;
	/* Shift the entries of the probe run back over the hole. */
	for (size_t j = (i + 1) & (p->cap - 1); p->calls[j].tid; j = (j + 1) & (p->cap - 1)) {
		size_t home = slot_of(p, p->calls[j].tid);
		bool movable = (j > i) ? (home <= i || home > j) : (home <= i && home > j);
		if (movable) {
			p->calls[i] = p->calls[j];
			p->calls[j].tid = 0;
			p->calls[j].text = NULL;
			p->calls[j].text_cap = 0;
			p->calls[j].stack = NULL;
			i = j;
		}
	}
}

/* The call in flight of from goes on as to's (a thread's execve gave it the
 * leader's tid); to has no entry. */
void pr_rekey(revel_printer *p, pid_t from, pid_t to)
{
	struct call *c = pr_find(p, from);
	if (!c || from == to)
		return;
	struct call moved = *c;
	c->text = NULL; /* now moved's */
	c->text_cap = 0;
	pr_drop(p, from);
	struct call *n = pr_get(p, to);
	if (!n) {
		free(moved.text);
		return;
	}
	moved.tid = to;
	*n = moved;
}
