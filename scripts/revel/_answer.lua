-- revel._answer (private): the runtime's answer to a stopped thread, as the
-- engine takes it (struct revel_lua_action): the syscall to run, a result,
-- checked on the way. Its own module so that the common answer, the call as it
-- came, stays a short path (see continue_call): it runs at every handled call.
local rffi = require("revel.ffi")

local api = rffi.api
local A = rffi.A
local ACT_CONTINUE = rffi.ACT_CONTINUE

local M = {}

-- A result or argument the engine can take: an integer of 64 bits, signed or
-- not (NaN, infinities, fractions and the out of range are not).
local function integer(v)
  return v % 1 == 0 and v >= -9223372036854775808 and v < 18446744073709551616
end

M.integer = integer

-- Fill the action with a syscall to run; strings go into guest scratch memory.
-- Returns what is wrong with the call, if anything (no pcall: that would make
-- garbage at every event).
local function set_call(run, g, act, call)
  if not integer(call.nr) then
    return ("the syscall number %s is not an integer"):format(tostring(call.nr))
  end
  act.nr = call.nr
  local args = call.args
  local sp, placed
  for i = 1, 6 do
    local v = args[i]
    local tv = type(v)
    if tv == "number" then
      if not integer(v) then
        return ("argument %d of %s is %s, not an integer"):format(i, tostring(call.name), tostring(v))
      end
      act[A[i]] = v
    elseif v == nil or v == false then
      act[A[i]] = 0
    elseif v == true then
      act[A[i]] = 1
    elseif tv == "string" then
      -- Below the red zone of the stopped thread's stack: nothing of the
      -- guest's lives there while it is stopped in a syscall.
      sp = sp or (g._ev.rsp - 128)
      sp = sp - #v - 1
      sp = sp - sp % 16
      local rc = api.mem_write(run.E, g.tid, sp, v, #v + 1)
      if rc < 0 then
        return "cannot place a string argument in guest memory: " .. rffi.strerror(-rc)
      end
      act[A[i]] = sp
      placed = placed or {}
      placed[i], placed[i + 6] = sp, v -- for tostring(call) after it ran
    else
      return ("argument %d of %s is a %s"):format(i, tostring(call.name), tv)
    end
  end
  if placed or rawget(call, "_placed") then
    rawset(call, "_placed", placed)
  end
end

M.set_call = set_call

local function answer(run, g, act)
  local rc = api.resume(run.E, g.tid, act, g._ev)
  if rc < 0 and rc ~= -3 then -- ESRCH: the thread died meanwhile
    error(("engine refused to resume thread %d: %s"):format(g.tid, rffi.strerror(-rc)), 0)
  end
end

M.answer = answer

-- The handler returned nothing: the thread's call runs, as the handler left
-- sc. Numbers only (the usual case) go without set_call's loop. Returns what
-- is wrong with the call, if anything; else the answer is given.
function M.continue_call(run, g, act, sc)
  act.kind = ACT_CONTINUE
  local args = sc.args
  local nr, a1, a2, a3, a4, a5, a6 = sc.nr, args[1], args[2], args[3], args[4], args[5], args[6]
  if type(nr) == "number" and type(a1) == "number" and type(a2) == "number" and type(a3) == "number"
    and type(a4) == "number" and type(a5) == "number" and type(a6) == "number" and integer(nr)
    and integer(a1) and integer(a2) and integer(a3) and integer(a4) and integer(a5) and integer(a6) then
    act.nr, act.a0, act.a1, act.a2, act.a3, act.a4, act.a5 = nr, a1, a2, a3, a4, a5, a6
    if rawget(sc, "_placed") then
      rawset(sc, "_placed", nil) -- no string placed this time (see set_call)
    end
  else
    local err = set_call(run, g, act, sc)
    if err then
      return err
    end
  end
  answer(run, g, act)
end

return M
