/* The vDSO's calls under the in-guest backend, as revel._vdso does them under
 * ptrace: clock_gettime, gettimeofday, time, clock_getres and getcpu are
 * answered in user space and never trap, so for a tool that subscribes to them
 * their first bytes are overwritten with
 *   b8 NR 00 00 00   mov $NR, %eax
 *   0f 05            syscall
 *   c3               ret
 * (the arguments are already where the syscall wants them) and getrandom's
 * with mov $-ENOSYS, %rax; ret (libc then makes the syscall). The syscall
 * then traps (or its site is rewritten) like any other. The page is written
 * through /proc/self/mem, as a debugger writes a breakpoint. At start, in each
 * process the library starts in (a fork shares the patched page's copy). */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest_vdso.h"
#include "revel/systable.h"

static const char *const routable[] = {"clock_gettime", "clock_getres", "gettimeofday",
                                       "time",          "getcpu",       "getrandom"};

int guest_vdso_routable(const char *name)
{
	for (size_t i = 0; i < sizeof routable / sizeof *routable; i++)
		if (!strcmp(routable[i], name))
			return 1;
	return 0;
}

static int patch(int mem, uintptr_t at, const char *name)
{
	unsigned char code[8];
	if (!strcmp(name, "getrandom")) {
		static const unsigned char enosys[8] = {0x48, 0xc7, 0xc0, 0xda,
		                                        0xff, 0xff, 0xff, 0xc3};
		memcpy(code, enosys, 8);
	} else {
		const struct revel_syscall_info *s = revel_syscall_by_name(name);
		if (!s)
			return -1;
		uint32_t nr = (uint32_t)s->nr;
		code[0] = 0xb8;
		memcpy(code + 1, &nr, 4);
		code[5] = 0x0f, code[6] = 0x05, code[7] = 0xc3;
	}
	return pwrite(mem, code, 8, (off_t)at) == 8 ? 0 : -1;
}

int guest_vdso_route(const char *const *names, int n)
{
	uintptr_t base = (uintptr_t)getauxval(AT_SYSINFO_EHDR);
	if (!base || n == 0)
		return 0;
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)base;
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return -1;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(base + eh->e_phoff);
	uintptr_t bias = 0;
	const Elf64_Dyn *dyn = NULL;
	int have_load = 0;
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !have_load) {
			bias = base + ph[i].p_offset - ph[i].p_vaddr;
			have_load = 1;
		}
		if (ph[i].p_type == PT_DYNAMIC)
			dyn = (const Elf64_Dyn *)(base + ph[i].p_offset);
	}
	if (!have_load || !dyn)
		return -1;
	const Elf64_Sym *sym = NULL;
	const char *str = NULL;
	const uint32_t *hash = NULL;
	for (const Elf64_Dyn *d = dyn; d->d_tag != DT_NULL; d++) {
		if (d->d_tag == DT_SYMTAB)
			sym = (const Elf64_Sym *)(bias + d->d_un.d_ptr);
		else if (d->d_tag == DT_STRTAB)
			str = (const char *)(bias + d->d_un.d_ptr);
		else if (d->d_tag == DT_HASH)
			hash = (const uint32_t *)(bias + d->d_un.d_ptr);
	}
	if (!sym || !str || !hash)
		return -1;
	int mem = open("/proc/self/mem", O_RDWR | O_CLOEXEC);
	if (mem < 0)
		return -1;
	int bad = 0;
	for (uint32_t i = 0; i < hash[1]; i++) { /* nchain: the number of symbols */
		if (ELF64_ST_TYPE(sym[i].st_info) != STT_FUNC || !sym[i].st_value)
			continue;
		const char *s = str + sym[i].st_name;
		const char *plain = !strncmp(s, "__vdso_", 7) ? s + 7 : s;
		for (int k = 0; k < n; k++)
			if (!strcmp(plain, names[k]) &&
			    patch(mem, bias + sym[i].st_value, names[k]) < 0)
				bad = 1;
	}
	close(mem);
	return bad ? -1 : 0;
}
