/* decode_time.c: decoders of clocks, sleeps and timers: nanosleep and
 * clock_nanosleep, gettimeofday, time, clock_gettime/settime/getres, the
 * interval timers, timerfd_settime and the POSIX timers. */
#include <inttypes.h>
#include <string.h>
#include <sys/syscall.h>
#include "decode.h"

void d_nanosleep(DEC)
{
	int o = nr == __NR_clock_nanosleep ? 2 : 0;
	if (!c->exiting) {
		if (o) {
			ARG(0, p_xval(c, x_clocks, U(0) & 0xffffffffu, "CLOCK_???"));
			ARG(1, p_flags(c, x_timer_flags, U(1) & 0xffffffffu, NULL));
		}
		ARG(o, p_timespec(c, U(o)));
		split_at(c, st, o + 1);
		return;
	}
	/* The remainder is written only when a signal cut the sleep short. */
	ARG(o + 1, if (c->result != 0 && U(o + 1)) p_timespec(c, U(o + 1));
	    else p_addr(c, U(o + 1)));
}

void d_gettimeofday(DEC)
{
	if (!c->exiting) {
		split_at(c, st, 0);
		return;
	}
	ARG(0, if (c->result == 0) p_timeval(c, U(0)); else p_addr(c, U(0)));
	ARG(1, if (c->result == 0 && U(1)) p_timezone(c, U(1)); else p_addr(c, U(1)));
}

void d_time(DEC)
{
	if (!c->exiting) {
		split_at(c, st, 0);
		return;
	}
	int64_t t;
	ARG(
	    0, if (U(0) && fc_fetch(c, U(0), &t, sizeof t)) {
		    fo_printf(c->o, "[%" PRId64, t);
		    p_time_comment(c, t, 0, 0);
		    fo_putc(c->o, ']');
	    } else p_addr(c, U(0)));
}

void d_clock(DEC)
{
	if (!c->exiting) {
		ARG(0, p_xval(c, x_clocks, U(0) & 0xffffffffu, "CLOCK_???"));
		if (nr == __NR_clock_settime) {
			ARG(1, p_timespec(c, U(1)));
			st->printed = REVEL_FMT_MAXARGS;
		} else {
			split_at(c, st, 1);
		}
		return;
	}
	if (nr != __NR_clock_settime)
		ARG(1, if (c->result == 0) p_timespec(c, U(1)); else p_addr(c, U(1)));
}

void d_setitimer(DEC)
{
	if (!c->exiting) {
		ARG(0, p_xval(c, x_itimer, U(0) & 0xffffffffu, "ITIMER_???"));
		if (nr == __NR_setitimer)
			ARG(1, p_itimerval(c, U(1)));
		split_at(c, st, nr == __NR_setitimer ? 2 : 1);
		return;
	}
	int i = nr == __NR_setitimer ? 2 : 1;
	ARG(i, if (c->result == 0 && U(i)) p_itimerval(c, U(i)); else p_addr(c, U(i)));
}

void d_timerfd_settime(DEC)
{
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		ARG(1, p_flags(c, x_timer_flags, U(1) & 0xffffffffu, NULL));
		ARG(2, p_itimerspec(c, U(2)));
		split_at(c, st, 3);
		return;
	}
	ARG(3, if (c->result == 0 && U(3)) p_itimerspec(c, U(3)); else p_addr(c, U(3)));
}

static void p_sigevent(struct fc *c, uint64_t addr)
{
	struct {
		uint64_t value;
		int32_t signo, notify;
		int32_t tid, pad;
	} ev;
	FETCH_OR_ADDR(c, addr, ev);
	fo_puts(c->o, "{");
	if (ev.notify == 0 || ev.notify == 4) {
		fo_puts(c->o, "sigev_signo=");
		p_signame(c, ev.signo);
		fo_puts(c->o, ", ");
	}
	fo_puts(c->o, "sigev_notify=");
	p_xval(c, x_sigev_notify, (uint64_t)(uint32_t)ev.notify, "SIGEV_???");
	if (ev.notify == 4)
		fo_printf(c->o, ", sigev_notify_thread_id=%d", ev.tid);
	fo_putc(c->o, '}');
}

void d_timer(DEC)
{
	if (nr == __NR_timer_create) { /* timer_create(clock, sevp, timerid) */
		if (!c->exiting) {
			ARG(0, p_xval(c, x_clocks, U(0) & 0xffffffffu, "CLOCK_???"));
			ARG(1, p_sigevent(c, U(1)));
			split_at(c, st, 2);
			return;
		}
		ARG(2, if (c->result == 0) p_int_array(c, U(2), 1); else p_addr(c, U(2)));
		return;
	}
	if (nr == __NR_timer_settime) { /* timer_settime(id, flags, new, old) */
		if (!c->exiting) {
			ARG(0, fo_printf(c->o, "%d", (int)a[0]));
			ARG(1, p_flags(c, x_timer_flags, U(1) & 0xffffffffu, NULL));
			ARG(2, p_itimerspec(c, U(2)));
			split_at(c, st, 3);
			return;
		}
		ARG(3, if (c->result == 0 && U(3)) p_itimerspec(c, U(3)); else p_addr(c, U(3)));
		return;
	}
	/* timer_gettime(id, cur) */
	if (!c->exiting) {
		ARG(0, fo_printf(c->o, "%d", (int)a[0]));
		split_at(c, st, 1);
		return;
	}
	ARG(1, if (c->result == 0) p_itimerspec(c, U(1)); else p_addr(c, U(1)));
}
