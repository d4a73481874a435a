-- revel.sched.rng: the seeded stream --sched's strategies draw from:
-- splitmix64 (Steele, Lea, Flood, OOPSLA 2014) on 64-bit integers, so the
-- same seed gives the same draws on every run and every machine (LuaJIT's
-- uint64_t arithmetic wraps as C's does). math.random is not used: its
-- stream is LuaJIT's own and shared with the tool.
--
--   local r = rng.new(seed)   -- seed: a number (a whole one, 0 up) or a uint64_t
--   r:next()                  -- the next draw, a uint64_t
--   r:below(n)                -- the next draw reduced to 0..n-1 (a Lua number)
local ffi = require("ffi")

local M = {}

local U64 = ffi.typeof("uint64_t")
local GAMMA = 0x9e3779b97f4a7c15ULL
local M1, M2 = 0xbf58476d1ce4e5b9ULL, 0x94d049bb133111ebULL

local Rng = {}
Rng.__index = Rng

function Rng:next()
  local z = self.state + GAMMA
  self.state = z
  z = bit.bxor(z, bit.rshift(z, 30)) * M1
  z = bit.bxor(z, bit.rshift(z, 27)) * M2
  return bit.bxor(z, bit.rshift(z, 31))
end

function Rng:below(n)
  return tonumber(self:next() % n)
end

function M.new(seed)
  return setmetatable({ state = U64(seed or 0) }, Rng)
end

return M
