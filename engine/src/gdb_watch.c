/* gdb_watch.c: gdb's hardware watchpoints (Z2 write, Z3 read, Z4 access) in
 * the x86 debug registers DR0-DR3 and DR7, written through the USER area.
 * Debug registers are per thread and a new thread starts without them:
 * every thread of the debugged process gets the current set when gdb lets
 * it go (a generation number says which have it). DR6 tells, at the trap,
 * which one fired. x86 has no read-only watch: a read watchpoint is an
 * access one, and gdb tells a read from a write by the value. */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/user.h>
#include "gdb_server.h"

#define DR_OFF(i) (offsetof(struct user, u_debugreg) + (size_t)(i) * sizeof(long))

static unsigned long dr7_of(const struct gdb_server *g)
{
	unsigned long dr7 = 0;
	for (int i = 0; i < 4; i++) {
		const struct gdb_watch *w = &g->dr[i];
		if (!w->len)
			continue;
		unsigned rw = w->type == 2 ? 1 : 3;
		unsigned len = w->len == 1 ? 0 : w->len == 2 ? 1 : w->len == 8 ? 2 : 3;
		dr7 |= 1ul << (2 * i);
		dr7 |= (unsigned long)(rw | len << 2) << (16 + 4 * i);
	}
	return dr7;
}

void gdb_watch_apply(revel_engine *e, struct task *t)
{
	struct gdb_server *g = e->gdb;
	if (t->gdb_dr_gen == g->dr_gen)
		return;
	t->gdb_dr_gen = g->dr_gen;
	task_poke_user(t->tid, DR_OFF(7), 0);
	for (int i = 0; i < 4; i++)
		task_poke_user(t->tid, DR_OFF(i), (long)g->dr[i].addr);
	task_poke_user(t->tid, DR_OFF(7), (long)dr7_of(g));
}

/* Z2/Z3/Z4 addr,len: one debug register per aligned piece of 1, 2, 4 or 8
 * bytes; -ENOSPC when the four do not suffice. */
int gdb_watch_insert(revel_engine *e, int type, uint64_t addr, uint64_t len)
{
	struct gdb_server *g = e->gdb;
	struct gdb_watch want[4];
	int n = 0;
	for (uint64_t a = addr, left = len; left;) {
		unsigned size = 8;
		while (size > 1 && (a % size || size > left))
			size /= 2;
		if (n == 4)
			return -ENOSPC;
		want[n++] = (struct gdb_watch){a, (int)size, type, addr, len};
		a += size;
		left -= size;
	}
	int free_slots = 0;
	for (int i = 0; i < 4; i++)
		free_slots += !g->dr[i].len;
	if (n == 0 || free_slots < n)
		return -ENOSPC;
	for (int i = 0, k = 0; i < 4 && k < n; i++)
		if (!g->dr[i].len)
			g->dr[i] = want[k++];
	g->dr_gen++;
	return 0;
}

int gdb_watch_remove(revel_engine *e, int type, uint64_t addr, uint64_t len)
{
	struct gdb_server *g = e->gdb;
	for (int i = 0; i < 4; i++)
		if (g->dr[i].len && g->dr[i].type == type && g->dr[i].whole == addr &&
		    g->dr[i].whole_len == len)
			g->dr[i] = (struct gdb_watch){0};
	g->dr_gen++;
	return 0;
}

void gdb_watch_clear(revel_engine *e)
{
	for (int i = 0; i < 4; i++)
		e->gdb->dr[i] = (struct gdb_watch){0};
	e->gdb->dr_gen++;
}

void gdb_watch_clear_dr6(struct task *t)
{
	task_poke_user(t->tid, DR_OFF(6), 0);
}

/* At a SIGTRAP: which watchpoint fired, as the stop reply says it
 * ("watch:ADDR;"); false when none did. DR6 is cleared for the next. */
bool gdb_watch_hit(revel_engine *e, struct task *t, char *out, size_t n)
{
	struct gdb_server *g = e->gdb;
	long dr6;
	if (!t->gdb_dr_gen || !task_peek_user(t, DR_OFF(6), &dr6))
		return false;
	for (int i = 0; i < 4; i++) {
		if (!(dr6 & (1l << i)) || !g->dr[i].len)
			continue;
		task_poke_user(t->tid, DR_OFF(6), 0);
		const char *kind = g->dr[i].type == 2   ? "watch"
		                   : g->dr[i].type == 3 ? "rwatch"
		                                        : "awatch";
		snprintf(out, n, "%s:%llx;", kind, (unsigned long long)g->dr[i].addr);
		return true;
	}
	return false;
}
