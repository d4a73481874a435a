-- revel._guest_strace (private): the default tool (strace's output) under
-- --backend=guest. Each guest process prints its own lines with the C
-- printer in the library (guest/guest_strace.c, started by
-- guest/inguest_strace.lua); revel prints, with the same tool as under
-- ptrace, what runs under ptrace here (each program's loader: the prelude;
-- the programs that fall back) and each execve's line once the exec has
-- happened. What they share: the output (revel's stderr or -o FILE, one
-- open file description, handed to every guest as descriptor 947) and a
-- page (a memfd, descriptor 946): the tasks alive in the tree, for the
-- "[pid N]" prefix, and the -c counts of every process, which revel's
-- printer prints at the end.
local ffi = require("ffi")

pcall(ffi.cdef, [[
int memfd_create(const char *name, unsigned int flags);
int ftruncate(int fd, long length);
void *mmap(void *addr, size_t length, int prot, int flags, int fd, long offset);
]])
local C = ffi.C

local OUT_FD, SHM_FD = 947, 946 -- guest/guest_strace.h
local PROT_RW, MAP_SHARED = 3, 1
local MFD_CLOEXEC = 1

local M = {}

-- The default tool's options that its in-guest printer does not apply:
-- --backend=guest refuses them (auto takes ptrace), naming the first.
local NOT_IN_GUEST = {
  { "separately", "-ff" }, { "stack_trace", "-k" }, { "instruction_pointer", "-i" },
  { "paths", "-P" }, { "json", "--json" }, { "rel", "-r" },
  { "dump_read", "-e read=" }, { "dump_write", "-e write=" },
}

-- Why the default tool cannot run in the guest with the command line's
-- options o, or nil.
function M.why(o)
  if ((o.follow or 0) > 1 or o.separately) and o.output then
    return "-ff -o (a file per thread) runs only under ptrace for now"
  end
  if (o.fd_paths or 0) > 1 or o.fd_details then
    return "-yy (--decode-fds) runs only under ptrace for now" -- its sock_diag socket would be the guest's
  end
  for _, n in ipairs(NOT_IN_GUEST) do
    local v = o[n[1]]
    if v ~= nil and v ~= false then
      return n[2] .. " runs only under ptrace for now"
    end
  end
  return nil
end

-- Makes tool t (revel.tools.strace's) ready for the guest backend; returns
-- what revel._guest_host.run needs: the tool file the guests load, their
-- config, the descriptors the command gets, and a function that names the
-- command's process (without -f the only one printed).
function M.prepare(t, plan)
  local fd = C.memfd_create("revel-strace", MFD_CLOEXEC)
  local size = ffi.sizeof("struct revel_printer_shared")
  if fd < 0 or C.ftruncate(fd, size) ~= 0 then
    error("--backend=guest: cannot make the printers' shared page", 0)
  end
  local p = C.mmap(nil, size, PROT_RW, MAP_SHARED, fd, 0)
  if ffi.cast("intptr_t", p) == -1 then
    error("--backend=guest: cannot map the printers' shared page", 0)
  end
  local shared = ffi.cast("struct revel_printer_shared *", p)
  t.guest_mode(shared)
  local calls = {}
  for nr in pairs(plan.subscribed) do
    calls[#calls + 1] = nr
  end
  table.sort(calls)
  return {
    tool_path = "=strace", -- guest/inguest_strace.lua, built into the library
    config = { strace = t.guest_options(calls) },
    fds = { [OUT_FD] = t.guest_fd(), [SHM_FD] = fd },
    root = function(pid)
      shared.root = pid
    end,
    keep = { shared, fd },
  }
end

return M
