/* decode_poll.c: decoders of the I/O multiplexing calls: poll and ppoll,
 * select and pselect6, epoll_wait/epoll_pwait/epoll_pwait2, epoll_ctl. */
#include <inttypes.h>
#include <string.h>
#include <sys/syscall.h>
#include "decode.h"

void d_poll(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_pollfds(c, U(0), U(1) & 0xffffffffu, false));
	ARG(1, fo_printf(c->o, "%u", (unsigned)a[1]));
	if (nr == __NR_poll) {
		ARG(2, fo_printf(c->o, "%d", (int)a[2]));
	} else {
		ARG(2, p_timespec(c, U(2)));
		ARG(3, p_sigset_addr(c, U(3), U(4)));
		ARG(4, fo_printf(c->o, "%" PRIu64, U(4)));
	}
	st->printed = REVEL_FMT_MAXARGS;
}

void d_select(DEC)
{
	if (c->exiting)
		return;
	int n = (int)a[0];
	ARG(0, fo_printf(c->o, "%d", n));
	for (int i = 1; i < 4; i++)
		ARG(i, p_fdset(c, U(i), n));
	if (nr == __NR_select) {
		ARG(4, p_timeval(c, U(4)));
	} else {
		ARG(4, p_timespec(c, U(4)));
		ARG(5, {
			uint64_t sm[2];
			if (U(5) && fc_fetch(c, U(5), sm, sizeof sm)) {
				fo_puts(c->o, "{sigmask=");
				p_sigset_addr(c, sm[0], sm[1]);
				fo_printf(c->o, ", sigsetsize=%" PRIu64 "}", sm[1]);
			} else {
				p_addr(c, U(5));
			}
		});
	}
	st->printed = REVEL_FMT_MAXARGS;
}

void d_epoll_wait(DEC)
{
	if (!c->exiting) {
		ARG(0, p_fd(c, (int)a[0]));
		split_at(c, st, 1);
		return;
	}
	ARG(1, p_epoll_events(c, U(1), c->result));
	ARG(2, fo_printf(c->o, "%d", (int)a[2]));
	if (nr == __NR_epoll_pwait2)
		ARG(3, p_timespec(c, U(3)));
	else
		ARG(3, fo_printf(c->o, "%d", (int)a[3]));
	if (nr != __NR_epoll_wait) {
		ARG(4, p_sigset_addr(c, U(4), U(5)));
		ARG(5, fo_printf(c->o, "%" PRIu64, U(5)));
	}
}

void d_epoll_ctl(DEC)
{
	if (c->exiting)
		return;
	ARG(0, p_fd(c, (int)a[0]));
	ARG(1, p_xval(c, x_epoll_ctl, U(1) & 0xffffffffu, "EPOLL_CTL_???"));
	ARG(2, p_fd(c, (int)a[2]));
	ARG(3, p_epoll_event(c, U(3)));
	st->printed = REVEL_FMT_MAXARGS;
}
