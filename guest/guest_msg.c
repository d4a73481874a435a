/* Messages from the in-guest library to revel, on the rpc connection
 * (guest/guest_rpc.c): the tool's errors, notices, the fallback of an exec
 * to ptrace and its prelude. Each is a tag byte then text. */
#define _GNU_SOURCE
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "guest_core.h"
#include "guest_exec.h"
#include "guest_rpc.h"
#include "guest_signals.h"

static void say(const char *s)
{
	guest_raw(SYS_write, 2, (long)s, (long)strlen(s), 0, 0, 0);
}

/* A message to revel (tag, then s, at most MSG_MAX bytes of it): its reply
 * in this thread's guest_rpc_buf, *got bytes. Sent in two pieces, with no
 * buffer of its own: threads (and a signal's handler) may tell at once. */
#define MSG_MAX 4094
static long tell(char tag, const char *s, size_t *got)
{
	size_t n = strlen(s);
	if (n > MSG_MAX)
		n = MSG_MAX;
	struct iovec v[2] = {{&tag, 1}, {(void *)s, n}};
	*got = 0;
	return guest_exchangev(v, 2, got);
}

/* An error in the tool: revel prints it and ends the run. */
void guest_fatal(const char *what)
{
	size_t got;
	if (tell('E', what, &got) < 0) {
		say("revel: in-guest tool: ");
		say(what);
		say("\n");
	}
	guest_raw(SYS_exit_group, 125, 0, 0, 0, 0, 0);
}

void guest_notice(const char *s)
{
	size_t got;
	tell('N', s, &got);
}

int guest_fallback(const char *s, void *bpf, size_t max, size_t *n)
{
	size_t got;
	*n = 0;
	if (tell('F', s, &got) < 0 || got == 0 || guest_rpc_buf[0] != 'k')
		return 0;
	if (got > 1 && got - 1 <= max) {
		memcpy(bpf, guest_rpc_buf + 1, got - 1);
		*n = got - 1;
	}
	return 1;
}

int guest_prelude(const char *s)
{
	size_t got;
	return tell('P', s, &got) >= 0 && got > 0 && guest_rpc_buf[0] == 'k';
}

void guest_filtered(const char *tid)
{
	size_t got;
	tell('G', tid, &got);
}
