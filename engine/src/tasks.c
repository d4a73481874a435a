/* tasks.c: the table of guest tasks, keyed by tid.
 * Open addressing with linear probing; tids are spread enough that the
 * identity hash mixed once is fine. */
#include <stdlib.h>
#include "task.h"

#define TOMB ((struct task *)1)

static size_t slot_of(pid_t tid, size_t cap)
{
	uint32_t h = (uint32_t)tid * 2654435761u;
	return h & (cap - 1);
}

struct task *tasks_find(struct task_table *t, pid_t tid)
{
	if (!t->cap)
		return NULL;
	for (size_t i = slot_of(tid, t->cap);; i = (i + 1) & (t->cap - 1)) {
		struct task *k = t->slots[i];
		if (!k)
			return NULL;
		if (k != TOMB && k->tid == tid)
			return k;
	}
}

static int grow(struct task_table *t)
{
	size_t cap = t->cap ? t->cap * 2 : 64;
	/* Rehash at the same size when tombstones, not tasks, fill the table. */
	if (t->count * 4 < t->cap)
		cap = t->cap;
	struct task **slots = calloc(cap, sizeof *slots);
	if (!slots)
		return -1;
	for (size_t i = 0; i < t->cap; i++) {
		struct task *k = t->slots[i];
		if (!k || k == TOMB)
			continue;
		size_t j = slot_of(k->tid, cap);
		while (slots[j])
			j = (j + 1) & (cap - 1);
		slots[j] = k;
	}
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
	t->used = t->count;
	return 0;
}

struct task *tasks_add(struct task_table *t, pid_t tid)
{
	if ((t->used + 1) * 2 > t->cap && grow(t) < 0)
		return NULL;
	struct task *k = calloc(1, sizeof *k);
	if (!k)
		return NULL;
	k->tid = tid;
	size_t i = slot_of(tid, t->cap);
	while (t->slots[i] && t->slots[i] != TOMB)
		i = (i + 1) & (t->cap - 1);
	if (!t->slots[i])
		t->used++;
	t->slots[i] = k;
	t->count++;
	return k;
}

/* Take the task out of its slot without freeing it. */
static struct task *detach(struct task_table *t, pid_t tid)
{
	if (!t->cap)
		return NULL;
	for (size_t i = slot_of(tid, t->cap);; i = (i + 1) & (t->cap - 1)) {
		struct task *k = t->slots[i];
		if (!k)
			return NULL;
		if (k != TOMB && k->tid == tid) {
			t->slots[i] = TOMB;
			t->count--;
			return k;
		}
	}
}

int tasks_rekey(struct task_table *t, pid_t from, pid_t to)
{
	struct task *k = detach(t, from);
	if (!k)
		return -1;
	k->tid = to;
	size_t i = slot_of(to, t->cap);
	while (t->slots[i] && t->slots[i] != TOMB)
		i = (i + 1) & (t->cap - 1);
	if (!t->slots[i])
		t->used++;
	t->slots[i] = k;
	t->count++;
	return 0;
}

void tasks_remove(struct task_table *t, pid_t tid)
{
	struct task *k = detach(t, tid);
	if (k) {
		free(k->inj_counts);
		free(k->vmask);
	}
	free(k);
}

struct task *tasks_next(struct task_table *t, size_t *i)
{
	while (*i < t->cap) {
		struct task *k = t->slots[(*i)++];
		if (k && k != TOMB)
			return k;
	}
	return NULL;
}

void tasks_free(struct task_table *t)
{
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i] && t->slots[i] != TOMB) {
			free(t->slots[i]->inj_counts);
			free(t->slots[i]->vmask);
			free(t->slots[i]);
		}
	free(t->slots);
	t->slots = NULL;
	t->cap = t->count = t->used = 0;
}
