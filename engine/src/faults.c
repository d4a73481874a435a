/* faults.c: fault rules decided without Lua and without touching the guest:
 * count each thread's calls, and when a rule's conditions and count match,
 * say what happens (signal, delays, skip or stand-in, result, a cut size, a
 * restart). The tracer applies the verdict; delays never block it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <revel/systable.h>
#include "faults.h"

/* The first of names that the syscall has as an argument, or -1. */
static signed char arg_named(const struct revel_syscall_info *si, const char *const names[])
{
	for (int k = 0; si && names[k]; k++)
		for (int i = 0; i < si->nargs && i < 6; i++)
			if (si->arg_names[i] && !strcmp(si->arg_names[i], names[k]))
				return (signed char)i;
	return -1;
}

/* The arguments --rule conditions read, by the names fault.lua reads them. */
static struct fault_args args_of(long nr)
{
	static const char *const fd[] = {"fd", "sockfd", "dirfd", NULL};
	static const char *const size[] = {"count", "len", "length", "size", "nbytes", NULL};
	static const char *const flags[] = {"flags", NULL};
	const struct revel_syscall_info *si = revel_syscall_by_nr(nr);
	return (struct fault_args){arg_named(si, fd), arg_named(si, size), arg_named(si, flags)};
}

int fault_rules_add(struct fault_rules *rs, const struct revel_inject_rule *rule,
                    unsigned char subscribed[REVEL_NR_MAX])
{
	bool ordered = rule->action != 0;
	if (rs->nowned >= REVEL_MAX_RULES || (ordered && rs->nordered >= REVEL_MAX_RULES))
		return -E2BIG;
	struct revel_inject_rule *copy = malloc(sizeof *copy);
	if (!copy)
		return -ENOMEM;
	*copy = *rule;
	/* Rules are freed with the engine. */
	rs->owned[rs->nowned++] = copy;
	if (ordered)
		rs->ordered[rs->nordered++] = copy;
	for (int nr = 0; nr < REVEL_NR_MAX; nr++) {
		if (!rule->set[nr])
			continue;
		if (!ordered) {
			rs->by_nr[nr] = copy; /* the latest -e inject= rule wins */
		} else if (!rs->ruled[nr]) {
			rs->ruled[nr] = 1;
			rs->args[nr] = args_of(nr);
		}
		subscribed[nr] = 1;
		rs->any = true;
	}
	return 0;
}

void fault_rules_free(struct fault_rules *rs)
{
	for (int i = 0; i < rs->nowned; i++)
		free(rs->owned[i]);
	rs->nowned = 0;
	rs->nordered = 0;
}

/* fault.lua's glob: * any run of characters (/ too), ? any one, the rest
 * itself; the whole string. */
static bool glob_match(const char *p, const char *s)
{
	const char *star = NULL, *from = NULL;
	while (*s) {
		if (*p == '*') {
			star = p++;
			from = s;
		} else if (*p && (*p == '?' || *p == *s)) {
			p++;
			s++;
		} else if (star) {
			p = star + 1;
			s = ++from;
		} else {
			return false;
		}
	}
	while (*p == '*')
		p++;
	return !*p;
}

/* The call's path, read once per call (path= rules only). */
struct call_path {
	int state; /* 0 not read yet, 1 read, -1 none */
	char buf[4097];
};

static bool path_matches(const struct fault_rules *rs, const struct revel_inject_rule *r, long nr,
                         const int64_t args[6], struct call_path *cp)
{
	if (!rs->path_of)
		return false;
	if (!cp->state)
		cp->state = rs->path_of(rs->path_ctx, nr, args, cp->buf, sizeof cp->buf) ? 1 : -1;
	return cp->state > 0 && glob_match(r->path, cp->buf);
}

int fault_path_arg(long nr, int *fd)
{
	static const char *const paths[] = {"pathname", "filename", "path",    "oldpath",
	                                    "newpath",  "oldname",  "newname", NULL};
	static const char *const fds[] = {"fd", "dirfd", NULL};
	const struct revel_syscall_info *si = revel_syscall_by_nr(nr);
	for (int k = 0; paths[k]; k++) {
		*fd = 0;
		int i = arg_named(si, (const char *const[]){paths[k], NULL});
		if (i >= 0)
			return i;
	}
	for (int k = 0; fds[k]; k++) {
		*fd = 1;
		int i = arg_named(si, (const char *const[]){fds[k], NULL});
		if (i >= 0)
			return i;
	}
	return -1;
}

/* The conditions of a --rule other than nth (fault.lua's matches()). fd= is
 * compared as the guest's int; size= as at least; flags= as all bits set. */
static bool rule_matches(const struct revel_inject_rule *r, const struct fault_args *a,
                         const int64_t args[6])
{
	if ((r->match & REVEL_MATCH_FD) && (a->fd < 0 || (int32_t)args[a->fd] != r->fd))
		return false;
	if ((r->match & REVEL_MATCH_SIZE) && (a->size < 0 || args[a->size] < r->size))
		return false;
	if ((r->match & REVEL_MATCH_FLAGS) &&
	    (a->flags < 0 || ((uint64_t)args[a->flags] & r->flags) != r->flags))
		return false;
	return true;
}

/* What a fired rule of either kind does. */
static struct fault_verdict verdict_of(const struct revel_inject_rule *r, bool handled)
{
	struct fault_verdict v = {.fired = true, .cut_arg = -1};
	v.fault = r->fault != 0;
	v.value = r->value;
	v.standin = r->syscall;
	v.signal = r->signal;
	v.delay_enter_us = r->delay_enter_us;
	v.delay_exit_us = r->delay_exit_us;
	v.to_tool = handled;
	return v;
}

/* The --rule rules for nr, in order: the first whose conditions and nth
 * match fires. Each rule counts the thread's calls it matched until then. */
static bool decide_ordered(const struct fault_rules *rs, struct fault_counts *c, long nr,
                           const int64_t args[6], bool handled, struct fault_verdict *v)
{
	if (c->restarting == nr + 1) {
		/* The call an eintr interrupted, restarted by the kernel: it runs
		 * this time, or the guest would restart it for ever. */
		c->restarting = 0;
		return false;
	}
	struct call_path cp;
	cp.state = 0;
	for (int i = 0; i < rs->nordered; i++) {
		const struct revel_inject_rule *r = rs->ordered[i];
		if (!r->set[nr] || !rule_matches(r, &rs->args[nr], args))
			continue;
		if ((r->match & REVEL_MATCH_PATH) && !path_matches(rs, r, nr, args, &cp))
			continue;
		if (!revel_inject_when(r, ++c->by_rule[i]))
			continue;
		*v = verdict_of(r, handled);
		if (r->action == REVEL_RULE_SHORT) {
			int a = rs->args[nr].size;
			if (a >= 0 && args[a] > r->short_max) {
				v->cut_arg = a;
				v->cut_to = r->short_max;
			}
		} else if (r->action == REVEL_RULE_EINTR) {
			v->restart = true;
			v->to_tool = false; /* as fault.lua: no tool sees it */
			c->restarting = nr + 1;
		}
		return true;
	}
	return false;
}

struct fault_verdict fault_decide(const struct fault_rules *rs, struct fault_counts *counts,
                                  long nr, const int64_t args[6], bool handled)
{
	struct fault_verdict v = {.standin = -1, .cut_arg = -1};
	if (nr < 0 || nr >= REVEL_NR_MAX || !counts)
		return v;
	const struct revel_inject_rule *r = rs->by_nr[nr];
	/* strace counts every invocation, whatever else decides the call. */
	bool inject = r && revel_inject_when(r, ++counts->by_nr[nr]);
	if (rs->ruled[nr] && decide_ordered(rs, counts, nr, args, handled, &v))
		return v;
	return inject ? verdict_of(r, handled) : v;
}

enum fault_outcome fault_combine(const struct fault_verdict *v, int answer_kind,
                                 int64_t answer_value, bool unchanged, bool after_inject)
{
	/* A rule's fault stands until the tool's final answer: injections on
	 * the way leave it be. */
	if (!v->fired || answer_kind == REVEL_ACT_INJECT)
		return FAULT_WAITS;
	/* The tool let the call run, or gave it the rule's own result (it asked
	 * for the call's result and got the rule's): the rule has it. */
	if (!after_inject &&
	    ((answer_kind == REVEL_ACT_CONTINUE && unchanged) ||
	     (answer_kind == REVEL_ACT_RETURN && v->fault && answer_value == v->value)))
		return FAULT_APPLIES;
	if (answer_kind == REVEL_ACT_CONTINUE && unchanged && after_inject && v->fault)
		return FAULT_AS_RESULT;
	return FAULT_DROPPED;
}
