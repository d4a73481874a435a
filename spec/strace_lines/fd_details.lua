-- -yy's socket details by kind (issue 11): a bound netlink socket as
-- NETLINK:[ROUTE:PORTID], an unbound one and a raw one by inode, a packet
-- socket (strace knows no details for it) as socket:[inode]; the guest
-- spec/guests/sock_kinds.c makes one of each. Inodes move between runs; the
-- port id of the bound socket is the guest's pid.
local L, H = ...
local guest = H.guest("sock_kinds")

local function inodes(l)
  l = l:gsub(":%[%d+%]", ":[INODE]")
  return (l:gsub("ROUTE:%d+", "ROUTE:PORTID"):gsub("nl_pid=[1-9]%d*", "nl_pid=PORTID"))
end

return {
  { "-yy netlink, packet and raw sockets", opts = { "-yy", "-e", "trace=%network,close" }, argv = { guest },
    norm = inodes },
  { "--decode-fds=socket sockets by kind", opts = { "--decode-fds=socket", "-e", "trace=%network,close" },
    argv = { guest }, norm = inodes },
  { "sockets by kind", opts = { "-e", "trace=%network" }, argv = { guest }, norm = inodes },
}
