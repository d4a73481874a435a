-- revel._startup: strace's startup options as the command line takes them:
-- -E VAR[=VAL] (the guest's environment), -u USER / --user=USER, -D / --daemonize[=MODE], -I N / --interruptible=N,
-- and -e kvm=vcpu. What they become: the engine's run_user,
-- run_uid, run_gid and daemonize (revel.run's opts.startup), revel's own
-- signal mode (bindings/cli/signals.c) and the default tool's kvm_vcpu.
-- Messages are strace's.
local rffi = require("revel.ffi")
local ffi = rffi.ffi

local M = {}

-- glibc's struct passwd on x86-64, under a name of our own.
pcall(ffi.cdef, [[
struct revel_passwd {
  char *pw_name; char *pw_passwd; unsigned int pw_uid; unsigned int pw_gid;
  char *pw_gecos; char *pw_dir; char *pw_shell;
};
]])
pcall(ffi.cdef, "struct revel_passwd *getpwnam(const char *name);")
local getpwnam = ffi.cast("struct revel_passwd *(*)(const char *)", ffi.C.getpwnam)
pcall(ffi.cdef, "unsigned int getuid(void);")
pcall(ffi.cdef, "unsigned int geteuid(void);")

function M.set_user(o, v)
  o.user = v
  return true
end

-- -D, -DD, -DDD: counted; --daemonize[=MODE] names the mode (its value only
-- after "=", as getopt_long's optional values).
function M.daemonize_flag(o)
  o.daemonize = (o.daemonize or 0) + 1
  return true
end

local DAEMONIZE = { grandchild = 1, pgroup = 2, pgrp = 2, session = 3 }

function M.set_daemonize(o, v)
  if v == nil then
    o.daemonize = 1
    return true
  end
  o.daemonize = DAEMONIZE[v]
  if not o.daemonize then
    return nil, ("invalid --daemonize argument: '%s'"):format(v)
  end
  return true
end

local INTERRUPTIBLE = { anywhere = 1, waiting = 2, never = 3, never_tstp = 4 }

-- -I N / --interruptible=N: 1..4 or the modes' names; the last one counts.
function M.set_interruptible(o, v, opt)
  local n = INTERRUPTIBLE[v] or (v:match("^[1-4]$") and tonumber(v))
  if not n then
    return nil, ("invalid %s argument: '%s'"):format(opt, v)
  end
  o.interruptible = n
  return true
end

-- -e kvm=vcpu: the default tool prints each KVM_RUN's exit reason, read
-- from the vcpu's struct kvm_run mapped in the guest (revel.tools.strace's
-- kvm_vcpu, engine/decode/decode_kvm.c).
function M.kvm(o, v)
  if v ~= "vcpu" then
    return nil, ("invalid -e kvm= argument: '%s'"):format(v)
  end
  o.kvm_vcpu = true
  return true
end

-- After parsing: the engine's part (opts.startup) or nil and the message.
-- Sets revel's signal mode for -I now, before the guest is forked.
function M.check(o)
  if (o.daemonize or 0) > 3 then
    return nil, ("Too many -D's (%d), maximum supported -D count is 3"):format(o.daemonize)
  end
  local s = { daemonize = o.daemonize, gdbserver = o.gdbserver, gdb_kill = o.gdb_disconnect == "kill" }
  if o.gdbserver and o.attach then
    return nil, "--gdbserver with -p is not supported yet: it debugs a command revel starts"
  elseif o.gdbserver and (o.repl or o.watch) then
    return nil, "--gdbserver with --repl or --watch is not supported yet (gdb's monitor lua is a REPL line)"
  end
  if o.user then
    if ffi.C.getuid() ~= 0 or ffi.C.geteuid() ~= 0 then
      return nil, "You must be root to use the -u/--username option"
    end
    local pw = getpwnam(o.user)
    if pw == nil then
      return nil, ("Cannot find user '%s'"):format(o.user)
    end
    s.user, s.uid, s.gid = o.user, pw.pw_uid, pw.pw_gid
  end
  if o.interruptible then
    local ok = pcall(function()
      rffi.cli.interruptible_mode(o.interruptible)
    end)
    if not ok then
      return nil, "-I needs the revel command"
    end
  end
  return s
end

pcall(ffi.cdef, "extern char **environ;")

-- -E VAR=VAL / -E VAR, in order: revel's own environment with the changes.
function M.environment(changes)
  local env = {}
  local i = 0
  while ffi.C.environ[i] ~= nil do
    env[#env + 1] = ffi.string(ffi.C.environ[i])
    i = i + 1
  end
  for _, e in ipairs(changes) do
    local var = e:match("^([^=]*)=") or e
    local at
    for j, kv in ipairs(env) do
      if kv:sub(1, #var + 1) == var .. "=" then
        at = j
        break
      end
    end
    if e:find("=", 1, true) then
      env[at or #env + 1] = e
    elseif at then
      table.remove(env, at)
    end
  end
  return env
end

-- The engine options of opts.startup (a table as check returns); keep: the
-- strings the options point at, kept alive by the caller.
function M.engine_options(opt, s, keep)
  if not s then
    return
  end
  if s.user then
    keep.user = ffi.new("char[?]", #s.user + 1, s.user)
    opt.run_user, opt.run_uid, opt.run_gid = keep.user, s.uid, s.gid
  end
  opt.daemonize = s.daemonize or 0
  if s.gdbserver then -- revel --gdbserver: the engine listens (engine/src/gdb_server.c)
    keep.gdbserver = ffi.new("char[?]", #s.gdbserver + 1, s.gdbserver)
    opt.gdbserver, opt.gdb_disconnect_kill = keep.gdbserver, s.gdb_kill and 1 or 0
  end
end

-- --gdbserver [HOST:]PORT|PATH and --gdb-disconnect=continue|kill.
function M.set_gdbserver(o, v)
  if v == "" then
    return nil, "--gdbserver takes [HOST:]PORT or a socket path"
  end
  o.gdbserver = v
  return true
end

function M.set_gdb_disconnect(o, v)
  if v ~= "continue" and v ~= "kill" then
    return nil, ("--gdb-disconnect takes continue or kill, not %q"):format(v)
  end
  o.gdb_disconnect = v
  return true
end

return M
