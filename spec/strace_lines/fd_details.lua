-- -yy's socket details by kind (issue 11): a bound netlink socket as
-- NETLINK:[ROUTE:PORTID], an unbound one and a raw one by inode, a packet
-- socket (strace knows no details for it) as socket:[inode]; the guest
-- spec/guests/sock_kinds.c makes one of each. Inodes move between runs; the
-- port id of the bound socket is the guest's pid. And the netlink messages
-- getaddrinfo exchanges (getent ahosts): the address dump, decoded.
local L, H = ...
local guest = H.guest("sock_kinds")

local function inodes(l)
  l = l:gsub(":%[%d+%]", ":[INODE]")
  return (l:gsub("ROUTE:%d+", "ROUTE:PORTID"):gsub("nl_pid=[1-9]%d*", "nl_pid=PORTID"))
end

-- getaddrinfo's dump: its sequence number is the time, its port id the pid.
local function dump(l)
  l = inodes(l)
  return (l:gsub("nlmsg_seq=%d+", "nlmsg_seq=SEQ"):gsub("nlmsg_pid=[1-9]%d*", "nlmsg_pid=PORTID"))
end
local getent = { "getent", "ahosts", "localhost" }
-- Socket options whose values are structures or errors (SO_PEERCRED's pid
-- is the guest's own, SO_ERROR's a refused connection's).
local so = L.dir .. "/sockopts.py"
local f = assert(io.open(so, "w"))
f:write([[
import os, select, socket, struct
a, b = socket.socketpair()
a.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
a.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12)
a.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)
a.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 5))
c = socket.socket()
c.setblocking(False)
c.connect_ex(("127.0.0.1", 1))
select.select([], [c], [], 10)
c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
print(os.getpid())
]])
f:close()
local function peer(l)
  return (l:gsub("{pid=%d+,", "{pid=PID,"))
end

return {
  { "-yy netlink, packet and raw sockets", opts = { "-yy", "-e", "trace=%network,close" }, argv = { guest },
    norm = inodes },
  { "--decode-fds=socket sockets by kind", opts = { "--decode-fds=socket", "-e", "trace=%network,close" },
    argv = { guest }, norm = inodes },
  { "sockets by kind", opts = { "-e", "trace=%network" }, argv = { guest }, norm = inodes },
  { "netlink address dump", opts = { "-e", "trace=%network" }, argv = getent, norm = dump },
  { "-yy -v netlink address dump", opts = { "-yy", "-v", "-e", "trace=%network" }, argv = getent, norm = dump },
  { "socket options", opts = { "-e", "trace=getsockopt,setsockopt" }, argv = { "/usr/bin/python3", so },
    norm = peer },
  { "-X verbose netlink address dump", opts = { "-X", "verbose", "-e", "trace=%network" }, argv = getent,
    norm = dump },
}
