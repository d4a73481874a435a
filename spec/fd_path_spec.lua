-- g:fd_path(fd): the file, pipe or socket behind a guest fd, as the kernel
-- names it in /proc/TID/fd, or nil, "EBADF" when the fd is not open.
local H = require("helpers.run")

after_each(H.cleanup)

-- A guest that opens, reads and closes a file, closes it twice, and uses a
-- pipe and a socket; it prints its own view of the pipe and the socket.
local GUEST = [[
import os, socket
fd = os.open("/etc/hosts", os.O_RDONLY)
os.read(fd, 1)
os.close(fd)
try:
    os.close(fd)
except OSError as e:
    print("second close errno", e.errno)
r, w = os.pipe()
os.write(w, b"x")
os.read(r, 1)
a, b = socket.socketpair()
os.write(a.fileno(), b"y")
os.read(b.fileno(), 1)
print("file", fd)
print("pipe", r, os.readlink("/proc/self/fd/%d" % r))
print("socket", b.fileno(), os.readlink("/proc/self/fd/%d" % b.fileno()))
]]

-- Each read and close of an fd past 2, with what g:fd_path says of it; and
-- what it says of fds no call could have open.
local TOOL = [[
local tool = { on = {} }
local said
local function note(g, sc)
  if not said then
    said = true
    local p, e = g:fd_path(-100)
    io.stderr:write(("fd_path(-100) %s %s\n"):format(tostring(p), tostring(e)))
    p, e = g:fd_path(1.5)
    io.stderr:write(("fd_path(1.5) %s %s\n"):format(tostring(p), tostring(e)))
    local ok, err = pcall(g.fd_path, g, "3")
    io.stderr:write(("fd_path('3') %s %s\n"):format(tostring(ok), tostring(err)))
  end
  if sc.fd > 2 then
    local p, e = g:fd_path(sc.fd)
    io.stderr:write(("%s %d %s %s\n"):format(sc.name, sc.fd, tostring(p), tostring(e)))
  end
end
tool.on.read = note
tool.on.close = note
return tool
]]

local function lines(text)
  local t = {}
  for l in text:gmatch("[^\n]+") do
    t[l] = true
  end
  return t
end

describe("g:fd_path", function()
  it("names a file, a pipe and a socket, and says EBADF of a closed fd", function()
    local py = H.file(GUEST, "guest.py")
    local native = H.native({ "python3", py })
    assert.are.equal(0, native.code, native.err)
    local r = H.revel({ H.tool(TOOL) }, { "python3", py })
    assert.are.equal(0, r.code, r.err)
    -- The guest behaves as it does natively (its own view of the fds aside,
    -- whose inode numbers change between runs).
    local norm = function(s)
      return (s:gsub("%[%d+%]", "[N]"))
    end
    assert.are.equal(norm(native.out), norm(r.out))
    assert.truthy(r.out:find("second close errno 9\n", 1, true), r.out)

    local fd = assert(r.out:match("\nfile (%d+)\n"), r.out)
    local pfd, pipe = r.out:match("\npipe (%d+) (%S+)\n")
    local sfd, sock = r.out:match("\nsocket (%d+) (%S+)\n")
    assert.truthy(pipe and pipe:match("^pipe:%[%d+%]$"), r.out)
    assert.truthy(sock and sock:match("^socket:%[%d+%]$"), r.out)

    local got = lines(r.err)
    for _, want in ipairs({
      "fd_path(-100) nil EBADF",
      "fd_path(1.5) nil EBADF",
      ("read %s /etc/hosts nil"):format(fd),
      ("close %s /etc/hosts nil"):format(fd), -- at its entry, the fd is still open
      ("close %s nil EBADF"):format(fd), -- the second close
      ("read %s %s nil"):format(pfd, pipe),
      ("read %s %s nil"):format(sfd, sock),
    }) do
      assert.truthy(got[want], ("%q not in the tool's output:\n%s"):format(want, r.err))
    end
    assert.truthy(r.err:find("fd_path('3') false g:fd_path: the fd must be a number, got string", 1, true), r.err)
  end)
end)
