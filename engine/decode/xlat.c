/* xlat.c: the printers of flag and constant tables (the tables themselves
 * are generated from xlat/NAME.in at build time), as strace prints them: a
 * value by name or as a number with a "/ * X_??? * /" comment; a flag set as
 * names OR'ed with a hex remainder. */
#include <inttypes.h>
#include <string.h>
#include "decode.h"

const char *xlat_name(const struct xlat *x, uint64_t v)
{
	for (; x->name; x++)
		if (x->val == v)
			return x->name;
	return NULL;
}

void p_xval(struct fc *c, const struct xlat *x, uint64_t v, const char *dflt)
{
	const char *n = xlat_name(x, v);
	if (n) {
		fo_puts(c->o, n);
		return;
	}
	fo_printf(c->o, "%#" PRIx64, v);
	if (dflt)
		fo_printf(c->o, " /* %s */", dflt);
}

void p_flags(struct fc *c, const struct xlat *x, uint64_t v, const char *dflt)
{
	int n = 0;
	uint64_t left = v;
	if (v == 0) {
		/* A table may name 0 (O_RDONLY, SIG_BLOCK...). */
		const char *z = xlat_name(x, 0);
		fo_puts(c->o, z ? z : "0");
		return;
	}
	for (; x->name; x++) {
		if (x->val == 0 || (left & x->val) != x->val)
			continue;
		if (n++)
			fo_putc(c->o, '|');
		fo_puts(c->o, x->name);
		left &= ~x->val;
		if (!left)
			break;
	}
	if (!left)
		return;
	if (n) {
		fo_printf(c->o, "|%#" PRIx64, left);
	} else {
		fo_printf(c->o, "%#" PRIx64, left);
		if (dflt)
			fo_printf(c->o, " /* %s */", dflt);
	}
}
