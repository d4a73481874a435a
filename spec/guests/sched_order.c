/* sched_order: an order violation. The user thread takes the shared
 * object if it is there (the check), makes a getppid() (a syscall in the
 * window) and reads it; the freer thread, if the object is there, takes
 * it away, poisons it and frees it. Read after the free, the object says
 * so: "use after free" and exit 1; else "ok" and exit 0. Natively the
 * window is rarely hit. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAGIC 0x5eed
#define POISON 0xdead

struct obj {
	volatile int magic;
	char name[60];
};

static struct obj *volatile shared;
static volatile int used_freed;

static void *user(void *arg)
{
	(void)arg;
	struct obj *o = shared; /* the check */
	if (o) {
		getppid(); /* the window */
		if (o->magic != MAGIC)
			used_freed = 1;
	}
	return NULL;
}

static void *freer(void *arg)
{
	(void)arg;
	struct obj *o = shared;
	if (o) {
		shared = NULL;
		o->magic = POISON;
		free(o); /* o stays mapped: the poison is what a late reader sees */
	}
	return NULL;
}

int main(void)
{
	struct obj *o = malloc(sizeof *o);
	if (!o)
		return 2;
	o->magic = MAGIC;
	strcpy(o->name, "shared");
	shared = o;
	pthread_t a, b;
	pthread_create(&a, NULL, user, NULL);
	pthread_create(&b, NULL, freer, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	puts(used_freed ? "use after free" : "ok");
	return used_freed;
}
