-- A pseudo-terminal for specs: a command runs in a detached tmux session of
-- its own server (its own socket, nothing shared with a user's tmux); the
-- spec types keys and reads the screen. Waits poll the screen for a pattern,
-- bounded in time: a pattern that never shows is a failure with the screen.
local H = require("helpers.run")

local T = {}
T.__index = T

local counter = 0

local function tmux(self, args)
  return H.sh(("tmux -S %s -f %s %s"):format(H.q(self.sock), H.q(self.conf), args), { timeout = 20 })
end

-- cmd: a shell command line, run by sh in the pane. The pane stays after the
-- command ends, so its last words can still be read.
function T.start(cmd)
  counter = counter + 1
  local self = setmetatable({}, T)
  -- The server's socket: a unique path in the spec's own directory
  -- (removed by kill()).
  self.sock = H.tmppath(("tmux-%d"):format(counter))
  self.conf = H.tool("set -g remain-on-exit on\nset -g history-limit 5000\n")
  local r = tmux(self, ("new-session -d -s main -x 200 -y 50 %s"):format(H.q(cmd)))
  assert(r.code == 0, "tmux new-session failed: " .. r.err)
  return self
end

-- Keys as tmux send-keys names them: literal text, or Enter, Tab, C-c, C-d, Up.
function T:keys(...)
  local words = {}
  for i, k in ipairs({ ... }) do
    words[i] = H.q(k)
  end
  local r = tmux(self, "send-keys -t main " .. table.concat(words, " "))
  assert(r.code == 0, "tmux send-keys failed: " .. r.err)
end

-- Literal text (no key names).
function T:type(text)
  local r = tmux(self, "send-keys -t main -l " .. H.q(text))
  assert(r.code == 0, "tmux send-keys failed: " .. r.err)
end

function T:screen()
  local r = tmux(self, "capture-pane -p -J -S - -t main")
  return r.out
end

local function now()
  local p = io.popen("date +%s.%N")
  local t = tonumber(p:read("*l"))
  p:close()
  return t
end

-- Poll until some line of the screen matches pattern; returns the capture
-- of that line's first pattern group (or the line) and the screen.
function T:wait_for(pattern, timeout)
  local deadline = now() + (timeout or 15)
  local screen
  repeat
    screen = self:screen()
    for line in screen:gmatch("[^\n]*") do
      local m = line:gsub("%s+$", ""):match(pattern)
      if m then
        return m, screen
      end
    end
    os.execute("sleep 0.05")
  until now() > deadline
  error(("pattern %q never showed on the terminal; it shows:\n%s"):format(pattern, screen), 2)
end

function T:kill()
  tmux(self, "kill-server")
  os.remove(self.sock)
end

return T
