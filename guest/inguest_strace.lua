-- The default tool's half that runs inside each guest process under
-- --backend=guest (built into the library: REVEL_GUEST_TOOL "=strace") (revel.tools.strace is the other,
-- in revel, for what runs under ptrace there: each program's loader, the
-- programs that fall back). The calls are printed in C, by engine/decode's
-- printer in the library's call path (guest/guest_strace.c), with the
-- options revel worked out (strace.printer_options, in the config's
-- `strace`); here only the life lines: signals and exits.
local S = revel._strace
if not S then
  error("the default tool's guest half runs only inside a guest process (--backend=guest)", 0)
end
if not S.start(S.config.strace or {}) then
  error("cannot make the output printer", 0)
end

local tool = { subscriptions = {} } -- no Lua per call: the C printer has them

function tool.signal(g, sig)
  S.signal(g.tid, sig)
  return nil -- delivered as it is
end

function tool.exit_thread(g, _, _, status, superseded_by)
  if superseded_by then
    S.superseded(g.tid, superseded_by)
  else
    S.exited(g.tid, status)
  end
end

return tool
