/* gdb_monitor.c: gdb's `monitor` commands (qRcmd). help and inject are
 * answered here; `monitor lua CODE` goes to the caller (the Lua runtime
 * runs it as a --repl line against the stopped thread) as an event out of
 * revel_next, while gdb waits and every thread stays held; its answer comes
 * back through revel_gdb_monitor_reply and serving goes on. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <revel/inject.h>
#include "gdb_server.h"
#include "resume.h"

static const char HELP[] =
    "revel's monitor commands:\n"
    "  monitor help         this list\n"
    "  monitor lua CODE     run CODE as a --repl line against the stopped thread:\n"
    "                       g, sc (its syscall, when it is stopped at one), regs(),\n"
    "                       str(addr), mem(addr, n), threads(), ps(), print(...);\n"
    "                       inject(sys.getpid()) runs a syscall in it now\n"
    "  monitor inject SPEC  add a fault rule, -e inject= syntax (write:error=EIO:when=2)\n";

/* Text for gdb's console: O packets of hex, then OK. */
static void output(struct gdb_server *g, const char *text)
{
	static char buf[GDB_PACKET_MAX];
	size_t n = strlen(text), chunk = (sizeof buf - 2) / 2 - 8;
	for (size_t at = 0; at < n; at += chunk) {
		size_t k = n - at < chunk ? n - at : chunk;
		buf[0] = 'O';
		gdb_hex_encode(text + at, k, buf + 1);
		gdb_reply(g, "%s", buf);
	}
	gdb_reply(g, "OK");
}

static void inject(revel_engine *e, const char *spec)
{
	struct revel_inject_rule rule;
	char err[256], msg[400];
	if (revel_inject_parse(spec, &rule, err, sizeof err) < 0) {
		snprintf(msg, sizeof msg, "monitor inject: %s\n", err);
	} else {
		int rc = revel_add_inject(e, &rule);
		if (rc < 0)
			snprintf(msg, sizeof msg, "monitor inject: %s\n", strerror(-rc));
		else
			snprintf(msg, sizeof msg, "inject rule added: %s\n", spec);
	}
	output(e->gdb, msg);
}

void gdb_monitor(revel_engine *e, const char *hex)
{
	struct gdb_server *g = e->gdb;
	char *cmd = g->monitor_cmd;
	long n = gdb_hex_decode(hex, strlen(hex), cmd, sizeof g->monitor_cmd - 1);
	if (n < 0) {
		gdb_say(e, "malformed packet \"qRcmd,%.34s\": answered E01", hex);
		gdb_reply(g, "E01");
		return;
	}
	cmd[n] = 0;
	while (*cmd == ' ')
		cmd++;
	if (!strcmp(cmd, "help") || !*cmd) {
		output(g, HELP);
	} else if (!strncmp(cmd, "inject ", 7)) {
		inject(e, cmd + 7);
	} else if (!strncmp(cmd, "lua ", 4)) {
		memmove(g->monitor_cmd, cmd + 4, strlen(cmd + 4) + 1);
		g->monitor_pending = true;
		g->monitor_out = false;
	} else {
		char msg[GDB_PACKET_MAX / 2 + 64];
		snprintf(msg, sizeof msg,
		         "unknown monitor command \"%s\"; monitor help lists them\n", cmd);
		output(g, msg);
	}
}

/* The thread gdb looks at, and the syscall it is stopped at (nr -1: none):
 * a seccomp stop gdb caught, or one the tool holds. */
static void fill(revel_engine *e, revel_event *ev)
{
	struct gdb_server *g = e->gdb;
	memset(ev, 0, sizeof *ev);
	ev->kind = REVEL_EV_GDB_MONITOR;
	pid_t tid = g->g_tid > 0 ? g->g_tid : g->report_tid > 0 ? g->report_tid : g->pid;
	struct task *t = gdb_thread(e, tid);
	if (!t)
		t = gdb_thread(e, g->pid);
	ev->tid = t ? t->tid : g->pid;
	ev->pid = g->pid;
	ev->nr = -1;
	bool at_call = t && ((t->gdb_stashed && stop_decode(t->gdb_status).kind == STOP_SECCOMP) ||
	                     t->state == TS_SECCOMP);
	const struct user_regs_struct *r = at_call ? task_regs(t) : NULL;
	if (r) {
		ev->nr = (long)r->orig_rax;
		int64_t a[6] = {(int64_t)r->rdi, (int64_t)r->rsi, (int64_t)r->rdx,
		                (int64_t)r->r10, (int64_t)r->r8,  (int64_t)r->r9};
		memcpy(ev->args, a, sizeof a);
	}
}

bool gdb_event(revel_engine *e, revel_event *ev)
{
	struct gdb_server *g = e->gdb;
	for (;;) {
		if (g->monitor_pending && !g->monitor_out) {
			fill(e, ev);
			g->monitor_out = true;
			return true;
		}
		if (g->monitor_pending) /* handed out, never answered */
			revel_gdb_monitor_reply(e, "monitor lua: nothing here runs Lua\n");
		if (!g->resume_serving)
			return false;
		g->resume_serving = false;
		gdb_serve_more(e);
	}
}

const char *revel_gdb_monitor_cmd(revel_engine *e)
{
	return e->gdb && e->gdb->monitor_pending ? e->gdb->monitor_cmd : "";
}

int revel_gdb_inject(revel_engine *e, pid_t tid, long nr, const int64_t args[6], int64_t *result,
                     char *err, size_t errlen)
{
	struct gdb_server *g = e->gdb;
	struct task *t = g && g->monitor_out ? gdb_thread(e, tid) : NULL;
	snprintf(err, errlen, "only in gdb's monitor lua, on a thread gdb holds");
	if (!t || !t->gdb_hold)
		return -EINVAL;
	if (t->gdb_stashed && !WIFSTOPPED(t->gdb_status)) {
		snprintf(err, errlen, "the thread is gone");
		return -ESRCH;
	}
	/* At its exec stop, execve's result is still to be set: the call goes
	 * after its exit stop, which the tracer may be waiting for. */
	bool exec_ok = t->gdb_deferred && !t->regs_dirty &&
	               (t->gdb_req == PTRACE_CONT || t->gdb_req == PTRACE_SYSCALL);
	siginfo_t si;
	if (!exec_ok && task_siginfo(tid, &si) == 0 && si.si_signo == SIGTRAP &&
	    si.si_code == (SIGTRAP | PTRACE_EVENT_EXEC << 8)) {
		snprintf(err, errlen,
		         "not at an exec stop the tool has not answered yet; stepi first");
		return -EINVAL;
	}
	uint64_t gadget = find_gadget(e, t);
	if (!gadget) {
		snprintf(err, errlen, "no syscall instruction found in the vDSO");
		return -ENOSYS;
	}
	struct task_call_out out;
	int rc = task_call(t, gadget, nr, args, &out);
	if (out.exec_exit && t->gdb_req == PTRACE_SYSCALL) {
		/* the exit stop the tracer asked for: it has it when gdb lets go */
		t->gdb_deferred = false;
		t->gdb_stashed = true;
		t->gdb_status = out.exec_exit;
	}
	if (out.gone) { /* the tracer hears of the end when gdb lets go */
		t->gdb_stashed = true;
		t->gdb_status = out.gone;
		t->gdb_deferred = false;
		t->regs_valid = false;
	}
	snprintf(err, errlen, "%s", out.err);
	if (rc == 0)
		*result = out.result;
	return rc;
}

int revel_gdb_monitor_reply(revel_engine *e, const char *text)
{
	struct gdb_server *g = e->gdb;
	if (!g || !g->monitor_pending)
		return -EINVAL;
	g->monitor_pending = false;
	g->monitor_out = false;
	if (g->connected)
		output(g, text);
	g->resume_serving = true;
	return 0;
}
