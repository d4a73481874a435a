-- revel._cli_style: the output style options of the command line (strace's
-- -a, -A, -v, -x, -X, -Y, -e abbrev=, verbose=, raw=, read=, write=,
-- decode-pids=, and their long forms), parsed into the options table `o`
-- that cli.lua hands the default tool. Messages are strace's own.
local rffi = require("revel.ffi")
local strace = require("revel.tools.strace")
local bit = require("bit")

local S = {}

-- Their lines in revel --help (cli.lua's USAGE).
S.HELP = [=[
  -a N, --columns=N    print results at column N (default 40; at least one space)
  -A, --output-append-mode
                       append to -o FILE (and -ff's FILE.TID) instead of truncating
  -x, --strings-in-hex=non-ascii
                       print a string with a non-ASCII byte all in \xHH escapes
  -xx, --strings-in-hex[=all]
                       print every string in \xHH escapes
  --strings-in-hex=non-ascii-chars|none
                       \xHH instead of octal for single bytes / octal (the default)
  -X raw|abbrev|verbose, --const-print-style=STYLE
                       constants and flags as numbers (raw), names (abbrev, the
                       default), or numbers with names in a comment (verbose)
  -e raw=SET, --raw=SET
                       print the arguments and result of the calls in SET in hex,
                       undecoded (SET as for trace=)
  -v, --no-abbrev, -e abbrev=SET, --abbrev=SET
                       print structures and arrays whole (execve's environment,
                       stat, statx, getdents64) for all calls / all but SET
  -e verbose=SET, --verbose=SET
                       decode structures only for the calls in SET (the others'
                       print as addresses)
  -Y, --decode-pids=comm
                       print pids with their process's name: 1234<cat>
  --decode-pids=pidns  print a pid of a tracee in another pid namespace with
                       revel's: 1 /* 1234 in strace's PID NS */ (--decode-pids=
                       comm,pidns or all for both)
  -e read=FDS, --read=FDS, -e write=FDS, --write=FDS
                       dump in hex and ASCII all data read from / written to the
                       fds in FDS (3,5; all; none; !FDS), under each call's line
]=]

-- A syscall set as -e trace= takes it, to { [nr] = true }, or nil and
-- strace's message for a name it does not know.
local function syscall_set(v)
  local words, err = strace.trace_words(v)
  if not words then
    return nil, "invalid system call '" .. v .. "'"
  end
  local set = {}
  for _, word in ipairs(words) do
    local neg = word:sub(1, 1) == "!"
    local w = neg and word:sub(2) or word
    local nrs = {}
    if w == "all" then
      for nr in pairs(rffi.names) do
        nrs[#nrs + 1] = nr
      end
    elseif w:sub(1, 1) == "%" then
      local bits = rffi.api.class_by_name(w)
      if bits == 0 then
        return nil, "invalid system call '" .. w .. "'"
      end
      for nr, c in pairs(rffi.classes) do
        if bit.band(c, bits) ~= 0 then
          nrs[#nrs + 1] = nr
        end
      end
    elseif rffi.numbers[w] then
      nrs[1] = rffi.numbers[w]
    else
      return nil, "invalid system call '" .. w .. "'"
    end
    for _, nr in ipairs(nrs) do
      set[nr] = not neg or nil
    end
  end
  return set
end

-- An fd set (-e read=3,5, "all", "none", "!SET"): { neg = bool, all = bool, fds = { [fd] = true } }.
local function fd_set(v)
  local neg, rest = v:match("^(!?)(.*)$")
  local s = { neg = neg == "!", fds = {} }
  for w in (rest .. ","):gmatch("([^,]*),") do
    if w == "all" then
      s.all = true
    elseif w == "none" then
      s.all = false
    else
      local n = w:match("^%d+$") and tonumber(w)
      if not n or n > 0x7fffffff then
        return nil, "invalid descriptor '" .. w .. "'"
      end
      s.fds[n] = true
    end
  end
  return s
end

local function with_set(field, parse)
  return function(o, v)
    local s, err = parse(v)
    if not s then
      return nil, err
    end
    o[field] = s
    return true
  end
end

local function set_column(name)
  return function(o, v)
    local n = v:match("^%d+$") and tonumber(v)
    if not n or n > 0x7fffffff then
      return nil, ("invalid %s argument: '%s'"):format(name, v)
    end
    o.column = n
    return true
  end
end

local CONST = { raw = true, abbrev = true, verbose = true }
local function set_const(name)
  return function(o, v)
    if not CONST[v] then
      return nil, ("invalid %s argument: '%s'"):format(name, v)
    end
    o.const_style = v
    return true
  end
end

-- --decode-pids=SET (comm, pidns, all, none; "!" takes the rest) and -Y
-- (comm alone): each one replaces the set, as in strace.
local PID_WORDS = { comm = true, pidns = true, all = true, none = true }
local function set_pids(o, v)
  local neg = v:sub(1, 1) == "!"
  local comm, ns = false, false
  for w in ((neg and v:sub(2) or v) .. ","):gmatch("([^,]*),") do
    if not PID_WORDS[w] then
      return nil, "invalid decode-pids '" .. w .. "'"
    end
    comm = comm or w == "comm" or w == "all"
    ns = ns or w == "pidns" or w == "all"
  end
  if neg then
    comm, ns = not comm, not ns
  end
  o.pid_comm, o.pid_ns = comm or nil, ns or nil
  return true
end

-- --strings-in-hex[=WHICH]: as strace, no value is "all".
local HEX = { none = 0, ["non-ascii-chars"] = 3, ["non-ascii"] = 1, all = 2 }
function S.strings_in_hex(o, v)
  local n = HEX[v or "all"]
  if not n then
    return nil, ("invalid --strings-in-hex argument: '%s'"):format(v)
  end
  o.hex = n
  return true
end

-- Options with a value, by short letter and long name.
S.WITH_VALUE = {
  a = set_column("-a"),
  columns = set_column("--columns"),
  X = set_const("-X"),
  ["const-print-style"] = set_const("--const-print-style"),
  abbrev = with_set("abbrev", syscall_set),
  verbose = with_set("verbose_set", syscall_set),
  raw = with_set("raw", syscall_set),
  read = with_set("dump_read", fd_set),
  write = with_set("dump_write", fd_set),
  ["decode-pids"] = set_pids,
}

-- -e KEY=VALUE of this family (strace's aliases too); nil for another key.
local EXPR = { abbrev = "abbrev", a = "abbrev", verbose = "verbose", v = "verbose",
  raw = "raw", x = "raw", read = "read", reads = "read", r = "read",
  write = "write", writes = "write", w = "write",
  ["decode-pids"] = "decode-pids", ["decode-pid"] = "decode-pids" }
function S.expr(o, key, v)
  local name = EXPR[key]
  if not name then
    return nil
  end
  return S.WITH_VALUE[name](o, v)
end

local function count(field)
  return function(o)
    o[field] = (o[field] or 0) + 1
    return true
  end
end

-- Options without one (counted: -xx).
S.FLAGS = {
  v = function(o) o.abbrev = {} return true end, -- abbrev=none
  ["no-abbrev"] = function(o) o.abbrev = {} return true end,
  x = count("x"),
  A = function(o) o.append = true return true end,
  ["output-append-mode"] = function(o) o.append = true return true end,
  Y = function(o) o.pid_comm, o.pid_ns = true, nil return true end,
}

-- The style options set, for the check that a tool file gets none; after
-- the other families' list.
function S.tool_only(others)
  local t = { unpack(others) }
  for _, n in ipairs(S.NAMES) do
    t[#t + 1] = n
  end
  return t
end
S.NAMES = { { "column", "-a" }, { "append", "-A" }, { "x", "-x" },
  { "hex", "--strings-in-hex" }, { "const_style", "-X" }, { "abbrev", "-v or -e abbrev=" },
  { "verbose_set", "-e verbose=" }, { "raw", "-e raw=" }, { "dump_read", "-e read=" },
  { "dump_write", "-e write=" }, { "pid_comm", "-Y" }, { "pid_ns", "--decode-pids=pidns" }, { "fd_details", "--decode-fds=socket" },
  { "kvm_vcpu", "-e kvm=vcpu" } }

-- --decode-fds[=SET] is -y (path) or -yy (all; socket and dev details);
-- its value is optional, so only --decode-fds=V (as --quiet[=SET]:
-- getopt_long takes an optional value after "=" alone).
local FD_WORDS = { path = true, socket = true, dev = true, pidfd = true, all = true, none = true }
function S.decode_fds(o, v)
  for w in ((v or "path") .. ","):gmatch("([^,]*),") do
    if not FD_WORDS[w] then
      return nil, ("invalid decode-fds '%s'"):format(v)
    elseif w == "all" then
      o.fd_paths = 2
    elseif w == "path" then
      o.fd_paths = o.fd_paths or 1
    elseif w ~= "none" then
      o.fd_details = o.fd_details or {}
      o.fd_details[w] = true
    end
  end
  return true
end

-- What revel does not do yet, said; -A without -o, said as strace says it.
function S.check(o)
  if o.append and not o.output then
    io.stderr:write("revel: -A/--output-append-mode has no effect without -o/--output\n")
  end
end

-- The default tool's options from them (strace.new's fields).
function S.tool_opts(o, t)
  t.column = o.column
  t.append = o.append
  if o.x then
    t.hex = o.x >= 2 and 2 or 1
  end
  t.hex = o.hex or t.hex
  t.const_style = o.const_style
  t.pid_comm = o.pid_comm
  t.pid_ns = o.pid_ns
  t.kvm_vcpu = o.kvm_vcpu
  -- Per syscall: raw, abbreviated (default all), verbose (default all).
  local abbrev = o.abbrev
  if o.raw or abbrev or o.verbose_set then
    t.styles = {}
    for nr in pairs(rffi.names) do
      local s = 0
      if o.raw and o.raw[nr] then
        s = s + 1
      end
      if abbrev and not abbrev[nr] then
        s = s + 2
      end
      if o.verbose_set and not o.verbose_set[nr] then
        s = s + 4
      end
      t.styles[nr] = s ~= 0 and s or nil
    end
  end
  t.dump_read, t.dump_write = o.dump_read, o.dump_write
  return t
end

return S
