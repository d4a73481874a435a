/* tracer_states.c: the tracer as a state machine. A task's stop is handled
 * by the function of the state the task is in (the table at the end); the
 * states and their transitions are listed in task_state.h. Exits and exec
 * stops come first, whatever the state: they change the task table. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h> /* the PTRACE_EVENT_ numbers */
#include <sys/syscall.h>
#include "filter.h"
#include "gdb_server.h"
#include "place.h"
#include "resume.h"
#include "sched.h"
#include "tracer_rules.h"
#include "tracer_states.h"
#include "unwind_internal.h"

typedef void stop_fn(revel_engine *e, struct task *t, const struct stop *s);

struct state_info {
	stop_fn *on_stop;
	/* A stop the state does not look at resumes with PTRACE_SYSCALL: the
	 * state waits for a syscall stop. */
	bool wants_syscall_stops;
};

static const struct state_info *info_of(enum task_state s);

/* Resume past a stop that is not this state's business. */
static void pass_on(struct task *t, int sig)
{
	if (info_of(t->state)->wants_syscall_stops)
		task_syscall(t, sig);
	else
		task_cont(t, sig);
}

/* ---- task life ---- */

void tracer_task_started(revel_engine *e, struct task *t)
{
	if (e->sched && sched_take_start(e, t))
		return; /* it starts when its turn comes */
	if (e->opt.want_tasks) {
		t->state = TS_HELD;
		revel_event *ev = tracer_event(e, REVEL_EV_TASK_NEW, t);
		ev->parent_tid = t->parent_tid;
		ev->flags = t->new_flags;
		ev->child_no = t->child_no;
	} else {
		resume_running(t, 0);
	}
}

/* by: the thread whose execve took this leader's tid (0: a plain exit). */
static void task_gone(revel_engine *e, struct task *t, int status, pid_t by)
{
	if (!t->proc) { /* seen stopped once, never claimed by a parent */
		tasks_remove(&e->tasks, t->tid);
		return;
	}
	if (t->tid == e->root_pid)
		e->root_status = status = e->sched ? sched_root_status(e, status) : status;
	if (e->opt.want_tasks) {
		revel_event *ev = tracer_event(e, REVEL_EV_TASK_EXIT, t);
		ev->status = status;
		ev->former_tid = by;
		if (t->proc->nthreads == 1)
			tracer_event(e, REVEL_EV_PROCESS_EXIT, t)->status = status;
	}
	tracer_forget(e, t);
}

/* fork, vfork or clone: the child is known from here on. */
static void on_clone(revel_engine *e, struct task *t, int event)
{
	pid_t child = (pid_t)task_eventmsg(t->tid, 0);
	int flags = 0;
	if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK) {
		flags = REVEL_NEW_PROCESS | (event == PTRACE_EVENT_VFORK ? REVEL_NEW_VFORK : 0);
	} else {
		/* A CLONE event is a thread or a process with another exit signal:
		 * the flags of the call tell. */
		const struct user_regs_struct *r = task_regs(t);
		uint64_t cflags = 0;
		if (r && reg_nr(r) == SYS_clone3)
			revel_mem_read(e, t->tid, reg_arg(r, 0), &cflags, sizeof cflags);
		else if (r)
			cflags = reg_arg(r, 0);
		if (!(cflags & CLONE_THREAD))
			flags = REVEL_NEW_PROCESS;
	}
	struct task *c = tasks_find(&e->tasks, child);
	if (!c) {
		c = tasks_add(&e->tasks, child);
		if (!c)
			abort();
		c->state = TS_NEW;
	}
	c->parent_tid = t->tid;
	c->new_flags = flags;
	c->child_no = ++t->nchildren;
	c->proc = (flags & REVEL_NEW_PROCESS) ? proc_new(child) : t->proc;
	c->proc->nthreads++;
	place_clone(t, c);
	c->syscall_mode = t->syscall_mode; /* no filter in the parent, none in the child */
	c->attached = t->attached;
	/* revel_adopt's process whose exec failed: its library goes on, and
	 * shows the calls of the children too */
	c->before_exec = c->exec_shown = t->exec_shown;
	if (c->state == TS_NEW_STOPPED)
		tracer_task_started(e, c);
	pass_on(t, 0);
}

static void on_exec(revel_engine *e, pid_t tid)
{
	pid_t former = (pid_t)task_eventmsg(tid, (unsigned long)tid);
	if (former != tid) {
		/* A non-leader thread called execve: the leader is gone without an
		 * exit report (reported here, once, as superseded by former), and
		 * the caller now has the leader's tid. */
		struct task *old = tasks_find(&e->tasks, tid);
		if (old)
			task_gone(e, old, 0, former);
		tasks_rekey(&e->tasks, former, tid);
	}
	struct task *t = tasks_find(&e->tasks, tid);
	if (!t)
		return;
	if (e->opt.detach_on_exec && !t->before_exec) {
		/* -b execve: let go of it; the root's exec of the command (still
		 * revel's code before it) does not count, as in strace. */
		t->saved_stale =
		    t->state == TS_INJ_RUN; /* an injected execve: no call to restore */
		tracer_detach(e, t);
		return;
	}
	if (t->proc) {
		t->proc->gadget = 0;               /* a new image, a new vDSO */
		unwind_proc_free(t->proc->unwind); /* and new modules */
		t->proc->unwind = NULL;
	}
	t->replay_pending = false;
	t->before_exec = false;
	t->exec_shown = false;
	/* An injected execve stops here before its exit stop: keep waiting for
	 * that after the caller has seen the exec. */
	bool injecting = t->state == TS_INJ_RUN;
	bool observing = t->state == TS_OBSERVE; /* execve's result comes at its exit */
	t->saved_stale = injecting;
	if (e->opt.want_tasks) {
		t->after_exec = injecting ? TS_INJ_RUN : observing ? TS_OBSERVE : TS_RUNNING;
		t->state = TS_EXEC_STOP;
		tracer_event(e, REVEL_EV_EXEC, t)->former_tid = former;
	} else if (injecting || observing) {
		task_syscall(t, 0);
	} else {
		resume_running(t, 0);
	}
}

/* ---- stops any state may see ---- */

/* A clone or clone3 that stopped for its flags: no CLONE_UNTRACED, so the
 * child is traced like any other (revel must see every process it runs).
 * clone3's flags are in the guest's struct clone_args: written back there.
 * UNTRACE_DONE when the task is resumed (the call is not subscribed) or
 * gone; else the usual handling follows, UNTRACE_TAKEN if the flag was set. */
enum untrace { UNTRACE_DONE, UNTRACE_NONE, UNTRACE_TAKEN };

static enum untrace untrace_clone(revel_engine *e, struct task *t)
{
	struct user_regs_struct *r = task_regs(t);
	if (!r)
		return UNTRACE_DONE; /* gone; its exit report follows */
	long nr = reg_nr(r);
	enum untrace u = UNTRACE_NONE;
	if (nr == SYS_clone && (reg_arg(r, 0) & CLONE_UNTRACED)) {
		reg_set_arg(r, 0, reg_arg(r, 0) & ~(uint64_t)CLONE_UNTRACED);
		task_regs_dirty(t);
		u = UNTRACE_TAKEN;
	} else if (nr == SYS_clone3) {
		uint64_t flags, at = reg_arg(r, 0);
		/* What the kernel cannot read fails the call anyway: no write. */
		if (revel_mem_read_checked(e, t->tid, at, &flags, sizeof flags) == sizeof flags &&
		    (flags & CLONE_UNTRACED)) {
			flags &= ~(uint64_t)CLONE_UNTRACED;
			revel_mem_write(e, t->tid, at, &flags, sizeof flags);
			u = UNTRACE_TAKEN;
		}
	}
	if (nr >= 0 && nr < REVEL_NR_MAX && e->opt.subscribed[nr])
		return u;
	resume_running(t, 0);
	return UNTRACE_DONE;
}

/* The printer shows the call as the guest made it: CLONE_UNTRACED back in
 * the flags while it looks (clone3's in guest memory, for that moment).
 * A tool's handler sees the call without it: its answer then keeps it out. */
static void show_untraced(revel_engine *e, struct task *t, int64_t args[6], bool asked)
{
	if (reg_nr(&t->regs) == SYS_clone) {
		args[0] = (int64_t)((uint64_t)args[0] | CLONE_UNTRACED);
		return;
	}
	uint64_t flags;
	if (revel_mem_read_checked(e, t->tid, (uint64_t)args[0], &flags, sizeof flags) !=
	    sizeof flags)
		return;
	flags = asked ? flags | CLONE_UNTRACED : flags & ~(uint64_t)CLONE_UNTRACED;
	revel_mem_write(e, t->tid, (uint64_t)args[0], &flags, sizeof flags);
}

/* The observer (the default tool's printer) takes the call: it runs on, and
 * its result comes at the exit stop unless the observer needs none. */
static void observe_call(revel_engine *e, struct task *t, long nr, bool untraced)
{
	int64_t args[6];
	reg_args(&t->saved, args); /* as the guest made it (short= cuts the registers') */
	if (untraced)
		show_untraced(e, t, args, true);
	int want = e->observer->enter(e->observer->ctx, e, t->tid, nr, args, reg_sp(&t->saved));
	if (untraced)
		show_untraced(e, t, args, false);
	if (place_call(e, t, want != REVEL_OBSERVE_DONE))
		return;
	if (want == REVEL_OBSERVE_DONE) {
		resume_running(t, 0);
		return;
	}
	t->state = TS_OBSERVE;
	task_syscall(t, 0);
}

/* A stop the guest's own filter asked for (SECCOMP_RET_TRACE with data not
 * ours): without a tracer of its own the kernel fails the call with ENOSYS,
 * and so does revel. The default tool's observer still prints it, failed. */
static void on_guest_filter(revel_engine *e, struct task *t)
{
	struct user_regs_struct *r = task_regs(t);
	if (!r)
		return;
	long nr = reg_nr(r);
	int64_t args[6];
	reg_args(r, args);
	reg_set_nr(r, REG_NO_CALL);
	reg_set_result(r, -ENOSYS);
	task_regs_dirty(t);
	bool observed =
	    nr >= 0 && nr < REVEL_NR_MAX && e->opt.handled[nr] && e->observer && !e->unobserved[nr];
	if (observed && e->observer->enter(e->observer->ctx, e, t->tid, nr, args, reg_sp(r)) !=
	                    REVEL_OBSERVE_DONE) {
		t->state = TS_OBSERVE;
		task_syscall(t, 0);
		return;
	}
	resume_running(t, 0);
}

/* saved from a seccomp stop's syscall info: the call, not the whole set. */
static void saved_from_info(struct task *t, const struct seccomp_stop *in)
{
	memset(&t->saved, 0, sizeof t->saved);
	reg_set_nr(&t->saved, in->nr);
	for (int i = 0; i < 6; i++)
		reg_set_arg(&t->saved, i, in->args[i]);
	reg_set_ip(&t->saved, in->ip);
	reg_set_sp(&t->saved, in->sp);
	reg_set_result(&t->saved, -ENOSYS); /* as at every syscall-entry stop */
	t->saved_partial = true;
}

/* The rest of on_seccomp when the stop's syscall info is all there is: a
 * handler or the observer sees the call, and the registers are read only if
 * its answer needs them (revel_resume). Without inject rules and together
 * placement, which read and change registers at the stop. */
static void on_seccomp_info(revel_engine *e, struct task *t, const struct seccomp_stop *in)
{
	if (t->replay_pending && in->ip == t->replay_ip && in->sp == t->replay_sp) {
		t->replay_pending = false; /* see on_seccomp */
		resume_running(t, 0);
		return;
	}
	long nr = in->nr;
	if (t->before_exec && (nr != SYS_execve || t->exec_shown)) {
		resume_running(t, 0);
		return;
	}
	if (t->proc && t->proc->unwind && unwind_maps_call(nr))
		unwind_proc_stale(t->proc->unwind);
	if (nr < 0 || nr >= REVEL_NR_MAX || !e->opt.handled[nr]) {
		resume_running(t, 0);
		return;
	}
	saved_from_info(t, in);
	if (e->observer && !t->fired.fired && !e->unobserved[nr]) {
		observe_call(e, t, nr, false);
		return;
	}
	report_syscall(e, t);
}

/* A seccomp stop of the guest's own call. */
static void on_seccomp(revel_engine *e, struct task *t)
{
	/* Whose stop: the filter's data tells (PTRACE_GETEVENTMSG, or the
	 * syscall info, which also has the call: a tool that looks at calls
	 * needs one ptrace call where it took two). At a syscall-entry stop
	 * (no filter) every clone stops, as the filter's clone rules would
	 * have stopped it. */
	unsigned long data = REVEL_SECCOMP_DATA;
	struct seccomp_stop info;
	int have_info = 0;
	if (t->syscall_mode) {
		if (t->prelude && tracer_prelude_stop(e, t))
			return;
		const struct user_regs_struct *r0 = task_regs(t);
		if (!r0)
			return;
		if (reg_nr(r0) == SYS_clone || reg_nr(r0) == SYS_clone3)
			data = REVEL_SECCOMP_CLONE;
	} else if (t->probed) { /* tracer.c's probe has read the info */
		t->probed = false;
		data = t->probe.data;
		if (e->any_handled && !e->rules.any && e->place.mode != REVEL_PLACE_TOGETHER) {
			info = t->probe;
			have_info = 1;
		}
	} else if (e->any_handled && !e->rules.any && e->place.mode != REVEL_PLACE_TOGETHER) {
		have_info = task_seccomp_info(t->tid, &info);
		if (have_info < 0)
			return; /* gone; its exit report follows */
		data = have_info ? info.data : task_eventmsg(t->tid, REVEL_SECCOMP_DATA);
	} else {
		data = task_eventmsg(t->tid, REVEL_SECCOMP_DATA);
	}
	enum untrace untraced = UNTRACE_NONE;
	if (data == REVEL_SECCOMP_CLONE && (untraced = untrace_clone(e, t)) == UNTRACE_DONE)
		return;
	bool place = data == REVEL_SECCOMP_PLACE;
	if (place && place_rerun(e, t))
		return;
	if (place && !t->before_exec) {
		/* A call --placement=together answers: the tool sees it first
		 * when it subscribed it; placement answers it when it runs. */
		struct user_regs_struct *r = task_regs(t);
		if (!r)
			return;
		long nr = reg_nr(r);
		if (nr < 0 || nr >= REVEL_NR_MAX || !e->opt.subscribed[nr]) {
			if (!place_call(e, t, false))
				resume_running(t, 0);
			return;
		}
	} else if (place) {
		resume_running(t, 0); /* revel's own code before the exec */
		return;
	}
	if (data != REVEL_SECCOMP_DATA && data != REVEL_SECCOMP_CLONE && !place) {
		on_guest_filter(e, t);
		return;
	}
	if (!place && !t->replay_pending && !e->any_handled && !e->rules.any && !e->sched) {
		task_cont(t, 0); /* the hot path: no registers, one resume */
		return;
	}
	if (have_info && !place && !t->regs_valid) { /* regs read: a clone's flags changed */
		on_seccomp_info(e, t, &info);
		return;
	}
	struct user_regs_struct *r = task_regs(t);
	if (!r)
		return; /* gone; its exit report follows */
	if (t->replay_pending && reg_ip(r) == t->replay_ip && reg_sp(r) == t->replay_sp) {
		/* The re-run of a call the handler already decided on. */
		t->replay_pending = false;
		if (!place_call(e, t, false))
			resume_running(t, 0);
		return;
	}
	long nr = reg_nr(r);
	if (t->before_exec && (nr != SYS_execve || t->exec_shown)) {
		/* revel's own code in the root before its exec (-u's setgroups, a
		 * failed exec's message): not the guest's, as strace hides it. */
		resume_running(t, 0);
		return;
	}
	t->saved = *r;
	if (t->proc && t->proc->unwind && unwind_maps_call(nr))
		unwind_proc_stale(t->proc->unwind);
	if (e->rules.any && !t->before_exec && rule_on_seccomp(e, t, nr))
		return;
	if (nr < 0 || nr >= REVEL_NR_MAX || !e->opt.handled[nr]) {
		if (!place_call(e, t, false))
			resume_running(t, 0);
		return;
	}
	if (e->observer && !t->fired.fired && !e->unobserved[nr]) {
		observe_call(e, t, nr, untraced == UNTRACE_TAKEN);
		return;
	}
	report_syscall(e, t);
}

/* A signal that is revel's own tgkill (si_pid revel, SI_TKILL): one held
 * mid-chain and sent again after it. */
static bool from_revel(const siginfo_t *si)
{
	return si->si_code == SI_TKILL && si->si_pid == getpid();
}

/* A signal held mid-chain: its siginfo kept, unless this is the tgkill that
 * already stands for a held one (then the guest's own stays kept). */
static void hold_plain(struct task *t, int sig)
{
	uint64_t bit = 1ull << sig;
	siginfo_t si;
	if (task_siginfo(t->tid, &si) != 0)
		t->held_valid &= ~bit;
	else if (!((t->requeued & bit) && from_revel(&si))) {
		t->held_info[sig] = si;
		t->held_valid |= bit;
	}
	t->requeued &= ~bit;
	t->held_sigs |= bit;
}

void tracer_on_signal(revel_engine *e, struct task *t, int sig)
{
	t->stop_sig = sig;
	/* A held signal sent again by revel: the guest's siginfo back (who sent
	 * it, its code and value), as if it had never been held. */
	if (sig > 0 && sig < 64 && (t->requeued & (1ull << sig))) {
		siginfo_t si;
		if (task_siginfo(t->tid, &si) == 0 && from_revel(&si)) {
			task_set_siginfo(t->tid, &t->held_info[sig]);
			t->requeued &= ~(1ull << sig);
		}
	}
	/* Before its exec the root is revel (-D's SIGCHLD of the middle
	 * process): its signals are not the guest's, as strace hides them. */
	if (e->opt.want_signals && !t->before_exec) {
		t->state = TS_SIGNAL_STOP;
		tracer_event(e, REVEL_EV_SIGNAL, t)->sig = sig;
		return;
	}
	task_cont(t, sig);
}

static bool is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

/* What a stop does in a state that has nothing of its own to say about it. */
static void st_common(revel_engine *e, struct task *t, const struct stop *s)
{
	switch (s->kind) {
	case STOP_SECCOMP:
		on_seccomp(e, t);
		return;
	case STOP_CLONE:
		on_clone(e, t, s->event);
		return;
	case STOP_GROUP:
		if (is_stop_signal(s->sig)) { /* group-stop: stay stopped, hear SIGCONT */
			if (e->observer && e->observer->stopped)
				e->observer->stopped(e->observer->ctx, e, t->tid, s->sig);
			task_listen(t);
		} else
			pass_on(t, 0);
		return;
	case STOP_SYSCALL:
		/* Traced without a filter, a syscall's entry is what a seccomp
		 * stop is; its exit (of a call let run) is not ours to look at. */
		if (t->syscall_mode && !task_at_syscall_exit(t))
			on_seccomp(e, t);
		else
			task_cont(t, 0);
		return;
	case STOP_SIGNAL:
		tracer_on_signal(e, t, s->sig);
		return;
	default:
		pass_on(t, 0);
		return;
	}
}

/* ---- one function per state with stops of its own ---- */

/* NEW, NEW_STOPPED: the initial stop. Kept stopped until the parent's clone
 * event has said whose it is. */
static void st_new(revel_engine *e, struct task *t, const struct stop *s)
{
	(void)s;
	if (t->proc)
		tracer_task_started(e, t);
	else
		t->state = TS_NEW_STOPPED;
}

/* A signal stop mid-chain of the caller's own timer signal (opt.own_signal,
 * from a POSIX timer, or a perf counter's overflow: POLL_IN/POLL_HUP): kept
 * with its siginfo, to be queued again after the chain (resume.c). Delivered, it would reach the
 * guest; held as a plain signal, it would come back as a tgkill the caller cannot tell apart. */
static bool hold_own(revel_engine *e, struct task *t, int sig)
{
	siginfo_t si;
	if (!e->opt.own_signal || sig != e->opt.own_signal || task_siginfo(t->tid, &si) != 0 ||
	    (si.si_code != SI_TIMER && si.si_code != POLL_IN && si.si_code != POLL_HUP))
		return false;
	t->own_info = si;
	t->own_held = true;
	return true;
}

static void st_inj_entry(revel_engine *e, struct task *t, const struct stop *s)
{
	if (s->kind == STOP_SYSCALL) {
		/* Only the entry of our call: an exit stop here is the tail of
		 * the syscall the task was in when the chain began. */
		if (!task_at_syscall_exit(t))
			t->state = TS_INJ_RUN;
		task_syscall(t, 0);
	} else if (s->kind == STOP_SIGNAL) {
		/* Delivering now would run the guest's handler between our rewind
		 * and the injected call; hold it until the chain is over. */
		if (hold_own(e, t, s->sig))
			;
		else if (s->sig > 0 && s->sig < 64)
			hold_plain(t, s->sig);
		task_syscall(t, 0);
	} else {
		st_common(e, t, s);
	}
}

static void st_inj_run(revel_engine *e, struct task *t, const struct stop *s)
{
	switch (s->kind) {
	case STOP_SECCOMP: /* our re-run injected call: let it go on */
		task_syscall(t, 0);
		return;
	case STOP_SIGNAL:
		task_syscall(t, hold_own(e, t, s->sig) ? 0 : s->sig);
		return;
	case STOP_SYSCALL: {
		const struct user_regs_struct *r = task_regs(t);
		if (!r)
			return;
		t->state = TS_INJ_EXIT;
		revel_event *ev = tracer_event(e, REVEL_EV_INJECTED, t);
		ev->nr = reg_nr(r);
		ev->result = reg_result(r);
		return;
	}
	default:
		st_common(e, t, s);
	}
}

/* execve's own exit, after its exec stop: now inject. */
static void st_inj_prep(revel_engine *e, struct task *t, const struct stop *s)
{
	if (s->kind != STOP_SYSCALL) {
		st_common(e, t, s);
		return;
	}
	const struct user_regs_struct *r = task_regs(t);
	if (!r)
		return;
	t->saved = *r;
	start_free_injection(e, t, &t->pending);
}

static void st_fault_exit(revel_engine *e, struct task *t, const struct stop *s)
{
	if (s->kind == STOP_SYSCALL)
		rule_on_exit(e, t);
	else
		st_common(e, t, s);
}

static void st_observe(revel_engine *e, struct task *t, const struct stop *s)
{
	if (s->kind != STOP_SYSCALL) {
		st_common(e, t, s);
		return;
	}
	/* Only the result is needed: one word, not the whole register set. */
	long word;
	if (!task_peek_user(t, REG_RESULT_OFFSET, &word))
		return;           /* gone; its exit report follows */
	const long result = word; /* a copy: GCC 12 -O3 sees &word escape */
	if (e->observer)
		e->observer->exit(e->observer->ctx, e, t->tid, result);
	resume_running(t, 0);
}

static void st_place_exit(revel_engine *e, struct task *t, const struct stop *s)
{
	if (s->kind == STOP_SYSCALL)
		place_exit(e, t);
	else
		st_common(e, t, s);
}

static void st_restart_fix(revel_engine *e, struct task *t, const struct stop *s)
{
	if (s->kind != STOP_SYSCALL) {
		st_common(e, t, s);
		return;
	}
	/* The call was skipped; with its number back the kernel restarts it,
	 * or turns the code into EINTR for a signal handler, as it would for
	 * the call itself. */
	if (!task_regs(t))
		return;
	set_restart(t, t->restart_code);
	resume_running(t, 0);
}

/* The states that wait for the caller (HELD, SECCOMP, INJ_EXIT, EXEC_STOP,
 * SIGNAL_STOP) or for a timer (DELAY_*) expect no stop: st_common. */
static const struct state_info states[TS_COUNT] = {
    [TS_NEW] = {st_new, false},
    [TS_NEW_STOPPED] = {st_new, false},
    [TS_HELD] = {st_common, false},
    [TS_RUNNING] = {st_common, false},
    [TS_SECCOMP] = {st_common, false},
    [TS_INJ_ENTRY] = {st_inj_entry, true},
    [TS_INJ_RUN] = {st_inj_run, true},
    [TS_INJ_EXIT] = {st_common, false},
    [TS_EXEC_STOP] = {st_common, false},
    [TS_SIGNAL_STOP] = {st_common, false},
    [TS_INJ_PREP] = {st_inj_prep, false},
    [TS_RESTART_FIX] = {st_restart_fix, false},
    [TS_DELAY_ENTER] = {st_common, false},
    [TS_DELAY_REPORT] = {st_common, false},
    [TS_DELAY_EXIT] = {st_common, false},
    [TS_FAULT_EXIT] = {st_fault_exit, false},
    [TS_OBSERVE] = {st_observe, true},
    [TS_PLACE_EXIT] = {st_place_exit, true},
};

static const struct state_info *info_of(enum task_state s)
{
	return &states[s];
}

bool tracer_wants_syscall_stops(const struct task *t)
{
	return info_of(t->state)->wants_syscall_stops;
}

static void on_stop(revel_engine *e, pid_t tid, const struct stop *s);

void tracer_on_stop(revel_engine *e, pid_t tid, const struct stop *s)
{
	/* --gdbserver looks first: a breakpoint's or a step's trap is gdb's. */
	if (e->gdb && gdb_on_stop(e, tid, s))
		return;
	on_stop(e, tid, s);
	if (e->gdb)
		gdb_after_stop(e);
}

static void on_stop(revel_engine *e, pid_t tid, const struct stop *s)
{
	struct task *t = tasks_find(&e->tasks, tid);
	if (s->kind == STOP_GONE) {
		if (t)
			task_gone(e, t, s->status, 0);
		return;
	}
	if (s->kind == STOP_NONE)
		return;
	if (s->kind == STOP_EXEC) {
		on_exec(e, tid);
		return;
	}
	if (!t) {
		/* A new task stopped before its parent's clone event told us of it:
		 * keep it stopped until then. */
		t = tasks_add(&e->tasks, tid);
		if (!t)
			abort();
		t->state = TS_NEW_STOPPED;
		return;
	}
	if (e->sched && sched_take_stop(e, t, s))
		return;
	states[t->state].on_stop(e, t, s);
}

void tracer_state_stop(revel_engine *e, struct task *t, const struct stop *s)
{
	states[t->state].on_stop(e, t, s);
}
