-- KVM (issue 11): the ioctls of a program that runs a VM, decoded as strace
-- decodes them, and -e kvm=vcpu's exit reason after each KVM_RUN, read from
-- the vcpu's struct kvm_run. The guest spec/guests/kvm_run.c runs a few
-- real-mode instructions (an OUT, then a HLT) in a VM of its own; where
-- /dev/kvm cannot make one, the rows are skipped.
local L, H = ...
local guest = H.guest("kvm_run")

local skip
if H.sh(H.words({ guest })).code == 77 then
  skip = "no KVM here (/dev/kvm cannot make a VM)"
end

-- CPUID leaf 1's EBX and leaf 0xb's EDX hold the APIC id of the CPU that
-- asked KVM: they move with the scheduler.
local function apic(l)
  l = l:gsub("({function=0x1, index=0, [^}]-ebx=)[^,]+", "%1APIC")
  return (l:gsub("({function=0xb, [^}]-edx=)[^}]+", "%1APIC"))
end

return {
  { "KVM ioctls", opts = {}, argv = { guest }, stdout = true, skip = skip },
  { "-e kvm=vcpu", opts = { "-e", "kvm=vcpu" }, argv = { guest }, stdout = true, skip = skip },
  { "--kvm=vcpu -y", opts = { "--kvm=vcpu", "-y", "-e", "trace=ioctl" }, argv = { guest }, skip = skip },
  { "-e kvm=vcpu -f -X verbose", opts = { "-e", "kvm=vcpu", "-f", "-X", "verbose", "-e", "trace=ioctl" },
    argv = { guest }, skip = skip },
  { "-v KVM ioctls", opts = { "-v", "-e", "trace=ioctl" }, argv = { guest }, norm = apic, skip = skip },
  { "-X raw KVM ioctls", opts = { "-X", "raw", "-e", "trace=ioctl" }, argv = { guest }, skip = skip },
}
