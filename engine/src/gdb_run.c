/* gdb_run.c: the gdbserver in the tracer loop: which stops gdb takes, all
 * threads of the debugged process stopped while gdb looks (all-stop), let go
 * again as vCont says, software breakpoints, detach and kill. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include "gdb_server.h"
#include "tracer_states.h"

static struct gdb_bp *bp_find(struct gdb_server *g, pid_t pid, uint64_t addr);
static void unshare(struct gdb_server *g, pid_t pid, bool as_parent);
static void drop_bps(struct gdb_server *g, pid_t pid);
static void bp_add(struct gdb_server *g, struct gdb_bp b);
static pid_t pid_of(revel_engine *e, pid_t tid);

/* Linux signal numbers to gdb's (gdb/signals.def) and back. */
static const unsigned char TO_GDB[32] = {
    0, 1,  2,  3,  4,  5,  6,  10, 8,  9,  30, 11, 31, 13, 14, 15,
    0, 20, 19, 17, 18, 21, 22, 16, 24, 25, 26, 27, 28, 23, 32, 12,
};

int gdb_sig_to_gdb(int sig)
{
	if (sig > 0 && sig < 32)
		return TO_GDB[sig] ? TO_GDB[sig] : 143; /* SIGSTKFLT: unknown to gdb */
	if (sig == 32)
		return 77;
	if (sig >= 33 && sig <= 63)
		return 45 + sig - 33;
	return 143;
}

int gdb_sig_from_gdb(int gsig)
{
	for (int s = 1; s < 64; s++)
		if (gdb_sig_to_gdb(s) == gsig)
			return s;
	return 0;
}

struct task *gdb_thread(revel_engine *e, pid_t tid)
{
	struct task *t = tid > 0 ? tasks_find(&e->tasks, tid) : NULL;
	return t && t->proc && gdb_debugs(e->gdb, t->proc->pid) ? t : NULL;
}

bool gdb_debugs(const struct gdb_server *g, pid_t pid)
{
	for (int i = 0; i < g->npids; i++)
		if (g->pids[i] == pid)
			return true;
	return false;
}

static void debug_pid(struct gdb_server *g, pid_t pid, bool on)
{
	for (int i = 0; i < g->npids; i++) {
		if (g->pids[i] == pid) {
			if (!on)
				g->pids[i] = g->pids[--g->npids];
			return;
		}
	}
	if (on && g->npids < (int)(sizeof g->pids / sizeof *g->pids))
		g->pids[g->npids++] = pid;
}

const char *gdb_tid(const struct gdb_server *g, const struct task *t, pid_t tid)
{
	static char buf[2][48];
	static int k;
	k ^= 1;
	pid_t pid = t && t->proc ? t->proc->pid : tid;
	if (g->multiprocess)
		snprintf(buf[k], sizeof buf[k], "p%x.%x", (unsigned)pid, (unsigned)tid);
	else
		snprintf(buf[k], sizeof buf[k], "%x", (unsigned)tid);
	return buf[k];
}

/* Stopped for the tracer's own reasons (waiting for the caller or a timer). */
static bool stopped_already(const struct task *t)
{
	switch (t->state) {
	case TS_NEW_STOPPED:
	case TS_HELD:
	case TS_SECCOMP:
	case TS_INJ_EXIT:
	case TS_EXEC_STOP:
	case TS_SIGNAL_STOP:
	case TS_DELAY_ENTER:
	case TS_DELAY_REPORT:
	case TS_DELAY_EXIT:
		return true;
	default:
		return false;
	}
}

/* A call the interrupt cut short (-ERESTARTSYS, -ERESTARTNOINTR,
 * -ERESTARTNOHAND) runs again and stops at seccomp again: that stop is the
 * tracer's replay, not a new call for the tool (its count stays the same). */
static void restart_is_replay(revel_engine *e, struct task *t)
{
	const struct user_regs_struct *r = task_regs(t);
	if (!r || t->state != TS_RUNNING || t->syscall_mode || t->replay_pending)
		return;
	int64_t nr = (int64_t)r->orig_rax, rc = (int64_t)r->rax;
	if (nr < 0 || nr >= REVEL_NR_MAX || !e->opt.subscribed[nr] || rc < -514 || rc > -512)
		return;
	t->replay_pending = true;
	t->replay_ip = r->rip;
	t->replay_sp = r->rsp;
}

void gdb_stop_all(revel_engine *e)
{
	size_t i = 0;
	struct task *t;
	while ((t = tasks_next(&e->tasks, &i))) {
		if (!t->proc || !gdb_debugs(e->gdb, t->proc->pid) || t->gdb_hold)
			continue;
		t->gdb_hold = true;
		if (stopped_already(t) || t->gdb_stashed)
			continue;
		if (task_interrupt(t->tid) < 0)
			continue;
		int st;
		pid_t w;
		while ((w = waitpid(t->tid, &st, __WALL)) < 0 && errno == EINTR)
			;
		if (w != t->tid) {
			t->gdb_hold = false;
			continue;
		}
		/* A new task's first stop is its initial stop, whatever made it:
		 * the tracer must see it (st_new). */
		if (WIFSTOPPED(st) && (unsigned)st >> 16 == PTRACE_EVENT_STOP &&
		    WSTOPSIG(st) == SIGTRAP && t->state != TS_NEW) {
			/* Ours: it goes on as it was going when let go. */
			restart_is_replay(e, t);
			t->gdb_deferred = true;
			t->gdb_req = tracer_wants_syscall_stops(t) ? PTRACE_SYSCALL : PTRACE_CONT;
			t->gdb_sig = 0;
		} else {
			/* Another stop came first: the tracer has it when gdb lets
			 * go; our interrupt, still due, is passed over then. */
			t->gdb_stashed = true;
			t->gdb_status = st;
			t->regs_valid = false;
		}
	}
}

bool gdb_replay(revel_engine *e, pid_t *tid, int *status)
{
	if (!e->gdb->nstashed)
		return false;
	size_t i = 0;
	struct task *t;
	while ((t = tasks_next(&e->tasks, &i))) {
		if (t->gdb_stashed && !t->gdb_hold) {
			t->gdb_stashed = false;
			e->gdb->nstashed--;
			*tid = t->tid;
			*status = t->gdb_status;
			return true;
		}
	}
	e->gdb->nstashed = 0;
	return false;
}

/* Let one held thread go: step or not, with sig (Linux numbering). */
static void let_go(revel_engine *e, struct task *t, bool step, int sig)
{
	t->gdb_step = step;
	gdb_watch_apply(e, t);
	if (t->gdb_stashed) {
		t->gdb_hold = false;
		e->gdb->nstashed++;
		return;
	}
	if (t->gdb_signal) { /* a signal stop gdb took: gdb said which signal goes on */
		t->gdb_signal = 0;
		t->gdb_hold = false;
		if (sig && sig != SIGTRAP)
			tracer_on_signal(e, t, sig);
		else
			task_cont(t, sig);
		return;
	}
	task_gdb_release(t);
}

/* vCont;ACTION[:TID]... and the plain c, s, C, S packets. */
bool gdb_resume(revel_engine *e, const char *pkt)
{
	struct gdb_server *g = e->gdb;
	enum { MAXA = 64 };
	struct {
		pid_t tid; /* -1: every thread not named before */
		pid_t pid; /* pPID.-1: only that process's; 0: any */
		bool step;
		int sig;
	} act[MAXA];
	int n = 0;
	uint64_t v;
	const char *s;
	if (pkt[0] != 'v') {
		/* c/s [addr]: the Hc thread steps (or all continue); C/S take a
		 * signal first. An address to resume at is not supported. */
		bool step = pkt[0] == 's' || pkt[0] == 'S';
		int sig = 0;
		s = pkt + 1;
		if (pkt[0] == 'C' || pkt[0] == 'S') {
			if (!gdb_hex_u64(&s, &v))
				return false;
			sig = gdb_sig_from_gdb((int)v);
		}
		if (*s && *s != ';')
			return false;
		pid_t who = g->c_tid > 0 ? g->c_tid : g->report_tid;
		act[n++] = (typeof(act[0])){step ? who : -1, 0, step, sig};
		if (step)
			act[n++] = (typeof(act[0])){-1, 0, false, 0};
	} else {
		s = pkt + 5; /* at the ';' */
		while (*s == ';' && n < MAXA) {
			s++;
			char a = *s++;
			if (a != 'c' && a != 's' && a != 'C' && a != 'S')
				return false;
			int sig = 0;
			if (a == 'C' || a == 'S') {
				if (!gdb_hex_u64(&s, &v))
					return false;
				sig = gdb_sig_from_gdb((int)v);
			}
			pid_t tid = -1, pid = 0;
			if (*s == ':') {
				s++;
				if (*s == 'p') { /* pPID.TID */
					s++;
					if (!gdb_hex_u64(&s, &v) || *s++ != '.')
						return false;
					pid = (pid_t)v;
				}
				if (s[0] == '-' && s[1] == '1')
					s += 2;
				else if (gdb_hex_u64(&s, &v))
					tid = (pid_t)v;
				else
					return false;
			}
			act[n++] = (typeof(act[0])){tid, pid, a == 's' || a == 'S', sig};
		}
		if (*s || !n)
			return false;
	}
	size_t i = 0;
	struct task *t;
	while ((t = tasks_next(&e->tasks, &i))) {
		if (!t->gdb_hold || !t->proc || !gdb_debugs(g, t->proc->pid))
			continue;
		for (int k = 0; k < n; k++) {
			bool all = act[k].tid == -1 && (!act[k].pid || act[k].pid == t->proc->pid);
			if (all || act[k].tid == t->tid) {
				let_go(e, t, act[k].step, act[k].sig);
				break;
			}
		}
	}
	g->report_tid = 0;
	return true;
}

void gdb_stop_reply(revel_engine *e)
{
	struct gdb_server *g = e->gdb;
	pid_t tid = g->report_tid ? g->report_tid : g->pid;
	gdb_reply(g, "T%02xthread:%s;%s", gdb_sig_to_gdb(g->report_sig ? g->report_sig : SIGTRAP),
	          gdb_tid(g, tasks_find(&e->tasks, tid), tid), g->report_extra);
}

static void close_client(struct gdb_server *g)
{
	gdb_wake_stop(g);
	if (g->fd >= 0)
		close(g->fd);
	g->fd = -1;
	g->connected = false;
	g->finished = true;
}

/* A thread at a breakpoint's trap that gdb did not see (it went away):
 * back onto the instruction, as gdb would have put it. */
static void rewind_traps(revel_engine *e)
{
	size_t i = 0;
	struct task *t;
	siginfo_t si;
	while ((t = tasks_next(&e->tasks, &i))) {
		if (!t->gdb_hold || t->gdb_signal != SIGTRAP || !t->proc ||
		    task_siginfo(t->tid, &si) < 0 || si.si_code != SI_KERNEL)
			continue;
		struct user_regs_struct *r = task_regs(t);
		if (r && bp_find(e->gdb, t->proc->pid, r->rip - 1)) {
			r->rip--;
			task_regs_dirty(t);
		}
	}
}

void gdb_let_go(revel_engine *e, bool kill_it)
{
	struct gdb_server *g = e->gdb;
	if (kill_it) {
		for (int i = 0; i < g->npids; i++)
			kill(g->pids[i], SIGKILL);
	} else {
		rewind_traps(e);
		while (g->nbps)
			gdb_bp_remove(e, g->bps[g->nbps - 1].pid, g->bps[g->nbps - 1].addr);
		gdb_watch_clear(e);
	}
	size_t i = 0;
	struct task *t;
	while ((t = tasks_next(&e->tasks, &i))) {
		if (!t->gdb_hold)
			continue;
		/* A signal of the guest's own goes on; gdb's traps do not. */
		int sig = t->gdb_signal != SIGTRAP ? t->gdb_signal : 0;
		let_go(e, t, false, kill_it ? 0 : sig);
	}
	g->report_tid = 0;
	close_client(g);
}

/* After the tracer handled a stop: gdb hears of the debugged process's end,
 * or of a stop gdb_on_stop marked for it. */
void gdb_after_stop(revel_engine *e)
{
	struct gdb_server *g = e->gdb;
	if (g->report_exit && g->connected) {
		g->report_exit = false;
		int st = g->report_status;
		char proc[32] = "";
		if (g->multiprocess)
			snprintf(proc, sizeof proc, ";process:%x", (unsigned)g->exit_pid);
		if (WIFSIGNALED(st))
			gdb_reply(g, "X%02x%s", gdb_sig_to_gdb(WTERMSIG(st)), proc);
		else
			gdb_reply(g, "W%02x%s", WEXITSTATUS(st), proc);
		debug_pid(g, g->exit_pid, false);
		drop_bps(g, g->exit_pid);
		if (!g->npids) {
			close_client(g);
		} else { /* gdb goes on with the others: stopped, as all-stop has it */
			gdb_stop_all(e);
			gdb_serve_more(e);
		}
		return;
	}
	if (g->fork_child && !g->finished) {
		pid_t child = g->fork_child;
		g->fork_child = 0;
		debug_pid(g, child, true);
		/* The child's memory is a copy: the parent's int3 bytes are in it,
		 * gdb's to remove (or keep) as the child's own. */
		pid_t parent = pid_of(e, g->report_tid);
		size_t n = g->fork_is_vfork ? 0 : g->nbps; /* a vfork child shares them */
		if (g->fork_is_vfork && g->nvf < (int)(sizeof g->vf_child / sizeof *g->vf_child)) {
			g->vf_child[g->nvf] = child;
			g->vf_parent[g->nvf++] = parent;
		}
		for (size_t i = 0; i < n; i++) {
			if (g->bps[i].pid != parent)
				continue;
			struct gdb_bp b = g->bps[i];
			b.pid = child;
			bp_add(g, b);
		}
		snprintf(g->report_extra, sizeof g->report_extra, "%s:%s;",
		         g->fork_is_vfork ? "vfork" : "fork", gdb_tid(g, NULL, child));
	}
	if (g->report_exec && !g->finished) {
		/* after the exec: the thread has the process's tid; a new image */
		g->report_exec = false;
		struct task *t = tasks_find(&e->tasks, g->report_tid);
		if (t && t->proc) {
			char path[64], exe[4096];
			snprintf(path, sizeof path, "/proc/%d/exe", (int)t->tid);
			ssize_t n = readlink(path, exe, sizeof exe - 1);
			exe[n > 0 ? n : 0] = 0;
			drop_bps(g, t->proc->pid);
			int o = snprintf(g->report_extra, sizeof g->report_extra, "exec:");
			gdb_hex_encode(exe, strnlen(exe, (sizeof g->report_extra - 8) / 2),
			               g->report_extra + o);
			strcat(g->report_extra, ";");
			g->report_tid = t->tid;
		}
	}
	if (g->report_tid && !g->finished) {
		gdb_stop_all(e);
		gdb_serve(e);
	}
}

/* A trap that came while gdb looked at another thread, of a breakpoint or
 * watchpoint gdb has removed since: it is gone, as gdbserver drops it (a
 * breakpoint's trap moves the thread back onto the instruction). True when
 * the thread was let go on; a live watchpoint's fills report_extra. */
static bool stale_trap(revel_engine *e, struct task *t)
{
	siginfo_t si;
	if (task_siginfo(t->tid, &si) < 0)
		return false;
	if (si.si_code == TRAP_HWBKPT) {
		struct gdb_server *g = e->gdb;
		if (gdb_watch_hit(e, t, g->report_extra, sizeof g->report_extra))
			return false; /* a live one: said in the stop reply */
		gdb_watch_clear_dr6(t);
	} else if (si.si_code == SI_KERNEL) {
		struct user_regs_struct *r = task_regs(t);
		unsigned char byte;
		if (!r || bp_find(e->gdb, t->proc->pid, r->rip - 1) ||
		    revel_mem_read(e, t->tid, r->rip - 1, &byte, 1) != 1 || byte == 0xcc)
			return false;
		r->rip--;
		task_regs_dirty(t);
	} else {
		return false;
	}
	task_cont(t, 0);
	return true;
}

/* catch syscall: a seccomp stop of a caught call is its entry, the
 * syscall stop after it (PTRACE_SYSCALL, see task.c) its return. gdb hears
 * of it first; then the tracer has the stop as if gdb had not been there. */
static bool catch_syscall(revel_engine *e, struct task *t, const struct stop *s)
{
	struct gdb_server *g = e->gdb;
	bool entry = s->kind == STOP_SECCOMP;
	if (entry) {
		if (!g->catching || t->state != TS_RUNNING || t->before_exec)
			return false;
	} else {
		if (!t->gdb_catch_ret)
			return false;
		t->gdb_catch_ret = false;
		if (!task_at_syscall_exit(t))
			return false;
	}
	const struct user_regs_struct *r = task_regs(t);
	if (!r)
		return false;
	long nr = (long)r->orig_rax;
	bool caught = nr >= 0 && nr < REVEL_NR_MAX &&
	              (g->catch_all || (g->catch_set[nr / 8] & (1u << (nr % 8))));
	if (!caught)
		return false;
	t->gdb_catch_ret = entry;
	t->gdb_caught = true;
	t->gdb_stashed = true;
	t->gdb_status = s->status;
	t->gdb_hold = true;
	t->gdb_step = false;
	g->report_tid = t->tid;
	g->report_sig = SIGTRAP;
	snprintf(g->report_extra, sizeof g->report_extra, "%s:%lx;",
	         entry ? "syscall_entry" : "syscall_return", nr);
	gdb_stop_all(e);
	gdb_serve(e);
	return true;
}

bool gdb_on_stop(revel_engine *e, pid_t tid, const struct stop *s)
{
	struct gdb_server *g = e->gdb;
	if (g->finished)
		return false;
	struct task *t = tasks_find(&e->tasks, tid);
	if (g->nvf && s->kind == STOP_EXEC)
		unshare(g, tid, false);
	else if (g->nvf && s->kind == STOP_GONE && t && t->proc && t->proc->nthreads == 1)
		unshare(g, t->proc->pid, false);
	else if (g->nvf && s->kind == STOP_EVENT && s->event == PTRACE_EVENT_VFORK_DONE && t &&
	         t->proc)
		unshare(g, t->proc->pid, true);
	if (!g->pid) {
		/* The guest stops for gdb at its first instruction: the root's
		 * exec of the command. */
		if (s->kind == STOP_EXEC && t && t->before_exec) {
			g->pid = tid;
			debug_pid(g, tid, true);
			t->gdb_hold = true;
			g->report_tid = tid;
			g->report_sig = SIGTRAP;
		}
		return false;
	}
	if (!t || !t->proc || !gdb_debugs(g, t->proc->pid))
		return false;
	if (s->kind == STOP_GONE) {
		if (t->proc->nthreads == 1 && tid == t->proc->pid) {
			g->report_exit = true;
			g->report_status = s->status;
			g->report_tid = 0;
			g->exit_pid = tid;
		}
		return false;
	}
	if (s->kind == STOP_CLONE && !g->fork_events && s->event == PTRACE_EVENT_FORK) {
		/* gdb will not hear of the child: it runs without gdb's int3s */
		pid_t child = (pid_t)task_eventmsg(tid, 0);
		for (size_t i = 0; child > 0 && i < g->nbps; i++)
			if (g->bps[i].pid == t->proc->pid)
				revel_mem_write(e, child, g->bps[i].addr, &g->bps[i].orig, 1);
		return false;
	}
	bool vfork = s->event == PTRACE_EVENT_VFORK;
	if (s->kind == STOP_CLONE && (vfork ? g->vfork_events : g->fork_events) &&
	    (vfork || s->event == PTRACE_EVENT_FORK) && t->state == TS_RUNNING) {
		/* The tracer makes the child known first (gdb_after_stop). */
		g->fork_child = (pid_t)task_eventmsg(tid, 0);
		g->fork_is_vfork = vfork;
		t->gdb_hold = true;
		g->report_tid = tid;
		g->report_sig = SIGTRAP;
		return false;
	}
	if (s->kind == STOP_EVENT && s->event == PTRACE_EVENT_VFORK_DONE && g->vfork_events) {
		/* the vfork child let go of the memory: gdb puts its breakpoints back */
		t->gdb_hold = true;
		g->report_tid = tid;
		g->report_sig = SIGTRAP;
		snprintf(g->report_extra, sizeof g->report_extra, "vforkdone:;");
		return false;
	}
	if (s->kind == STOP_EXEC && g->exec_events && !t->before_exec) {
		/* the thread that called execve goes on with this tid */
		struct task *caller =
		    tasks_find(&e->tasks, (pid_t)task_eventmsg(tid, (unsigned long)tid));
		if (!caller)
			return false;
		caller->gdb_hold = true;
		g->report_tid = tid;
		g->report_exec = true;
		g->report_sig = SIGTRAP;
		return false;
	}
	if (t->gdb_caught) { /* a stop gdb has seen: the tracer's now */
		t->gdb_caught = false;
		return false;
	}
	if (s->kind == STOP_SECCOMP || s->kind == STOP_SYSCALL)
		return catch_syscall(e, t, s);
	if (s->kind != STOP_SIGNAL || t->state != TS_RUNNING)
		return false;
	if (s->sig != SIGTRAP && s->sig < 64 && (g->pass_sigs & (1ull << s->sig)))
		return false;
	g->report_extra[0] = 0;
	if (s->sig == SIGTRAP && !t->gdb_step && stale_trap(e, t))
		return true;
	if (s->sig == SIGTRAP && !g->report_extra[0])
		gdb_watch_hit(e, t, g->report_extra, sizeof g->report_extra);
	t->gdb_step = false;
	t->gdb_signal = s->sig;
	t->gdb_hold = true;
	g->report_tid = tid;
	g->report_sig = s->sig;
	gdb_stop_all(e);
	gdb_serve(e);
	return true;
}

/* ---- software breakpoints ---- */

/* Whose memory (and breakpoints) a process uses: a vfork child's parent's. */
static pid_t aspace(const struct gdb_server *g, pid_t pid)
{
	for (int i = 0; i < g->nvf; i++)
		if (g->vf_child[i] == pid)
			return g->vf_parent[i];
	return pid;
}

/* pid has memory of its own again (exec, exit), or a parent's vfork is done. */
static void unshare(struct gdb_server *g, pid_t pid, bool as_parent)
{
	for (int i = 0; i < g->nvf;) {
		if ((as_parent ? g->vf_parent[i] : g->vf_child[i]) == pid) {
			g->nvf--;
			g->vf_child[i] = g->vf_child[g->nvf];
			g->vf_parent[i] = g->vf_parent[g->nvf];
		} else {
			i++;
		}
	}
}

static struct gdb_bp *bp_find(struct gdb_server *g, pid_t pid, uint64_t addr)
{
	pid = aspace(g, pid);
	for (size_t i = 0; i < g->nbps; i++)
		if (g->bps[i].addr == addr && g->bps[i].pid == pid)
			return &g->bps[i];
	return NULL;
}

/* A process gone or a new image: its breakpoints went with its memory. */
static void drop_bps(struct gdb_server *g, pid_t pid)
{
	for (size_t i = 0; i < g->nbps;)
		if (g->bps[i].pid == pid)
			g->bps[i] = g->bps[--g->nbps];
		else
			i++;
}

static void bp_add(struct gdb_server *g, struct gdb_bp b)
{
	if (g->nbps == g->capbps) {
		size_t cap = g->capbps ? 2 * g->capbps : 16;
		struct gdb_bp *nb = realloc(g->bps, cap * sizeof *nb);
		if (!nb)
			abort();
		g->bps = nb;
		g->capbps = cap;
	}
	g->bps[g->nbps++] = b;
}

int gdb_bp_insert(revel_engine *e, pid_t pid, uint64_t addr)
{
	struct gdb_server *g = e->gdb;
	pid = aspace(g, pid);
	if (bp_find(g, pid, addr))
		return 0;
	unsigned char orig, int3 = 0xcc;
	if (revel_mem_read(e, pid, addr, &orig, 1) != 1)
		return -EFAULT;
	if (revel_mem_write(e, pid, addr, &int3, 1) != 1)
		return -EFAULT;
	bp_add(g, (struct gdb_bp){pid, addr, orig});
	return 0;
}

int gdb_bp_remove(revel_engine *e, pid_t pid, uint64_t addr)
{
	struct gdb_server *g = e->gdb;
	pid = aspace(g, pid);
	struct gdb_bp *b = bp_find(g, pid, addr);
	if (!b)
		return 0;
	unsigned char orig = b->orig;
	*b = g->bps[--g->nbps];
	if (revel_mem_write(e, pid, addr, &orig, 1) != 1)
		return -EFAULT;
	return 0;
}

static pid_t pid_of(revel_engine *e, pid_t tid)
{
	struct task *t = tasks_find(&e->tasks, tid);
	return t && t->proc ? t->proc->pid : tid;
}

ssize_t gdb_mem_read(revel_engine *e, pid_t tid, uint64_t addr, void *buf, size_t n)
{
	struct gdb_server *g = e->gdb;
	pid_t pid = aspace(g, pid_of(e, tid));
	ssize_t got = revel_mem_read(e, tid, addr, buf, n);
	for (size_t i = 0; got > 0 && i < g->nbps; i++)
		if (g->bps[i].pid == pid && g->bps[i].addr >= addr &&
		    g->bps[i].addr < addr + (uint64_t)got)
			((unsigned char *)buf)[g->bps[i].addr - addr] = g->bps[i].orig;
	return got;
}

ssize_t gdb_mem_write(revel_engine *e, pid_t tid, uint64_t addr, const void *buf, size_t n)
{
	struct gdb_server *g = e->gdb;
	pid_t pid = aspace(g, pid_of(e, tid));
	unsigned char *copy = malloc(n ? n : 1);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, buf, n);
	for (size_t i = 0; i < g->nbps; i++) {
		if (g->bps[i].pid == pid && g->bps[i].addr >= addr && g->bps[i].addr < addr + n) {
			g->bps[i].orig = copy[g->bps[i].addr - addr];
			copy[g->bps[i].addr - addr] = 0xcc; /* stays inserted */
		}
	}
	ssize_t w = revel_mem_write(e, tid, addr, copy, n);
	free(copy);
	return w;
}

void gdb_detach_pid(revel_engine *e, pid_t pid)
{
	struct gdb_server *g = e->gdb;
	for (size_t i = g->nbps; i-- > 0;)
		if (g->bps[i].pid == pid)
			gdb_bp_remove(e, pid, g->bps[i].addr);
	debug_pid(g, pid, false);
	unsigned gen = g->dr_gen;
	struct gdb_watch saved[4];
	memcpy(saved, g->dr, sizeof saved);
	gdb_watch_clear(e); /* its threads go without gdb's watchpoints */
	size_t i = 0;
	struct task *t;
	while ((t = tasks_next(&e->tasks, &i))) {
		if (!t->gdb_hold || !t->proc || t->proc->pid != pid)
			continue;
		int sig = t->gdb_signal != SIGTRAP ? t->gdb_signal : 0;
		let_go(e, t, false, sig);
	}
	memcpy(g->dr, saved, sizeof saved);
	g->dr_gen = gen + 2;
}
