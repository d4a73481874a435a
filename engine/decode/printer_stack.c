/* printer_stack.c: strace -k's lines, one a frame under the line of a call,
 * a signal or an exit: " > FILE(FUNC+0xOFF) [0xREL]", " > FILE() [0xREL]"
 * without a symbol, " > backtracing_error [0xIP]" outside any file. The
 * frames come from the stack_of callback (the engine's unwinder), so the
 * printer stays free of the tracer. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include "printer_internal.h"

/* The lines of tid's stack now, as one malloc'd text; NULL: none. taken:
 * kept to print later, where strace 6.1 writes a frame without a symbol as
 * "FILE(+0x0)" (printed at once it is "FILE()"). */
static char *stack_text(revel_printer *p, pid_t tid, bool taken)
{
	if (!p->o.stack_of)
		return NULL;
	if (!p->frames) {
		p->frames = calloc(REVEL_FRAMES_MAX, sizeof *p->frames);
		if (!p->frames)
			return NULL;
	}
	int n = p->o.stack_of(p->o.ctx, tid, p->frames, REVEL_FRAMES_MAX);
	if (n <= 0)
		return NULL;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		return NULL;
	for (int i = 0; i < n; i++) {
		const struct revel_frame *fr = &p->frames[i];
		if (fr->lib && fr->func && fr->file && fr->line > 0) /* stack_trace 2 */
			fprintf(f, " > %s(%s+0x%" PRIx64 ") [0x%" PRIx64 "] %s:%d\n", fr->lib,
			        fr->func, fr->offset, fr->rel, fr->file, fr->line);
		else if (fr->lib && fr->func)
			fprintf(f, " > %s(%s+0x%" PRIx64 ") [0x%" PRIx64 "]\n", fr->lib, fr->func,
			        fr->offset, fr->rel);
		else if (fr->lib && taken) /* strace 6.1 keeps libunwind's empty name */
			fprintf(f, " > %s(+0x0) [0x%" PRIx64 "]\n", fr->lib, fr->rel);
		else if (fr->lib)
			fprintf(f, " > %s() [0x%" PRIx64 "]\n", fr->lib, fr->rel);
		else
			fprintf(f, " > backtracing_error [0x%" PRIx64 "]\n", fr->ip);
	}
	if (n >= REVEL_FRAMES_MAX)
		fputs(" > too many stack frames\n", f);
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* At a call's entry: execve's stack is the old image's and exit_group's the
 * last there is, so both are taken now (strace's STACKTRACE_CAPTURE_ON_ENTER).
 * An execve with no stack yet (revel's own spawn of the command) is walked
 * at its exit, in the new image, as strace walks its first one. */
void pr_stack_enter(revel_printer *p, struct call *c)
{
	free(c->stack);
	c->stack = NULL;
	if (c->nr == SYS_execve || c->nr == SYS_execveat || c->nr == SYS_exit ||
	    c->nr == SYS_exit_group)
		c->stack = stack_text(p, c->tid, true);
}

/* After a finished line: the stack taken at entry (*taken, freed), or tid's
 * stack now. taken NULL: walk now. */
void pr_stack_print(revel_printer *p, pid_t tid, char **taken)
{
	char *text = taken && *taken ? *taken : stack_text(p, tid, false);
	if (taken)
		*taken = NULL;
	if (!text)
		return;
	pr_put(p, text, strlen(text));
	p->curcol = 0;
	p->printing = 0;
	free(text);
}
