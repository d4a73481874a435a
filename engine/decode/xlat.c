/* xlat.c: the printers of flag and constant tables (the tables themselves
 * are generated from xlat/NAME.in at build time), as strace prints them: a
 * value by name or as a number with a "/ * X_??? * /" comment; a flag set as
 * names OR'ed with a hex remainder. */
#include <inttypes.h>
#include <string.h>
#include "decode.h"
#include "revel/systable.h"

const char *xlat_name(const struct xlat *x, uint64_t v)
{
	for (; x->name; x++)
		if (x->val == v)
			return x->name;
	return NULL;
}

int fc_style(const struct revel_fmt *f, long nr)
{
	return f->styles && nr >= 0 && nr < REVEL_NR_MAX ? f->styles[nr] : 0;
}

bool fc_abbrev(struct fc *c)
{
	return !(fc_style(c->f, c->nr) & REVEL_STYLE_NO_ABBREV);
}

bool fc_verbose(struct fc *c)
{
	return !(fc_style(c->f, c->nr) & REVEL_STYLE_NO_VERBOSE);
}

static void put_num(struct fc *c, uint64_t v, char base)
{
	if (base == 'o')
		fo_printf(c->o, "%#" PRIo64, v);
	else if (base == 'd')
		fo_dec(c->o, (int64_t)v);
	else if (base == 'u')
		fo_udec(c->o, v);
	else
		fo_hex(c->o, v);
}

int xs_begin(struct fc *c, uint64_t v, char base)
{
	int fl = c->f->flags;
	if (c->xs_inner || !(fl & (REVEL_FMT_CONST_RAW | REVEL_FMT_CONST_VERBOSE)))
		return XS_DECODE;
	put_num(c, v, base);
	if (fl & REVEL_FMT_CONST_RAW)
		return XS_SKIP;
	fo_puts(c->o, " /* ");
	c->xs_inner = true;
	return XS_CLOSE;
}

void xs_end(struct fc *c, int how)
{
	if (how == XS_CLOSE) {
		fo_puts(c->o, " */");
		c->xs_inner = false;
	}
}

/* Under -X raw or verbose: the number, and for verbose a known name in a
 * comment (strace prints no comment for a value it cannot name). */
static bool styled(struct fc *c, uint64_t v, const char *name)
{
	int fl = c->f->flags;
	if (c->xs_inner || !(fl & (REVEL_FMT_CONST_RAW | REVEL_FMT_CONST_VERBOSE)))
		return false;
	fo_hex(c->o, v);
	if ((fl & REVEL_FMT_CONST_VERBOSE) && name)
		fo_printf(c->o, " /* %s */", name);
	return true;
}

void p_xval(struct fc *c, const struct xlat *x, uint64_t v, const char *dflt)
{
	const char *n = xlat_name(x, v);
	if (styled(c, v, n))
		return;
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
	if (!c->xs_inner && (c->f->flags & (REVEL_FMT_CONST_RAW | REVEL_FMT_CONST_VERBOSE))) {
		/* Nothing known by name: the number alone, under verbose too. */
		bool known = v == 0 ? xlat_name(x, 0) != NULL : false;
		for (const struct xlat *y = x; !known && y->name; y++)
			known = y->val && (v & y->val) == y->val;
		if (!known || (c->f->flags & REVEL_FMT_CONST_RAW)) {
			fo_hex(c->o, v);
			return;
		}
		int how = xs_begin(c, v, 'x');
		p_flags(c, x, v, dflt);
		xs_end(c, how);
		return;
	}
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
