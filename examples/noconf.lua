-- noconf.lua: configuration files cannot be opened; counts the refusals. The
-- README's first tool: a suppressed call, a guest string, global state by rpc.
--   revel examples/noconf.lua -- cat /etc/host.conf
local tool = { on = {} }
function tool.init_global() return { refused = 0 } end        -- global state
function tool.rpc(global) global.refused = global.refused + 1 end
function tool.on.openat(g, sc)                 -- g: the guest thread, sc: the syscall
  local path = g:string(sc.pathname)           -- read from guest memory
  if path and path:match("%.conf$") then g:rpc(); return -revel.errno.ENOENT end
end                                            -- nothing returned: the call runs as is
function tool.finish(global) io.stderr:write(global.refused, " refused\n") end
return tool
