-- revel._vdso (private): the calls the kernel's vDSO answers in user space
-- (clock_gettime, clock_getres, gettimeofday, time, getcpu), made to enter
-- the kernel for a tool that subscribes to them, as Reverie does.
--
-- At each exec stop, before any hook of the tool runs, revel reads the new
-- image's auxiliary vector (/proc/TID/auxv) for AT_SYSINFO_EHDR, the vDSO's
-- ELF header in guest memory; reads the vDSO's dynamic symbol table from
-- there (PT_DYNAMIC: DT_SYMTAB, DT_STRTAB, DT_HASH); and overwrites the first
-- bytes of each wanted function (under both its names, "__vdso_time" and
-- "time", which share an address) with
--   b8 NR 00 00   mov $NR, %eax
--   0f 05         syscall
--   c3            ret
-- through /proc/PID/mem, which writes the read-only page as a debugger's
-- breakpoint does (the process gets its own copy of that page). The
-- arguments are already where the syscall wants them (rdi, rsi, rdx), and
-- the kernel's result (-errno on failure) is what the vDSO returns. The libc
-- then makes a real syscall, which the seccomp filter stops as any other.
-- fork and clone share or copy the patched page; each execve maps a new
-- vDSO, patched again.
--
-- getrandom (the vDSO's since Linux 6.11, used by glibc 2.41 and later) takes
-- a state the kernel's call does not: it is made to fail with ENOSYS
-- (48 c7 c0 da ff ff ff c3: mov $-38, %rax; ret), which tells the libc to
-- use the syscall.
local rffi = require("revel.ffi")

local ffi, api = rffi.ffi, rffi.api
local numbers = rffi.numbers

local M = {}

-- The names a tool may route, in the order they are listed in messages.
M.NAMES = { "clock_gettime", "clock_getres", "gettimeofday", "time", "getcpu", "getrandom" }
local ROUTABLE = {}
for _, name in ipairs(M.NAMES) do
  ROUTABLE[name] = true
end

local AT_SYSINFO_EHDR = 33
local PT_LOAD, PT_DYNAMIC = 1, 2
local DT_NULL, DT_HASH, DT_STRTAB, DT_SYMTAB, DT_SYMENT = 0, 4, 5, 6, 11
local STT_FUNC = 2
local MAX_IMAGE = 1024 * 1024
local PATCH_LEN = 8

-- The patch for a call: its 8 bytes.
local function patch_bytes(name)
  if name == "getrandom" then
    return "\72\199\192\218\255\255\255\195" -- mov $-ENOSYS, %rax; ret
  end
  local nr = numbers[name]
  return string.char(0xb8, nr % 256, math.floor(nr / 256) % 256, 0, 0, 0x0f, 0x05, 0xc3)
end

-- The vDSO calls a tool sees, as a set of names, or nil for none. By default
-- those it subscribes to; tool.vdso = false routes none (the strace tool: strace
-- sees no vDSO call), a list of names routes those.
function M.calls(tool, subscribed, bad)
  local v = tool.vdso
  local set = {}
  if v == false then
    return nil
  elseif v == nil then
    for _, name in ipairs(M.NAMES) do
      if subscribed[numbers[name]] then
        set[name] = true
      end
    end
  elseif type(v) == "table" then
    for _, name in ipairs(v) do
      if not ROUTABLE[name] then
        bad(("tool.vdso names %s, which is no call of the vDSO (%s)"):format(tostring(name),
          table.concat(M.NAMES, ", ")))
      end
      set[name] = true
    end
  else
    bad(("tool.vdso must be false or a list of the vDSO's calls, not a %s"):format(type(v)))
  end
  return next(set) and set or nil
end

-- The set as a sorted list (for a composed tool's vdso field).
function M.list(set)
  local t = {}
  for name in pairs(set or {}) do
    t[#t + 1] = name
  end
  table.sort(t)
  return t
end

local function u16(s, at)
  local a, b = s:byte(at + 1, at + 2)
  return a + b * 256
end

local function u32(s, at)
  local a, b, c, d = s:byte(at + 1, at + 4)
  return a + b * 256 + c * 65536 + d * 16777216
end

local function u64(s, at)
  return u32(s, at) + u32(s, at + 4) * 4294967296
end

local buf = ffi.new("uint8_t[?]", MAX_IMAGE)

local function read(E, tid, addr, n)
  local got = tonumber(api.mem_read(E, tid, addr, buf, n))
  if got ~= n then
    return nil
  end
  return ffi.string(buf, n)
end

-- The vDSO's address in thread tid's image, from its auxiliary vector.
local function vdso_base(tid)
  local f = io.open(("/proc/%d/auxv"):format(tid), "rb")
  if not f then
    return nil
  end
  local s = f:read("*a") or ""
  f:close()
  for at = 0, #s - 16, 16 do
    local key = u64(s, at)
    if key == AT_SYSINFO_EHDR then
      return u64(s, at + 8)
    elseif key == 0 then
      break
    end
  end
  return nil
end

-- The image's functions: name -> { offset from the ELF header, size }.
-- nil for what is no x86-64 ELF image.
local function functions(img)
  if img:sub(1, 4) ~= "\127ELF" or img:byte(5) ~= 2 or u16(img, 18) ~= 62 then
    return nil
  end
  local phoff, phentsize, phnum = u64(img, 32), u16(img, 54), u16(img, 56)
  local load_vaddr, dyn_off, dyn_size
  for i = 0, phnum - 1 do
    local ph = phoff + i * phentsize
    if ph + 56 > #img then
      return nil
    end
    local ptype = u32(img, ph)
    if ptype == PT_LOAD and not load_vaddr then
      load_vaddr = u64(img, ph + 16) - u64(img, ph + 8) -- p_vaddr - p_offset
    elseif ptype == PT_DYNAMIC then
      dyn_off, dyn_size = u64(img, ph + 8), u64(img, ph + 32)
    end
  end
  if not (load_vaddr and dyn_off) then
    return nil
  end
  local d = {}
  for at = dyn_off, math.min(dyn_off + dyn_size, #img) - 16, 16 do
    local tag = u64(img, at)
    if tag == DT_NULL then
      break
    end
    d[tag] = u64(img, at + 8) - load_vaddr -- the ones we read are addresses
  end
  local symtab, strtab = d[DT_SYMTAB], d[DT_STRTAB]
  local syment = d[DT_SYMENT] and d[DT_SYMENT] + load_vaddr or 24
  if not (symtab and strtab) or syment < 24 then
    return nil
  end
  -- The count of symbols: DT_HASH's nchain, or (as the linker lays them out)
  -- the symbols up to the string table.
  local count = d[DT_HASH] and d[DT_HASH] + 8 <= #img and u32(img, d[DT_HASH] + 4)
    or math.floor((strtab - symtab) / syment)
  local out = {}
  for i = 1, count - 1 do
    local s = symtab + i * syment
    if s + 24 > #img then
      break
    end
    if img:byte(s + 5) % 16 == STT_FUNC and u16(img, s + 6) ~= 0 then
      local name = img:match("^[^%z]*", strtab + u32(img, s) + 1)
      out[name] = { u64(img, s + 8) - load_vaddr, u64(img, s + 16) }
    end
  end
  return out
end

-- Per image (the same for every process of one kernel), its patches.
local plans = {}

local function plan_for(img, calls, warn)
  local by_image = plans[img]
  if not by_image then
    by_image = { fns = functions(img) or false }
    plans[img] = by_image
  end
  local key = table.concat(M.list(calls), ",")
  local p = by_image[key]
  if p then
    return p
  end
  p = {}
  local fns = by_image.fns or {}
  local done = {}
  for _, name in ipairs(M.NAMES) do
    if calls[name] then
      for _, sym in ipairs({ "__vdso_" .. name, name }) do
        local fn = fns[sym]
        if fn and not done[fn[1]] then
          done[fn[1]] = true
          if fn[2] >= PATCH_LEN then
            p[#p + 1] = { fn[1], patch_bytes(name) }
          else
            warn(("the vDSO's %s is %d bytes, too short to patch: its calls stay in user space"):format(sym,
              fn[2]))
          end
        end
      end
    end
  end
  by_image[key] = p
  return p
end

-- The image at base: its length from its first PT_LOAD's file size.
local function read_image(E, tid, base)
  local eh = read(E, tid, base, 64)
  if not eh or eh:sub(1, 4) ~= "\127ELF" or eh:byte(5) ~= 2 then
    return nil
  end
  local phoff, phentsize, phnum = u64(eh, 32), u16(eh, 54), u16(eh, 56)
  local ph = read(E, tid, base + phoff, phentsize * phnum)
  if not ph then
    return nil
  end
  local size = 0
  for i = 0, phnum - 1 do
    local at = i * phentsize
    if u32(ph, at) == PT_LOAD then
      size = math.max(size, u64(ph, at + 8) + u64(ph, at + 32)) -- p_offset + p_filesz
    end
  end
  if size < 64 or size > MAX_IMAGE then
    return nil
  end
  return read(E, tid, base, size)
end

-- At thread tid's exec stop: route `calls` (a set of names) in its new image.
-- Returns how many functions were patched, or nil and why none could be.
function M.patch(E, tid, calls, warn)
  local base = vdso_base(tid)
  if not base or base == 0 then
    return 0 -- no vDSO (vdso=0, or a 32-bit image): the libc makes syscalls
  end
  local img = read_image(E, tid, base)
  if not img then
    return nil, "cannot read the vDSO"
  end
  local p = plan_for(img, calls, warn)
  for _, patch in ipairs(p) do
    local bytes = patch[2]
    if tonumber(api.mem_write(E, tid, base + patch[1], bytes, #bytes)) ~= #bytes then
      return nil, "cannot write the vDSO"
    end
  end
  return #p
end

-- At an exec stop of thread tid (revel._runtime, before any hook of the
-- tool): route run.vdso's calls in the new image. What fails is said once on
-- stderr, and the run goes on with those calls unseen.
function M.at_exec(run, tid)
  local calls = run.vdso
  if not calls then
    return
  end
  local said = run.vdso_said or {}
  run.vdso_said = said
  local function warn(msg)
    if not said[msg] then
      said[msg] = true
      io.stderr:write("revel: ", msg, "\n")
    end
  end
  local n, err = M.patch(run.E, tid, calls, warn)
  if not n then
    warn(("%s: the calls %s make through it are not seen"):format(err, table.concat(M.list(calls), ", ")))
  end
end

return M
