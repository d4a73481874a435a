/* gdb_regs.c: x86-64 registers as gdb numbers them, from the target
 * description revel sends (target.xml: general, segment, x87, SSE, Linux's
 * orig_rax, fs_base/gs_base, and AVX's upper halves where the CPU has them).
 * General registers go through the task's register cache; x87/SSE through
 * NT_PRFPREG (the FXSAVE layout), AVX through NT_X86_XSTATE. */
#define _GNU_SOURCE
#include <cpuid.h>
#include <elf.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/user.h>
#include "gdb_server.h"

enum { R_GPR, R_SEG, R_ST, R_FPU, R_XMM, R_MXCSR, R_YMMH };

struct reg {
	const char *name;
	unsigned char bits, kind;
	short at; /* user_regs_struct offset, or index in its kind */
	const char *type;
};

#define G(n, f, ty)                                                                                \
	{                                                                                          \
		n, 64, R_GPR, offsetof(struct user_regs_struct, f), ty                             \
	}
#define S(n, f)                                                                                    \
	{                                                                                          \
		n, 32, R_SEG, offsetof(struct user_regs_struct, f), "int32"                        \
	}
static const struct reg REGS[] = {
    G("rax", rax, "int64"),
    G("rbx", rbx, "int64"),
    G("rcx", rcx, "int64"),
    G("rdx", rdx, "int64"),
    G("rsi", rsi, "int64"),
    G("rdi", rdi, "int64"),
    G("rbp", rbp, "data_ptr"),
    G("rsp", rsp, "data_ptr"),
    G("r8", r8, "int64"),
    G("r9", r9, "int64"),
    G("r10", r10, "int64"),
    G("r11", r11, "int64"),
    G("r12", r12, "int64"),
    G("r13", r13, "int64"),
    G("r14", r14, "int64"),
    G("r15", r15, "int64"),
    G("rip", rip, "code_ptr"),
    {"eflags", 32, R_SEG, offsetof(struct user_regs_struct, eflags), "i386_eflags"},
    S("cs", cs),
    S("ss", ss),
    S("ds", ds),
    S("es", es),
    S("fs", fs),
    S("gs", gs),
    {"st0", 80, R_ST, 0, "i387_ext"},
    {"st1", 80, R_ST, 1, "i387_ext"},
    {"st2", 80, R_ST, 2, "i387_ext"},
    {"st3", 80, R_ST, 3, "i387_ext"},
    {"st4", 80, R_ST, 4, "i387_ext"},
    {"st5", 80, R_ST, 5, "i387_ext"},
    {"st6", 80, R_ST, 6, "i387_ext"},
    {"st7", 80, R_ST, 7, "i387_ext"},
    {"fctrl", 32, R_FPU, 0, "int"},
    {"fstat", 32, R_FPU, 1, "int"},
    {"ftag", 32, R_FPU, 2, "int"},
    {"fiseg", 32, R_FPU, 3, "int"},
    {"fioff", 32, R_FPU, 4, "int"},
    {"foseg", 32, R_FPU, 5, "int"},
    {"fooff", 32, R_FPU, 6, "int"},
    {"fop", 32, R_FPU, 7, "int"},
    {"xmm0", 128, R_XMM, 0, "vec128"},
    {"xmm1", 128, R_XMM, 1, "vec128"},
    {"xmm2", 128, R_XMM, 2, "vec128"},
    {"xmm3", 128, R_XMM, 3, "vec128"},
    {"xmm4", 128, R_XMM, 4, "vec128"},
    {"xmm5", 128, R_XMM, 5, "vec128"},
    {"xmm6", 128, R_XMM, 6, "vec128"},
    {"xmm7", 128, R_XMM, 7, "vec128"},
    {"xmm8", 128, R_XMM, 8, "vec128"},
    {"xmm9", 128, R_XMM, 9, "vec128"},
    {"xmm10", 128, R_XMM, 10, "vec128"},
    {"xmm11", 128, R_XMM, 11, "vec128"},
    {"xmm12", 128, R_XMM, 12, "vec128"},
    {"xmm13", 128, R_XMM, 13, "vec128"},
    {"xmm14", 128, R_XMM, 14, "vec128"},
    {"xmm15", 128, R_XMM, 15, "vec128"},
    {"mxcsr", 32, R_MXCSR, 0, "i386_mxcsr"},
    G("orig_rax", orig_rax, "int"),
    G("fs_base", fs_base, "int"),
    G("gs_base", gs_base, "int"),
    {"ymm0h", 128, R_YMMH, 0, "uint128"},
    {"ymm1h", 128, R_YMMH, 1, "uint128"},
    {"ymm2h", 128, R_YMMH, 2, "uint128"},
    {"ymm3h", 128, R_YMMH, 3, "uint128"},
    {"ymm4h", 128, R_YMMH, 4, "uint128"},
    {"ymm5h", 128, R_YMMH, 5, "uint128"},
    {"ymm6h", 128, R_YMMH, 6, "uint128"},
    {"ymm7h", 128, R_YMMH, 7, "uint128"},
    {"ymm8h", 128, R_YMMH, 8, "uint128"},
    {"ymm9h", 128, R_YMMH, 9, "uint128"},
    {"ymm10h", 128, R_YMMH, 10, "uint128"},
    {"ymm11h", 128, R_YMMH, 11, "uint128"},
    {"ymm12h", 128, R_YMMH, 12, "uint128"},
    {"ymm13h", 128, R_YMMH, 13, "uint128"},
    {"ymm14h", 128, R_YMMH, 14, "uint128"},
    {"ymm15h", 128, R_YMMH, 15, "uint128"},
};
enum { NREGS_ALL = sizeof REGS / sizeof *REGS, FIRST_YMMH = 60, XSAVE_YMMH = 576 };

static bool have_avx(void)
{
	unsigned a, b, c, d;
	if (!__get_cpuid(1, &a, &b, &c, &d))
		return false;
	/* AVX and OSXSAVE: the kernel saves the upper halves */
	return (c & (1u << 28)) && (c & (1u << 27));
}

static int nregs(void)
{
	static int n;
	if (!n)
		n = have_avx() ? NREGS_ALL : FIRST_YMMH;
	return n;
}

static const char *const XML_HEAD =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target>"
    "<architecture>i386:x86-64</architecture><osabi>GNU/Linux</osabi>"
    "<feature name=\"org.gnu.gdb.i386.core\"><flags id=\"i386_eflags\" size=\"4\">"
    "<field name=\"CF\" start=\"0\" end=\"0\"/><field name=\"\" start=\"1\" end=\"1\"/>"
    "<field name=\"PF\" start=\"2\" end=\"2\"/><field name=\"AF\" start=\"4\" end=\"4\"/>"
    "<field name=\"ZF\" start=\"6\" end=\"6\"/><field name=\"SF\" start=\"7\" end=\"7\"/>"
    "<field name=\"TF\" start=\"8\" end=\"8\"/><field name=\"IF\" start=\"9\" end=\"9\"/>"
    "<field name=\"DF\" start=\"10\" end=\"10\"/><field name=\"OF\" start=\"11\" end=\"11\"/>"
    "<field name=\"NT\" start=\"14\" end=\"14\"/><field name=\"RF\" start=\"16\" end=\"16\"/>"
    "<field name=\"VM\" start=\"17\" end=\"17\"/><field name=\"AC\" start=\"18\" end=\"18\"/>"
    "<field name=\"VIF\" start=\"19\" end=\"19\"/><field name=\"VIP\" start=\"20\" end=\"20\"/>"
    "<field name=\"ID\" start=\"21\" end=\"21\"/></flags>";
static const char *const XML_SSE_TYPES =
    "<vector id=\"v4f\" type=\"ieee_single\" count=\"4\"/>"
    "<vector id=\"v2d\" type=\"ieee_double\" count=\"2\"/>"
    "<vector id=\"v16i8\" type=\"int8\" count=\"16\"/>"
    "<vector id=\"v8i16\" type=\"int16\" count=\"8\"/>"
    "<vector id=\"v4i32\" type=\"int32\" count=\"4\"/>"
    "<vector id=\"v2i64\" type=\"int64\" count=\"2\"/>"
    "<union id=\"vec128\"><field name=\"v4_float\" type=\"v4f\"/>"
    "<field name=\"v2_double\" type=\"v2d\"/><field name=\"v16_int8\" type=\"v16i8\"/>"
    "<field name=\"v8_int16\" type=\"v8i16\"/><field name=\"v4_int32\" type=\"v4i32\"/>"
    "<field name=\"v2_int64\" type=\"v2i64\"/><field name=\"uint128\" type=\"uint128\"/>"
    "</union><flags id=\"i386_mxcsr\" size=\"4\">"
    "<field name=\"IE\" start=\"0\" end=\"0\"/><field name=\"DE\" start=\"1\" end=\"1\"/>"
    "<field name=\"ZE\" start=\"2\" end=\"2\"/><field name=\"OE\" start=\"3\" end=\"3\"/>"
    "<field name=\"UE\" start=\"4\" end=\"4\"/><field name=\"PE\" start=\"5\" end=\"5\"/>"
    "<field name=\"DAZ\" start=\"6\" end=\"6\"/><field name=\"IM\" start=\"7\" end=\"7\"/>"
    "<field name=\"DM\" start=\"8\" end=\"8\"/><field name=\"ZM\" start=\"9\" end=\"9\"/>"
    "<field name=\"OM\" start=\"10\" end=\"10\"/><field name=\"UM\" start=\"11\" end=\"11\"/>"
    "<field name=\"PM\" start=\"12\" end=\"12\"/><field name=\"FZ\" start=\"15\" end=\"15\"/>"
    "</flags>";

const char *gdb_target_xml(void)
{
	static char xml[12000];
	if (xml[0])
		return xml;
	size_t o = (size_t)snprintf(xml, sizeof xml, "%s", XML_HEAD);
	for (int i = 0; i < nregs(); i++) {
		const char *open = NULL;
		if (i == 40)
			open = "</feature><feature name=\"org.gnu.gdb.i386.sse\">";
		else if (i == 57)
			open = "</feature><feature name=\"org.gnu.gdb.i386.linux\">";
		else if (i == 58)
			open = "</feature><feature name=\"org.gnu.gdb.i386.segments\">";
		else if (i == FIRST_YMMH)
			open = "</feature><feature name=\"org.gnu.gdb.i386.avx\">";
		if (open)
			o += (size_t)snprintf(xml + o, sizeof xml - o, "%s%s", open,
			                      i == 40 ? XML_SSE_TYPES : "");
		const char *group = REGS[i].kind == R_FPU     ? " group=\"float\""
		                    : REGS[i].kind == R_MXCSR ? " group=\"vector\""
		                    : i == 57                 ? " group=\"system\""
		                                              : "";
		o += (size_t)snprintf(
		    xml + o, sizeof xml - o,
		    "<reg name=\"%s\" bitsize=\"%d\" type=\"%s\" regnum=\"%d\"%s/>", REGS[i].name,
		    REGS[i].bits, REGS[i].type, i, group);
	}
	snprintf(xml + o, sizeof xml - o, "</feature></target>\n");
	return xml;
}

/* The register files of one stop. */
struct files {
	struct user_regs_struct *gpr;
	unsigned char fx[512];
	unsigned char xs[4096];
	int xs_len;
	bool fx_ok;
};

static bool load(struct task *t, struct files *f, int kinds)
{
	f->gpr = task_regs(t);
	if (!f->gpr)
		return false;
	f->fx_ok = task_get_regset(t->tid, NT_PRFPREG, f->fx, sizeof f->fx) == 512;
	f->xs_len =
	    kinds & (1 << R_YMMH) ? task_get_regset(t->tid, NT_X86_XSTATE, f->xs, sizeof f->xs) : 0;
	return true;
}

static uint16_t u16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t u32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

/* The full tag word from FXSAVE's abridged one, as gdb and the x87 know it. */
static uint32_t full_ftag(const unsigned char *fx)
{
	unsigned abr = fx[4], top = (u16(fx + 2) >> 11) & 7, tag = 0;
	for (unsigned phys = 0; phys < 8; phys++) {
		unsigned t = 3; /* empty */
		if (abr & (1u << phys)) {
			const unsigned char *r = fx + 32 + 16 * ((phys - top) & 7);
			unsigned exp = (unsigned)(r[9] & 0x7f) << 8 | r[8];
			bool integer = r[7] & 0x80, frac0 = true;
			for (int k = 0; k < 8; k++)
				if ((k == 7 ? r[7] & 0x7f : r[k]) != 0)
					frac0 = false;
			if (exp == 0x7fff)
				t = 2;
			else if (exp == 0)
				t = frac0 && !integer ? 1 : 2;
			else
				t = integer ? 0 : 2;
		}
		tag |= t << (2 * phys);
	}
	return tag;
}

/* Register i's bytes (little-endian, bits/8 of them) into out; false when
 * the value is not available. */
static bool value(const struct files *f, int i, unsigned char *out)
{
	const struct reg *r = &REGS[i];
	uint64_t w;
	uint32_t v32 = 0;
	switch (r->kind) {
	case R_GPR:
		memcpy(&w, (const char *)f->gpr + r->at, 8);
		memcpy(out, &w, 8);
		return true;
	case R_SEG:
		memcpy(&w, (const char *)f->gpr + r->at, 8);
		v32 = (uint32_t)w;
		memcpy(out, &v32, 4);
		return true;
	case R_ST:
		if (!f->fx_ok)
			return false;
		memcpy(out, f->fx + 32 + 16 * r->at, 10);
		return true;
	case R_FPU:
		if (!f->fx_ok)
			return false;
		switch (r->at) {
		case 0:
			v32 = u16(f->fx);
			break;
		case 1:
			v32 = u16(f->fx + 2);
			break;
		case 2:
			v32 = full_ftag(f->fx);
			break;
		case 3:
			v32 = u16(f->fx + 12);
			break;
		case 4:
			v32 = u32(f->fx + 8);
			break;
		case 5:
			v32 = u16(f->fx + 20);
			break;
		case 6:
			v32 = u32(f->fx + 16);
			break;
		default:
			v32 = u16(f->fx + 6) & 0x7ff;
			break;
		}
		memcpy(out, &v32, 4);
		return true;
	case R_XMM:
		if (!f->fx_ok)
			return false;
		memcpy(out, f->fx + 160 + 16 * r->at, 16);
		return true;
	case R_MXCSR:
		if (!f->fx_ok)
			return false;
		memcpy(out, f->fx + 24, 4);
		return true;
	default: /* R_YMMH: zero while XSTATE_BV says the state is initial */
		if (f->xs_len < XSAVE_YMMH + 256)
			return false;
		if (!(f->xs[512] & 4))
			memset(out, 0, 16);
		else
			memcpy(out, f->xs + XSAVE_YMMH + 16 * r->at, 16);
		return true;
	}
}

static void put_value(struct files *f, int i, const unsigned char *in)
{
	const struct reg *r = &REGS[i];
	uint64_t w = 0;
	uint32_t v32;
	switch (r->kind) {
	case R_GPR:
		memcpy((char *)f->gpr + r->at, in, 8);
		return;
	case R_SEG:
		memcpy(&v32, in, 4);
		w = v32;
		memcpy((char *)f->gpr + r->at, &w, 8);
		return;
	case R_ST:
		memcpy(f->fx + 32 + 16 * r->at, in, 10);
		return;
	case R_FPU:
		memcpy(&v32, in, 4);
		switch (r->at) {
		case 0:
			memcpy(f->fx, &v32, 2);
			break;
		case 1:
			memcpy(f->fx + 2, &v32, 2);
			break;
		case 2: { /* back to the abridged form: not empty is a 1 */
			unsigned char abr = 0;
			for (int p = 0; p < 8; p++)
				if (((v32 >> (2 * p)) & 3) != 3)
					abr |= (unsigned char)(1 << p);
			f->fx[4] = abr;
			break;
		}
		case 3:
			memcpy(f->fx + 12, &v32, 2);
			break;
		case 4:
			memcpy(f->fx + 8, &v32, 4);
			break;
		case 5:
			memcpy(f->fx + 20, &v32, 2);
			break;
		case 6:
			memcpy(f->fx + 16, &v32, 4);
			break;
		default:
			v32 &= 0x7ff;
			memcpy(f->fx + 6, &v32, 2);
			break;
		}
		return;
	case R_XMM:
		memcpy(f->fx + 160 + 16 * r->at, in, 16);
		return;
	case R_MXCSR:
		memcpy(f->fx + 24, in, 4);
		return;
	default:
		if (f->xs_len >= XSAVE_YMMH + 256) {
			memcpy(f->xs + XSAVE_YMMH + 16 * r->at, in, 16);
			f->xs[512] |= 4;
		}
		return;
	}
}

static int kinds_of(int i)
{
	return 1 << REGS[i].kind;
}

void gdb_regs_read_all(revel_engine *e, struct task *t)
{
	struct gdb_server *g = e->gdb;
	static struct files f;
	if (!load(t, &f, nregs() > FIRST_YMMH ? 1 << R_YMMH : 0)) {
		gdb_reply(g, "E03");
		return;
	}
	static char hex[2 * 1024 + 1];
	char *o = hex;
	unsigned char v[16];
	for (int i = 0; i < nregs(); i++) {
		int n = REGS[i].bits / 8;
		if (value(&f, i, v)) {
			gdb_hex_encode(v, (size_t)n, o);
		} else {
			memset(o, 'x', 2 * (size_t)n);
		}
		o += 2 * n;
	}
	*o = 0;
	gdb_reply(g, "%s", hex);
}

static bool store(struct task *t, struct files *f, int kinds)
{
	task_regs_dirty(t);
	if ((kinds & (1 << R_ST | 1 << R_FPU | 1 << R_XMM | 1 << R_MXCSR)) && f->fx_ok &&
	    task_set_regset(t->tid, NT_PRFPREG, f->fx, sizeof f->fx) < 0)
		return false;
	if ((kinds & 1 << R_YMMH) && f->xs_len > 0 &&
	    task_set_regset(t->tid, NT_X86_XSTATE, f->xs, (size_t)f->xs_len) < 0)
		return false;
	return true;
}

bool gdb_regs_write_all(revel_engine *e, struct task *t, const char *hex)
{
	(void)e;
	static struct files f;
	int kinds = nregs() > FIRST_YMMH ? 1 << R_YMMH : 0;
	if (!load(t, &f, kinds))
		return false;
	size_t len = strlen(hex);
	int touched = 0;
	unsigned char v[16];
	for (int i = 0; i < nregs(); i++) {
		size_t n = REGS[i].bits / 8;
		if (len < 2 * n)
			break;
		if (hex[0] != 'x' && gdb_hex_decode(hex, 2 * n, v, sizeof v) == (long)n) {
			put_value(&f, i, v);
			touched |= kinds_of(i);
		}
		hex += 2 * n;
		len -= 2 * n;
	}
	return store(t, &f, touched);
}

bool gdb_reg_read(revel_engine *e, struct task *t, int regno)
{
	static struct files f;
	if (regno < 0 || regno >= nregs() || !load(t, &f, kinds_of(regno)))
		return false;
	unsigned char v[16];
	char hex[40];
	int n = REGS[regno].bits / 8;
	if (value(&f, regno, v))
		gdb_hex_encode(v, (size_t)n, hex);
	else {
		memset(hex, 'x', 2 * (size_t)n);
		hex[2 * n] = 0;
	}
	gdb_reply(e->gdb, "%s", hex);
	return true;
}

bool gdb_reg_write(revel_engine *e, struct task *t, int regno, const char *hex)
{
	(void)e;
	static struct files f;
	if (regno < 0 || regno >= nregs() || !load(t, &f, kinds_of(regno)))
		return false;
	size_t n = REGS[regno].bits / 8;
	unsigned char v[16];
	if (strlen(hex) != 2 * n || gdb_hex_decode(hex, 2 * n, v, sizeof v) != (long)n)
		return false;
	put_value(&f, regno, v);
	return store(t, &f, kinds_of(regno));
}
