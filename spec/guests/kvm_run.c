/* kvm_run: a KVM user as small as it gets, for -e kvm=vcpu and the KVM ioctl
 * decoders (spec/strace_lines/kvm.lua). It makes a VM with one page of guest
 * memory and one vcpu in real mode, running
 *     mov $0x3f8, %dx; mov $'K', %al; out %al, (%dx); hlt
 * and calls KVM_RUN until the HLT: the first run exits with KVM_EXIT_IO, the
 * second with KVM_EXIT_HLT. It also gives the vcpu the CPUID KVM supports
 * and reads the registers after the HLT. It prints the byte the guest wrote
 * and where it halted.
 * Exit 0; 77 when /dev/kvm cannot be opened or makes no VM (no KVM here). */
#include <fcntl.h>
#include <linux/kvm.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

static const uint8_t code[] = {
    0xba, 0xf8, 0x03, /* mov $0x3f8, %dx */
    0xb0, 'K',        /* mov $'K', %al */
    0xee,             /* out %al, (%dx) */
    0xf4,             /* hlt */
};

static int fail(const char *what)
{
	perror(what);
	return 1;
}

int main(void)
{
	int kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0)
		return 77;
	if (ioctl(kvm, KVM_GET_API_VERSION, 0) != KVM_API_VERSION)
		return fail("KVM_GET_API_VERSION");
	if (ioctl(kvm, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY) <= 0)
		return fail("KVM_CHECK_EXTENSION");
	int vm = ioctl(kvm, KVM_CREATE_VM, 0UL);
	if (vm < 0)
		return 77;

	uint8_t *mem =
	    mmap(NULL, 0x1000, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED)
		return fail("mmap");
	memcpy(mem, code, sizeof code);
	struct kvm_userspace_memory_region region = {
	    .slot = 0,
	    .guest_phys_addr = 0x1000,
	    .memory_size = 0x1000,
	    .userspace_addr = (uint64_t)(uintptr_t)mem,
	};
	if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) < 0)
		return fail("KVM_SET_USER_MEMORY_REGION");

	int vcpu = ioctl(vm, KVM_CREATE_VCPU, 0UL);
	if (vcpu < 0)
		return fail("KVM_CREATE_VCPU");
	int size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, NULL);
	if (size < (int)sizeof(struct kvm_run))
		return fail("KVM_GET_VCPU_MMAP_SIZE");
	struct kvm_run *run = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
	if (run == MAP_FAILED)
		return fail("mmap vcpu");

	/* The CPUID KVM supports, given to the vcpu as it is. */
	struct {
		struct kvm_cpuid2 h;
		struct kvm_cpuid_entry2 e[100];
	} cpuid = {.h.nent = 100};
	if (ioctl(kvm, KVM_GET_SUPPORTED_CPUID, &cpuid) < 0)
		return fail("KVM_GET_SUPPORTED_CPUID");
	if (ioctl(vcpu, KVM_SET_CPUID2, &cpuid) < 0)
		return fail("KVM_SET_CPUID2");

	struct kvm_sregs sregs;
	if (ioctl(vcpu, KVM_GET_SREGS, &sregs) < 0)
		return fail("KVM_GET_SREGS");
	sregs.cs.base = 0;
	sregs.cs.selector = 0;
	if (ioctl(vcpu, KVM_SET_SREGS, &sregs) < 0)
		return fail("KVM_SET_SREGS");
	struct kvm_regs regs = {.rip = 0x1000, .rflags = 0x2};
	if (ioctl(vcpu, KVM_SET_REGS, &regs) < 0)
		return fail("KVM_SET_REGS");

	for (;;) {
		if (ioctl(vcpu, KVM_RUN, NULL) < 0)
			return fail("KVM_RUN");
		switch (run->exit_reason) {
		case KVM_EXIT_IO:
			if (run->io.direction == KVM_EXIT_IO_OUT && run->io.port == 0x3f8)
				printf("out %c\n", *((char *)run + run->io.data_offset));
			break;
		case KVM_EXIT_HLT:
			if (ioctl(vcpu, KVM_GET_REGS, &regs) < 0)
				return fail("KVM_GET_REGS");
			printf("hlt at %#llx\n", (unsigned long long)regs.rip);
			return 0;
		default:
			fprintf(stderr, "kvm_run: exit reason %u\n", run->exit_reason);
			return 1;
		}
	}
}
