/* unwind.c: a stopped guest thread's call stack, with elfutils' libdw.
 *
 * Per process: a Dwfl whose modules are the file mappings, attached with
 * thread callbacks that hand libdw the registers read at the stop and guest
 * memory through revel's reader (revel is the tracer already: libdw does no
 * ptrace of its own). The modules are reported again after a call that may
 * change the executable mappings, or when a frame's ip is in none of them.
 * Names: the nearest function symbol at or before ip in the file's symbol
 * table, first in table order on a tie, which is what strace -k's libunwind
 * prints (libdw's own lookup wants the ip inside the symbol's size). */
#define _GNU_SOURCE
#include <errno.h>
#include <revel/unwind.h>
#include <sys/syscall.h>
#include "engine_state.h"
#include "unwind_internal.h"

bool unwind_maps_call(long nr)
{
	return nr == SYS_mmap || nr == SYS_munmap || nr == SYS_mprotect || nr == SYS_mremap ||
	       nr == SYS_pkey_mprotect || nr == SYS_shmat || nr == SYS_shmdt ||
	       nr == SYS_remap_file_pages;
}

#ifndef REVEL_HAVE_LIBDW

int revel_unwind_available(void)
{
	return 0;
}

int revel_backtrace(revel_engine *e, pid_t tid, struct revel_frame *out, int max, int flags)
{
	(void)e, (void)tid, (void)out, (void)max, (void)flags;
	return -ENOSYS;
}

void unwind_proc_free(struct unwind_proc *u)
{
	(void)u;
}

void unwind_proc_stale(struct unwind_proc *u)
{
	(void)u;
}

#else

#include <elfutils/libdwfl.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef REVEL_HAVE_IBERTY
#include <libiberty/demangle.h>
#endif

enum { PAGE_BYTES = 4096, PAGES_CACHED = 4 };

struct map {
	uint64_t start, end, offset;
	char *path;
};

struct sym {
	uint64_t addr;
	int idx;
	const char *name;
	char *shown; /* demangled, once asked; NULL: not yet, or name itself */
	bool asked;
};

/* A module's function symbols, sorted by address: its Dwfl userdata. */
struct symtab {
	struct sym *s;
	size_t n;
};

struct unwind_proc {
	Dwfl *dwfl;
	pid_t pid;
	bool stale;
	struct map *maps; /* the executable file mappings, by address */
	size_t nmaps;
	/* The walk at hand, for the callbacks. */
	revel_engine *e;
	pid_t tid;
	const struct user_regs_struct *regs;
	struct revel_frame *out;
	int max, n, flags;
	bool missed; /* a frame's ip was in no mapping known */
	/* Guest pages read in this walk: the unwinder asks for a word at a
	 * time, and one read of the page beats a syscall per word. */
	struct {
		uint64_t base; /* page address; 1: empty (no page starts there) */
		uint8_t data[PAGE_BYTES];
	} pages[PAGES_CACHED];
};

int revel_unwind_available(void)
{
	return 1;
}

/* Separate debug info only from the local build-id tree: libdw's standard
 * lookup may ask a debuginfod server, and a trace must not wait on one. */
static int find_debuginfo(Dwfl_Module *mod, void **userdata, const char *modname, Dwarf_Addr base,
                          const char *file_name, const char *debuglink_file,
                          GElf_Word debuglink_crc, char **debuginfo_file_name)
{
	(void)userdata, (void)modname, (void)base, (void)file_name, (void)debuglink_file,
	    (void)debuglink_crc;
	const unsigned char *id;
	GElf_Addr vaddr;
	int n = dwfl_module_build_id(mod, &id, &vaddr);
	if (n < 2)
		return -1;
	char path[PATH_MAX];
	size_t k = (size_t)snprintf(path, sizeof path, "/usr/lib/debug/.build-id/%02x/", id[0]);
	for (int i = 1; i < n && k + 3 < sizeof path; i++)
		k += (size_t)snprintf(path + k, sizeof path - k, "%02x", id[i]);
	if (k + 7 >= sizeof path)
		return -1;
	strcpy(path + k, ".debug");
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0)
		*debuginfo_file_name = strdup(path);
	return fd;
}

static const Dwfl_Callbacks dwfl_callbacks = {
    .find_elf = dwfl_linux_proc_find_elf,
    .find_debuginfo = find_debuginfo,
};

static pid_t next_thread(Dwfl *dwfl, void *arg, void **thread_argp)
{
	(void)dwfl, (void)arg, (void)thread_argp;
	return 0; /* walks name their thread: get_thread */
}

static bool get_thread(Dwfl *dwfl, pid_t tid, void *arg, void **thread_argp)
{
	(void)dwfl;
	struct unwind_proc *u = arg;
	*thread_argp = u;
	return tid == u->tid;
}

static bool memory_read(Dwfl *dwfl, Dwarf_Addr addr, Dwarf_Word *result, void *arg)
{
	(void)dwfl;
	struct unwind_proc *u = arg;
	uint64_t base = addr & ~(uint64_t)(PAGE_BYTES - 1);
	if (addr - base <= PAGE_BYTES - sizeof *result) {
		unsigned slot = (unsigned)(base / PAGE_BYTES) % PAGES_CACHED;
		if (u->pages[slot].base != base) {
			u->pages[slot].base = 1;
			if (revel_mem_read(u->e, u->tid, base, u->pages[slot].data, PAGE_BYTES) ==
			    PAGE_BYTES)
				u->pages[slot].base = base;
		}
		if (u->pages[slot].base == base) {
			memcpy(result, u->pages[slot].data + (addr - base), sizeof *result);
			return true;
		}
	}
	return revel_mem_read(u->e, u->tid, addr, result, sizeof *result) == sizeof *result;
}

/* x86-64's DWARF register numbers: rax rdx rcx rbx rsi rdi rbp rsp r8-r15,
 * then the return address column (rip). */
static bool set_initial_registers(Dwfl_Thread *thread, void *arg)
{
	const struct user_regs_struct *r = ((struct unwind_proc *)arg)->regs;
	Dwarf_Word w[17] = {r->rax, r->rdx, r->rcx, r->rbx, r->rsi, r->rdi, r->rbp, r->rsp, r->r8,
	                    r->r9,  r->r10, r->r11, r->r12, r->r13, r->r14, r->r15, r->rip};
	return dwfl_thread_state_registers(thread, 0, 17, w);
}

static const Dwfl_Thread_Callbacks thread_callbacks = {
    .next_thread = next_thread,
    .get_thread = get_thread,
    .memory_read = memory_read,
    .set_initial_registers = set_initial_registers,
};

static void free_maps(struct unwind_proc *u)
{
	for (size_t i = 0; i < u->nmaps; i++)
		free(u->maps[i].path);
	free(u->maps);
	u->maps = NULL;
	u->nmaps = 0;
}

/* The executable mappings with a name, for each frame's file and offset
 * (strace's own: its mmap cache from /proc/PID/maps). */
static int read_maps(struct unwind_proc *u)
{
	char name[64];
	snprintf(name, sizeof name, "/proc/%d/maps", (int)u->pid);
	FILE *f = fopen(name, "re");
	if (!f)
		return -errno;
	free_maps(u);
	size_t cap = 0;
	char *line = NULL;
	size_t len = 0;
	while (getline(&line, &len, f) > 0) {
		uint64_t start, end, off;
		char perms[8];
		int at = 0;
		if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %7s %" SCNx64 " %*s %*s %n", &start, &end,
		           perms, &off, &at) < 4 ||
		    !strchr(perms, 'x') || !at)
			continue;
		char *path = line + at;
		path[strcspn(path, "\n")] = 0;
		if (!*path)
			continue;
		if (u->nmaps == cap) {
			size_t nc = cap ? cap * 2 : 32;
			struct map *m = realloc(u->maps, nc * sizeof *m);
			if (!m)
				break;
			u->maps = m;
			cap = nc;
		}
		char *p = strdup(path);
		if (!p)
			break;
		u->maps[u->nmaps++] = (struct map){start, end, off, p};
	}
	free(line);
	fclose(f);
	return 0;
}

static const struct map *map_of(const struct unwind_proc *u, uint64_t ip)
{
	size_t lo = 0, hi = u->nmaps;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (ip < u->maps[mid].start)
			hi = mid;
		else if (ip >= u->maps[mid].end)
			lo = mid + 1;
		else
			return &u->maps[mid];
	}
	return NULL;
}

static void free_symtab(void **userdata)
{
	struct symtab *t = *userdata;
	if (t) {
		for (size_t i = 0; i < t->n; i++)
			free(t->s[i].shown);
		free(t->s);
		free(t);
		*userdata = NULL;
	}
}

static int removed_module(Dwfl_Module *mod, void *userdata, const char *name, Dwarf_Addr base,
                          void *arg)
{
	(void)mod, (void)name, (void)base, (void)arg;
	free_symtab(userdata); /* libdw passes the module's userdata slot */
	return DWARF_CB_OK;
}

static int free_module_symtab(Dwfl_Module *mod, void **userdata, const char *name, Dwarf_Addr base,
                              void *arg)
{
	(void)mod, (void)name, (void)base, (void)arg;
	free_symtab(userdata);
	return DWARF_CB_OK;
}

static int report(struct unwind_proc *u)
{
	dwfl_report_begin(u->dwfl);
	int rc = dwfl_linux_proc_report(u->dwfl, u->pid);
	if (dwfl_report_end(u->dwfl, removed_module, NULL) != 0 || rc != 0)
		return -ESRCH;
	u->stale = false;
	return read_maps(u);
}

static struct unwind_proc *proc_unwinder(revel_engine *e, struct proc *p)
{
	if (p->unwind)
		return p->unwind;
	struct unwind_proc *u = calloc(1, sizeof *u);
	if (!u)
		return NULL;
	u->pid = p->pid;
	u->dwfl = dwfl_begin(&dwfl_callbacks);
	u->e = e;
	if (!u->dwfl || report(u) != 0 ||
	    !dwfl_attach_state(u->dwfl, NULL, p->pid, &thread_callbacks, u)) {
		unwind_proc_free(u);
		return NULL;
	}
	p->unwind = u;
	return u;
}

void unwind_proc_free(struct unwind_proc *u)
{
	if (!u)
		return;
	if (u->dwfl) {
		dwfl_getmodules(u->dwfl, free_module_symtab, NULL, 0);
		dwfl_end(u->dwfl);
	}
	free_maps(u);
	free(u);
}

void unwind_proc_stale(struct unwind_proc *u)
{
	u->stale = true;
}

static int sym_cmp(const void *a, const void *b)
{
	const struct sym *x = a, *y = b;
	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return x->idx - y->idx;
}

/* The function symbols of the module's own file, .symtab and .dynsym in
 * section order, as libunwind reads them; not those of a separate debug
 * file, which names more (static and internal) functions than strace does. */
static struct symtab *module_symtab(Dwfl_Module *mod)
{
	void **userdata;
	dwfl_module_info(mod, &userdata, NULL, NULL, NULL, NULL, NULL, NULL);
	if (*userdata)
		return *userdata;
	struct symtab *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	*userdata = t;
	GElf_Addr bias;
	Elf *elf = dwfl_module_getelf(mod, &bias);
	size_t cap = 0;
	int idx = 0;
	for (Elf_Scn *scn = elf ? elf_nextscn(elf, NULL) : NULL; scn; scn = elf_nextscn(elf, scn)) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh) ||
		    (sh.sh_type != SHT_SYMTAB && sh.sh_type != SHT_DYNSYM) || !sh.sh_entsize)
			continue;
		Elf_Data *d = elf_getdata(scn, NULL);
		size_t n = d ? sh.sh_size / sh.sh_entsize : 0;
		for (size_t i = 0; i < n; i++, idx++) {
			GElf_Sym sym;
			if (!gelf_getsym(d, (int)i, &sym) ||
			    GELF_ST_TYPE(sym.st_info) != STT_FUNC || sym.st_shndx == SHN_UNDEF)
				continue;
			const char *name = elf_strptr(elf, sh.sh_link, sym.st_name);
			if (!name || !*name)
				continue;
			if (t->n == cap) {
				size_t nc = cap ? cap * 2 : 256;
				struct sym *ns = realloc(t->s, nc * sizeof *ns);
				if (!ns)
					goto done;
				t->s = ns;
				cap = nc;
			}
			uint64_t addr = sym.st_value + (sym.st_shndx == SHN_ABS ? 0 : bias);
			t->s[t->n++] = (struct sym){.addr = addr, .idx = idx, .name = name};
		}
	}
done:
	if (t->n)
		qsort(t->s, t->n, sizeof *t->s, sym_cmp);
	return t;
}

/* A C++ (or Rust) name as the source spells it, as strace -k prints it
 * (libiberty's cplus_demangle, DMGL_AUTO | DMGL_PARAMS); made once. */
static const char *sym_name(struct sym *s)
{
#ifdef REVEL_HAVE_IBERTY
	if (!s->asked) {
		s->asked = true;
		s->shown = cplus_demangle(s->name, DMGL_AUTO | DMGL_PARAMS);
	}
	if (s->shown)
		return s->shown;
#endif
	return s->name;
}

/* The nearest function at or before ip; on a tie the first in the table. */
static struct sym *nearest(const struct symtab *t, uint64_t ip)
{
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t->s[mid].addr <= ip)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	size_t i = lo - 1;
	while (i > 0 && t->s[i - 1].addr == t->s[i].addr)
		i--;
	return &t->s[i];
}

static int on_frame(Dwfl_Frame *state, void *arg)
{
	struct unwind_proc *u = arg;
	Dwarf_Addr pc;
	bool activation;
	if (!dwfl_frame_pc(state, &pc, &activation))
		return DWARF_CB_ABORT;
	if (u->n >= u->max)
		return DWARF_CB_ABORT;
	struct revel_frame *f = &u->out[u->n++];
	memset(f, 0, sizeof *f);
	f->ip = pc;
	const struct map *m = map_of(u, pc);
	if (!m) {
		u->missed = true;
		return DWARF_CB_OK;
	}
	f->lib = m->path;
	f->rel = pc - m->start + m->offset;
	Dwfl_Module *mod = dwfl_addrmodule(u->dwfl, pc);
	if (!mod)
		return DWARF_CB_OK;
	/* A return address may be past the end of its function (a call to a
	 * noreturn one is its last instruction): the caller is found at the
	 * call, one byte before, and the offset is the return address's, as
	 * libunwind gives them (use_prev_instr). */
	uint64_t at = activation ? pc : pc - 1;
	const struct symtab *t = module_symtab(mod);
	struct sym *s = t ? nearest(t, at) : NULL;
	if (s) {
		f->func = sym_name(s);
		f->offset = pc - s->addr;
	}
	if (u->flags & REVEL_BT_SOURCE) {
		Dwfl_Line *l = dwfl_module_getsrc(mod, at);
		int line = 0;
		const char *file = l ? dwfl_lineinfo(l, NULL, &line, NULL, NULL, NULL) : NULL;
		if (file) {
			f->file = file;
			f->line = line;
		}
	}
	return DWARF_CB_OK;
}

static int walk(struct unwind_proc *u)
{
	u->n = 0;
	u->missed = false;
	for (int i = 0; i < PAGES_CACHED; i++)
		u->pages[i].base = 1;                        /* the guest ran since the last walk */
	dwfl_getthread_frames(u->dwfl, u->tid, on_frame, u); /* an error ends the walk */
	return u->n;
}

/* At rt_sigreturn's entry the stack that matters is the one it returns to
 * (strace walks at its exit): the registers of the signal frame's
 * ucontext, whose uc_mcontext starts 40 bytes above sp (r8..r15, rdi, rsi,
 * rbp, rbx, rdx, rax, rcx, rsp, rip). */
static bool sigreturn_regs(revel_engine *e, pid_t tid, const struct user_regs_struct *r,
                           struct user_regs_struct *out)
{
	uint64_t g[17];
	if (revel_mem_read(e, tid, r->rsp + 40, g, sizeof g) != sizeof g)
		return false;
	*out = *r;
	out->r8 = g[0], out->r9 = g[1], out->r10 = g[2], out->r11 = g[3];
	out->r12 = g[4], out->r13 = g[5], out->r14 = g[6], out->r15 = g[7];
	out->rdi = g[8], out->rsi = g[9], out->rbp = g[10], out->rbx = g[11];
	out->rdx = g[12], out->rax = g[13], out->rcx = g[14], out->rsp = g[15], out->rip = g[16];
	return true;
}

int revel_backtrace(revel_engine *e, pid_t tid, struct revel_frame *out, int max, int flags)
{
	struct task *t = tasks_find(&e->tasks, tid);
	if (!t || !t->proc)
		return -ESRCH;
	if (t->before_exec)
		return 0; /* revel's own code, not the guest's */
	const struct user_regs_struct *r = task_regs(t);
	if (!r)
		return -ESRCH;
	struct user_regs_struct restored;
	if (r->orig_rax == SYS_rt_sigreturn && sigreturn_regs(e, tid, r, &restored))
		r = &restored; /* the kernel sets orig_rax to -1 when it restores */
	struct unwind_proc *u = proc_unwinder(e, t->proc);
	if (!u)
		return -ESRCH;
	bool fresh = u->stale;
	if (u->stale && report(u) != 0)
		return -ESRCH;
	u->e = e;
	u->tid = tid;
	u->regs = r;
	u->out = out;
	u->max = max;
	u->flags = flags;
	int n = walk(u);
	if (u->missed && !fresh && report(u) == 0)
		n = walk(u); /* mapped since the last report, by a call not seen */
	return n;
}

#endif
