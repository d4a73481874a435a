/* decode_signal.c: decoders of signal calls: rt_sigaction, rt_sigprocmask,
 * rt_sigreturn, sigaltstack, signalfd and signalfd4, rt_sigtimedwait,
 * rt_sigqueueinfo and rt_tgsigqueueinfo. */
#include <inttypes.h>
#include <string.h>
#include <sys/syscall.h>
#include "decode.h"

void d_rt_sigaction(DEC)
{
	if (!c->exiting) {
		ARG(0, p_signame(c, (int)a[0]));
		ARG(1, p_sigaction(c, U(1)));
		split_at(c, st, 2);
		return;
	}
	ARG(2, if (c->result == 0) p_sigaction(c, U(2)); else p_addr(c, U(2)));
	ARG(3, fo_printf(c->o, "%" PRIu64, U(3)));
}

void d_rt_sigprocmask(DEC)
{
	if (!c->exiting) {
		ARG(0, p_xval(c, x_sigprocmask_how, U(0) & 0xffffffffu, "SIG_???"));
		ARG(1, p_sigset_addr(c, U(1), U(3)));
		split_at(c, st, 2);
		return;
	}
	ARG(2, if (c->result == 0) p_sigset_addr(c, U(2), U(3)); else p_addr(c, U(2)));
	ARG(3, fo_printf(c->o, "%" PRIu64, U(3)));
}

/* The mask the frame on the stack restores (uc_sigmask of the ucontext). */
void d_rt_sigreturn(DEC)
{
	if (c->exiting)
		return;
	uint64_t mask;
	ARG(0, {
		fo_puts(c->o, "{mask=");
		if (c->f->sp && fc_verbose(c) && fc_fetch(c, c->f->sp + 296, &mask, sizeof mask))
			p_sigset(c, &mask, 1);
		else
			p_addr(c, c->f->sp + 296);
		fo_putc(c->o, '}');
	});
	st->printed = REVEL_FMT_MAXARGS;
}

void d_sigaltstack(DEC)
{
	if (!c->exiting) {
		ARG(0, p_stack_t(c, U(0)));
		split_at(c, st, 1);
		return;
	}
	ARG(1, if (c->result == 0) p_stack_t(c, U(1)); else p_addr(c, U(1)));
}

void d_signalfd(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_fd(c, (int)a[0]));
	ARG(1, p_sigset_addr(c, U(1), U(2)));
	ARG(2, fo_printf(c->o, "%" PRIu64, U(2)));
	if (nr == __NR_signalfd4)
		ARG(3, p_flags(c, x_sfd_flags, U(3) & 0xffffffffu, NULL));
	st->printed = REVEL_FMT_MAXARGS;
}

/* rt_sigtimedwait: the siginfo it fills is known on exit, and strace then
 * prints the timeout and size after it; with no siginfo, all on entry. */
void d_sigtimedwait(DEC)
{
	if (!c->exiting) {
		ARG(0, p_sigset_addr(c, U(0), U(3)));
		if (U(1)) {
			split_at(c, st, 1);
			return;
		}
		ARG(1, fo_puts(c->o, "NULL"));
		ARG(2, p_timespec(c, U(2)));
		ARG(3, fo_printf(c->o, "%" PRIu64, U(3)));
		st->printed = REVEL_FMT_MAXARGS;
		return;
	}
	ARG(1, if (c->result > 0) p_siginfo_addr(c, U(1)); else p_addr(c, U(1)));
	ARG(2, p_timespec(c, U(2)));
	ARG(3, fo_printf(c->o, "%" PRIu64, U(3)));
}

/* rt_sigqueueinfo(tgid, sig, info), rt_tgsigqueueinfo(tgid, tid, sig, info):
 * the siginfo sent, decoded on entry. */
void d_sigqueueinfo(DEC)
{
	if (c->exiting)
		return;
	int tg = nr == __NR_rt_tgsigqueueinfo; /* the tid before the signal */
	ARG(0, p_pid(c, (int)a[0], PID_TGID));
	if (tg)
		ARG(1, p_pid(c, (int)a[1], PID_TID));
	ARG(1 + tg, p_signame(c, (int)a[1 + tg]));
	ARG(2 + tg, p_siginfo_addr(c, U(2 + tg)));
	st->printed = REVEL_FMT_MAXARGS;
}
