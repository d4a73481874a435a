/* decode_kvm.c: KVM's ioctls (requests of type KVMIO, 0xae) as strace
 * decodes them: a capability, the memory region, the general and special
 * registers, CPUID entries, the fds KVM_CREATE_VM and KVM_CREATE_VCPU
 * return; and under -e kvm=vcpu the exit reason after KVM_RUN, read from the
 * vcpu's struct kvm_run in the guest's memory: the mapping of the vcpu fd,
 * found as strace finds it, in /proc/PID/maps by the fd's name
 * (anon_inode:kvm-vcpu:N). */
#include <fcntl.h>
#include <inttypes.h>
#include <linux/kvm.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "decode.h"

bool kvm_request(unsigned req)
{
	return ((req >> 8) & 0xff) == KVMIO;
}

static void p_region(struct fc *c, uint64_t addr)
{
	struct kvm_userspace_memory_region r;
	FETCH_OR_ADDR(c, addr, r);
	fo_printf(c->o, "{slot=%u, flags=", r.slot);
	p_flags(c, x_kvm_mem_flags, r.flags, NULL);
	fo_puts(c->o, ", guest_phys_addr=");
	fo_hex(c->o, r.guest_phys_addr);
	fo_printf(c->o, ", memory_size=%" PRIu64 ", userspace_addr=", (uint64_t)r.memory_size);
	fo_hex(c->o, r.userspace_addr);
	fo_putc(c->o, '}');
}

/* name=0x..., as strace's PRINT_FIELD_X. */
static void p_x(struct fc *c, const char *sep, const char *name, uint64_t v)
{
	fo_printf(c->o, "%s%s=", sep, name);
	fo_hex(c->o, v);
}

/* Abbreviated as strace: rax, rsp, rbp, rip and rflags, "..." between. */
static void p_regs(struct fc *c, uint64_t addr)
{
	struct kvm_regs r;
	FETCH_OR_ADDR(c, addr, r);
	bool full = !fc_abbrev(c);
	p_x(c, "{", "rax", r.rax);
	if (full) {
		p_x(c, ", ", "rbx", r.rbx);
		p_x(c, ", ", "rcx", r.rcx);
		p_x(c, ", ", "rdx", r.rdx);
		p_x(c, ", ", "rsi", r.rsi);
		p_x(c, ", ", "rdi", r.rdi);
	} else {
		fo_puts(c->o, ", ...");
	}
	p_x(c, ", ", "rsp", r.rsp);
	p_x(c, ", ", "rbp", r.rbp);
	if (full) {
		const uint64_t hi[8] = {r.r8, r.r9, r.r10, r.r11, r.r12, r.r13, r.r14, r.r15};
		for (int i = 0; i < 8; i++) {
			char name[4];
			snprintf(name, sizeof name, "r%d", 8 + i);
			p_x(c, ", ", name, hi[i]);
		}
	} else {
		fo_puts(c->o, ", ...");
	}
	p_x(c, ", ", "rip", r.rip);
	p_x(c, ", ", "rflags", r.rflags);
	fo_putc(c->o, '}');
}

static void p_segment(struct fc *c, const char *name, const struct kvm_segment *s)
{
	p_x(c, name, "={base", s->base);
	fo_printf(c->o,
	          ", limit=%u, selector=%u, type=%u, present=%u, dpl=%u, db=%u, s=%u, l=%u, g=%u, "
	          "avl=%u}",
	          s->limit, s->selector, s->type, s->present, s->dpl, s->db, s->s, s->l, s->g,
	          s->avl);
}

static void p_dtable(struct fc *c, const char *name, const struct kvm_dtable *d)
{
	p_x(c, name, "={base", d->base);
	fo_printf(c->o, ", limit=%u}", d->limit);
}

/* Abbreviated as strace: cs alone, then "...". */
static void p_sregs(struct fc *c, uint64_t addr)
{
	struct kvm_sregs s;
	FETCH_OR_ADDR(c, addr, s);
	p_segment(c, "{cs", &s.cs);
	if (fc_abbrev(c)) {
		fo_puts(c->o, ", ...}");
		return;
	}
	p_segment(c, ", ds", &s.ds);
	p_segment(c, ", es", &s.es);
	p_segment(c, ", fs", &s.fs);
	p_segment(c, ", gs", &s.gs);
	p_segment(c, ", ss", &s.ss);
	p_segment(c, ", tr", &s.tr);
	p_segment(c, ", ldt", &s.ldt);
	p_dtable(c, ", gdt", &s.gdt);
	p_dtable(c, ", idt", &s.idt);
	fo_printf(c->o,
	          ", cr0=%" PRIu64 ", cr2=%" PRIu64 ", cr3=%" PRIu64 ", cr4=%" PRIu64
	          ", cr8=%" PRIu64 ", efer=%" PRIu64,
	          (uint64_t)s.cr0, (uint64_t)s.cr2, (uint64_t)s.cr3, (uint64_t)s.cr4,
	          (uint64_t)s.cr8, (uint64_t)s.efer);
	p_x(c, ", ", "apic_base", s.apic_base);
	fo_puts(c->o, ", interrupt_bitmap=[");
	for (size_t i = 0; i < sizeof s.interrupt_bitmap / sizeof s.interrupt_bitmap[0]; i++) {
		if (i)
			fo_puts(c->o, ", ");
		fo_hex(c->o, s.interrupt_bitmap[i]);
	}
	fo_puts(c->o, "]}");
}

/* {nent=N, entries=[...]}; with -v every entry (-s does not bound them). */
static void p_cpuid2(struct fc *c, uint64_t addr)
{
	struct kvm_cpuid2 h;
	FETCH_OR_ADDR(c, addr, h);
	fo_printf(c->o, "{nent=%u, entries=[", h.nent);
	if (fc_abbrev(c)) {
		fo_puts(c->o, h.nent ? "...]}" : "]}");
		return;
	}
	for (uint32_t i = 0; i < h.nent; i++) {
		struct kvm_cpuid_entry2 e;
		uint64_t at = addr + sizeof h + (uint64_t)i * sizeof e;
		if (i)
			fo_puts(c->o, ", ");
		if (!fc_fetch(c, at, &e, sizeof e)) {
			fo_puts(c->o, "... /* ");
			p_addr(c, at);
			fo_puts(c->o, " */");
			break;
		}
		p_x(c, "{", "function", e.function);
		p_x(c, ", ", "index", e.index);
		fo_puts(c->o, ", flags=");
		p_flags(c, x_kvm_cpuid_flags, e.flags, NULL);
		p_x(c, ", ", "eax", e.eax);
		p_x(c, ", ", "ebx", e.ebx);
		p_x(c, ", ", "ecx", e.ecx);
		p_x(c, ", ", "edx", e.edx);
		fo_putc(c->o, '}');
	}
	fo_puts(c->o, "]}");
}

/* The third argument of a KVM request (d_ioctl printed the first two);
 * false for another request. */
bool kvm_ioctl(struct fc *c, unsigned req, const int64_t *a, struct revel_fmt_state *st)
{
	if (!kvm_request(req))
		return false;
	void (*out)(struct fc *, uint64_t) = NULL;
	switch (req) {
	case KVM_GET_REGS:
		out = p_regs;
		break;
	case KVM_GET_SREGS:
		out = p_sregs;
		break;
	case KVM_GET_SUPPORTED_CPUID:
	case KVM_GET_EMULATED_CPUID:
		out = p_cpuid2;
		break;
	}
	if (c->exiting) {
		if (out)
			ARG(2, if (c->result < 0) p_addr(c, U(2)); else out(c, U(2)));
		return true;
	}
	if (out) {
		split_at(c, st, 2);
		return true;
	}
	switch (req) {
	case KVM_CREATE_VCPU:
		ARG(2, fo_udec(c->o, (uint32_t)a[2]));
		break;
	case KVM_SET_USER_MEMORY_REGION:
		ARG(2, p_region(c, U(2)));
		break;
	case KVM_SET_REGS:
		ARG(2, p_regs(c, U(2)));
		break;
	case KVM_SET_SREGS:
		ARG(2, p_sregs(c, U(2)));
		break;
	case KVM_SET_CPUID2:
		ARG(2, p_cpuid2(c, U(2)));
		break;
	case KVM_CHECK_EXTENSION:
		ARG(2, p_xval(c, x_kvm_cap, U(2), "KVM_CAP_???"));
		break;
	default:
		ARG(2, fo_hex(c->o, U(2)));
	}
	st->printed = REVEL_FMT_MAXARGS;
	return true;
}

/* Where process pid mapped the struct kvm_run of its vcpu fd: the
 * mapping named as the fd's link, on no device (major 0); 0 if none. */
static uint64_t vcpu_run_addr(pid_t pid, int fd)
{
	char path[64], name[256];
	snprintf(path, sizeof path, "/proc/%d/fd/%d", (int)pid, fd);
	ssize_t n = readlink(path, name, sizeof name - 1);
	if (n <= 0)
		return 0;
	name[n] = 0;
	if (strncmp(name, "anon_inode:kvm-vcpu:", 20) != 0)
		return 0;
	snprintf(path, sizeof path, "/proc/%d/maps", (int)pid);
	FILE *maps = fopen(path, "re");
	if (!maps)
		return 0;
	char line[512];
	uint64_t found = 0;
	while (!found && fgets(line, sizeof line, maps)) {
		unsigned long long start, end;
		unsigned major, minor;
		int at = 0;
		if (sscanf(line, "%llx-%llx %*s %*s %x:%x %*u %n", &start, &end, &major, &minor,
		           &at) < 4 ||
		    !at)
			continue;
		char *file = line + at;
		file[strcspn(file, "\n")] = 0;
		if (major == 0 && strcmp(file, name) == 0 && end - start >= sizeof(struct kvm_run))
			found = start;
	}
	fclose(maps);
	return found;
}

bool p_kvm_result(struct fc *c, unsigned req, int fd, int64_t r)
{
	if (!kvm_request(req) || r < 0)
		return false;
	switch (req) {
	case KVM_CREATE_VM:
	case KVM_CREATE_VCPU:
		p_fd(c, (int)r);
		return true;
	case KVM_RUN: {
		if (!(c->f->flags & REVEL_FMT_KVM_VCPU))
			return false;
		fo_dec(c->o, r);
		uint64_t run = vcpu_run_addr(c->f->pid, fd);
		uint32_t reason;
		if (run && fc_fetch(c, run + offsetof(struct kvm_run, exit_reason), &reason,
		                    sizeof reason)) {
			const char *name = xlat_name(x_kvm_exit_reason, reason);
			fo_printf(c->o, " (%s)", name ? name : "KVM_EXIT_???");
		}
		return true;
	}
	}
	return false;
}
