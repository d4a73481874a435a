/* decode_term.c: the termios of the terminal ioctls (TCGETS, TCSETS,
 * TCSETSW, TCSETSF, TIOCGLCKTRMIOS, TIOCSLCKTRMIOS) as strace 6.1 prints
 * them: each flag word by name, c_oflag's delay fields and c_cflag's speed
 * and size as values joined to the flags by "|"; c_line and c_cc with -v. */
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include "decode.h"

/* The kernel's struct termios (glibc's has more c_cc and the speeds). */
struct kterm {
	uint32_t iflag, oflag, cflag, lflag;
	uint8_t line;
	uint8_t cc[19];
};

/* A flag word; 0 prints nothing, as strace's printflags without a default. */
static void p_word(struct fc *c, const struct xlat *x, uint64_t v)
{
	if (v)
		p_flags(c, x, v, NULL);
}

static void p_oflag(struct fc *c, uint64_t v)
{
	static const struct {
		const struct xlat *x;
		uint64_t mask;
		const char *dflt;
	} fields[] = {
	    {x_term_nldly, NLDLY, "NL?"},    {x_term_crdly, CRDLY, "CR?"},
	    {x_term_tabdly, TABDLY, "TAB?"}, {x_term_bsdly, BSDLY, "BS?"},
	    {x_term_vtdly, VTDLY, "VT?"},    {x_term_ffdly, FFDLY, "FF?"},
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		p_xval(c, fields[i].x, v & fields[i].mask, fields[i].dflt);
		fo_putc(c->o, '|');
		v &= ~fields[i].mask;
	}
	p_word(c, x_term_oflags, v);
}

static void p_cflag(struct fc *c, uint64_t v)
{
	p_xval(c, x_term_baud, v & CBAUD, "B???");
	fo_putc(c->o, '|');
	if (v & CIBAUD) { /* the input speed, when it is set apart */
		p_xval(c, x_term_baud, (v & CIBAUD) >> IBSHIFT, "B???");
		fo_puts(c->o, "<<IBSHIFT|");
	}
	p_xval(c, x_term_csize, v & CSIZE, "CS?");
	fo_putc(c->o, '|');
	p_word(c, x_term_cflags, v & ~(uint64_t)(CBAUD | CIBAUD | CSIZE));
}

static void p_termios(struct fc *c, uint64_t addr)
{
	struct kterm t;
	FETCH_OR_ADDR(c, addr, t);
	fo_puts(c->o, "{c_iflag=");
	p_word(c, x_term_iflags, t.iflag);
	fo_puts(c->o, ", c_oflag=");
	p_oflag(c, t.oflag);
	fo_puts(c->o, ", c_cflag=");
	p_cflag(c, t.cflag);
	fo_puts(c->o, ", c_lflag=");
	p_word(c, x_term_lflags, t.lflag);
	if (fc_abbrev(c)) {
		fo_puts(c->o, ", ...}");
		return;
	}
	fo_puts(c->o, ", c_line=");
	p_xval(c, x_term_ldisc, t.line, "N_???");
	fo_puts(c->o, ", c_cc=[");
	for (unsigned i = 0; i < sizeof t.cc; i++) {
		const char *name = xlat_name(x_term_cc, i);
		fo_puts(c->o, i ? ", [" : "[");
		if (name)
			fo_puts(c->o, name);
		else
			fo_udec(c->o, i);
		fo_puts(c->o, "]=");
		fo_hex(c->o, t.cc[i]);
	}
	fo_puts(c->o, "]}");
}

bool term_ioctl(struct fc *c, unsigned req, const int64_t *a, struct revel_fmt_state *st)
{
	switch (req) {
	case TCGETS:
	case TIOCGLCKTRMIOS: /* the kernel's, on exit */
		if (c->exiting)
			ARG(2, if (c->result < 0) p_addr(c, U(2)); else p_termios(c, U(2)));
		else
			split_at(c, st, 2);
		return true;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
	case TIOCSLCKTRMIOS:
		if (!c->exiting) {
			ARG(2, p_termios(c, U(2)));
			st->printed = REVEL_FMT_MAXARGS;
		}
		return true;
	}
	return false;
}
