-- revel._traps (private): the instructions a tool can subscribe to besides
-- syscalls, "rdtsc" (RDTSC and RDTSCP) and "cpuid". The kernel makes them
-- fault in the guest (prctl PR_SET_TSC with PR_TSC_SIGSEGV; arch_prctl
-- ARCH_SET_CPUID): the thread stops with a SIGSEGV, revel decodes the
-- instruction at rip, asks the tool (tool.rdtsc, tool.cpuid), writes the
-- answer into the registers and steps over the instruction. The guest never
-- sees that SIGSEGV; any other SIGSEGV goes on as before.
--
-- Both settings are inherited by fork and clone. The TSC one survives
-- execve, the CPUID one does not (the kernel resets it): revel sets both in
-- every thread at its exec stop (post_exec), the root's first exec included,
-- so a guest that changed them before an execve gets them back.
local rffi = require("revel.ffi")
local syscall = require("revel._syscall")
local state = require("revel._state")
local errors = require("revel._errors")
local timers = require("revel._timers")

local ffi, api = rffi.ffi, rffi.api
local run_error = errors.run_error

local M = {}

local SIGSEGV, SI_KERNEL = 11, 0x80
local PR_SET_TSC, PR_TSC_SIGSEGV = 26, 2
local ARCH_SET_CPUID = 0x1012
local SYS_arch_prctl = 158
local ENODEV = 19

pcall(ffi.cdef, "long syscall(long number, ...);")

-- nil when this machine can make CPUID fault, else why not. Asked of the
-- kernel by turning CPUID on (it is on in revel): ENODEV when the CPU has no
-- CPUID faulting, and nothing changes either way.
function M.cpuid_unavailable()
  local rc = ffi.C.syscall(SYS_arch_prctl, ffi.cast("long", ARCH_SET_CPUID), ffi.cast("long", 1))
  if rc == 0 then
    return nil
  end
  local err = ffi.errno()
  if err == ENODEV then
    return "this CPU has no CPUID faulting (arch_prctl ARCH_SET_CPUID: ENODEV)"
  end
  return "arch_prctl ARCH_SET_CPUID: " .. rffi.strerror(err)
end

-- The instructions a run traps (plan.traps), or nil for none. Refused (a
-- run error) where they cannot work.
function M.for_run(plan)
  local run_traps = plan.traps and next(plan.traps) and plan.traps or nil
  if not run_traps then
    return nil
  end
  -- A thread let go of would keep the faulting and die of its next rdtsc,
  -- or keep a timer (revel._timers) whose signal kills it.
  local word = run_traps.rdtsc and "rdtsc" or run_traps.cpuid and "cpuid"
  local with = plan.attach and "-p" or plan.detach_on_exec and "-b execve"
  if with and word then
    error(run_error(("cannot intercept %s with %s: a thread revel lets go of would keep faulting"):format(word,
      with)), 0)
  elseif with and run_traps.timer then
    error(run_error(("cannot use timers (tool.timer) with %s: a thread revel lets go of would keep its "
      .. "timer, whose signal would kill it"):format(with)), 0)
  end
  local why = run_traps.cpuid and M.cpuid_unavailable()
  if why then
    error(run_error("cannot intercept cpuid: " .. why), 0)
  end
  why = run_traps.branches and timers.branches_refused()
  if why then
    error(run_error("cannot count branches for timers: " .. why), 0)
  end
  return run_traps
end

-- Set the faulting the run needs in thread g (at its exec stop, in its own
-- coroutine: it injects).
local function arm(g, traps)
  if traps.rdtsc then
    local rc = g:inject(syscall.sys.prctl(PR_SET_TSC, PR_TSC_SIGSEGV))
    if rc < 0 then
      error(run_error(("cannot make rdtsc trap in thread %d: prctl PR_SET_TSC: %s"):format(g.tid,
        rffi.strerror(-rc))), 0)
    end
  end
  if traps.cpuid then
    local rc = g:inject(syscall.sys.arch_prctl(ARCH_SET_CPUID, 0))
    if rc < 0 then
      error(run_error(("cannot make cpuid trap in thread %d: arch_prctl ARCH_SET_CPUID: %s"):format(
        g.tid, rffi.strerror(-rc))), 0)
    end
  end
end

-- The tool as the run uses it: its post_exec preceded by the arming. An
-- execve that a handler injected and still waits on runs post_exec outside
-- the thread's coroutine, where nothing can be injected: the TSC setting
-- survives that exec, the CPUID one is lost for that process.
function M.wrap(tool, traps)
  local post = tool.post_exec
  local function post_exec(g)
    if coroutine.running() == rawget(g, "_co") then
      arm(g, traps)
    end
    if post then
      return post(g)
    end
  end
  return setmetatable({ post_exec = post_exec }, { __index = tool })
end

local regs = ffi.new("struct user_regs_struct")
local code = ffi.new("uint8_t[4]")
local info = ffi.new("uint8_t[128]") -- a siginfo_t
local aux = ffi.new("uint32_t[1]")
local out = ffi.new("uint32_t[4]")
local U32 = 4294967296

-- The instruction a fault of ours stopped at: "rdtsc", "rdtscp", "cpuid"
-- and its length, or nil.
local function decode(E, tid, traps)
  if api.get_siginfo(E, tid, info) ~= 0 or ffi.cast("int *", info)[2] ~= SI_KERNEL then
    return nil -- sent by someone (kill, tgkill): not a fault
  end
  if api.get_regs(E, tid, regs) ~= 0 then
    return nil
  end
  local n = tonumber(api.mem_read(E, tid, regs.rip, code, 3))
  if n < 2 or code[0] ~= 0x0f then
    return nil
  end
  if traps.rdtsc and code[1] == 0x31 then
    return "rdtsc", 2
  elseif traps.rdtsc and n == 3 and code[1] == 0x01 and code[2] == 0xf9 then
    return "rdtscp", 3
  elseif traps.cpuid and code[1] == 0xa2 then
    return "cpuid", 2
  end
  return nil
end

local function bad_return(f, hook, what, at)
  local def = state.defined(f)
  local msg = ("error in tool: %s: tool.%s returned %s (at %s)"):format(def, hook, what, at)
  error(run_error(msg, ("stack traceback:\n\t%s: in function '%s'"):format(def, hook)), 0)
end

local function u64(f, v, at)
  if type(v) == "number" and v >= 0 and v < 2 ^ 64 and v % 1 == 0 then
    return ffi.cast("uint64_t", v)
  elseif ffi.istype("uint64_t", v) or ffi.istype("int64_t", v) then
    return ffi.cast("uint64_t", v)
  end
  local what = type(v) == "number" and tostring(v) or "a " .. type(v)
  bad_return(f, "rdtsc", what .. "; a counter (an integer from 0 to 2^64-1) was expected", at)
end

local function u32(f, hook, v, at, which)
  -- bit.band and friends give signed 32-bit numbers: taken as the same bits.
  if type(v) == "number" and v >= -2 ^ 31 and v < U32 and v % 1 == 0 then
    return v % U32
  end
  local what = type(v) == "number" and tostring(v) or "a " .. type(v)
  bad_return(f, hook, ("%s for %s; a 32-bit integer was expected"):format(what, which), at)
end

-- A SIGSEGV stop of thread g: true when it was one of our instructions,
-- answered and stepped over (the signal is then not delivered).
function M.on_sigsegv(run, g, tid, traps)
  local E = run.E
  local kind, len = decode(E, tid, traps)
  if not kind then
    return false
  end
  local tool = run.tool
  if kind == "cpuid" then
    local leaf, sub = tonumber(regs.rax % U32), tonumber(regs.rcx % U32)
    local f = tool.cpuid
    local a, b, c, d, at
    if f and g then
      at = ("cpuid (leaf %#x, subleaf %#x) of thread %d"):format(leaf, sub, tid)
      a, b, c, d = state.call_hook(f, at, g, leaf, sub)
    end
    if a ~= nil then
      a, b = u32(f, "cpuid", a, at, "eax"), u32(f, "cpuid", b, at, "ebx")
      c, d = u32(f, "cpuid", c, at, "ecx"), u32(f, "cpuid", d, at, "edx")
    else -- no hook, or it returned nothing: the machine's answer
      api.cpuid(leaf, sub, out)
      a, b, c, d = out[0], out[1], out[2], out[3]
    end
    regs.rax, regs.rbx, regs.rcx, regs.rdx = a, b, c, d
  else
    local f = tool.rdtsc
    local v, x, r, ra
    if f and g then
      local at = ("%s of thread %d"):format(kind, tid)
      r, ra = state.call_hook(f, at, g, kind)
      if r ~= nil then
        v = u64(f, r, at)
      end
      if ra ~= nil then
        x = u32(f, "rdtsc", ra, at, "TSC_AUX")
      end
    end
    if v == nil or (kind == "rdtscp" and x == nil) then -- the machine's, for what the hook left out
      local mv = api.rdtsc(kind == "rdtscp" and aux or nil)
      v, x = v or mv, x or aux[0]
    end
    regs.rax, regs.rdx = v % U32, v / U32
    if kind == "rdtscp" then
      regs.rcx = x
    end
  end
  regs.rip = regs.rip + len
  if api.set_regs(E, tid, regs) ~= 0 then
    return true -- gone: its exit report follows
  end
  return true
end

-- The machine's own answers (revel's, on the CPU revel runs on), for a tool
-- that changes only some: revel.rdtsc() and revel.cpuid(leaf, subleaf).
function M.machine_rdtsc()
  local v = api.rdtsc(aux)
  return tonumber(v), aux[0]
end

function M.machine_cpuid(leaf, subleaf)
  api.cpuid(leaf or 0, subleaf or 0, out)
  return out[0], out[1], out[2], out[3]
end

M.SIGSEGV = SIGSEGV
return M
