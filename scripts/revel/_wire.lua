-- revel._wire (private): plain data (nil, booleans, numbers, strings, tables of
-- these) as a string and back, for g:rpc between an in-guest tool and revel
-- (--backend=guest). The same file runs inside the guest (compiled into
-- librevel_guest.so) and in revel. Decoding never runs code: a guest cannot
-- make revel run anything by what it sends.
local M = {}

local concat, format, byte, sub, find = table.concat, string.format, string.byte, string.sub, string.find

local function enc(v, out, seen)
  local t = type(v)
  if t == "nil" then
    out[#out + 1] = "z"
  elseif t == "boolean" then
    out[#out + 1] = v and "t" or "f"
  elseif t == "number" then
    if v ~= v then
      out[#out + 1] = "N"
    elseif v == math.huge then
      out[#out + 1] = "I"
    elseif v == -math.huge then
      out[#out + 1] = "J"
    else
      out[#out + 1] = format("n%.17g;", v)
    end
  elseif t == "string" then
    out[#out + 1] = format("s%d:", #v)
    out[#out + 1] = v
  elseif t == "table" then
    if seen[v] then
      error("a message is plain data: this table holds itself", 0)
    end
    seen[v] = true
    local n = 0
    for _ in pairs(v) do
      n = n + 1
    end
    out[#out + 1] = format("T%d:", n)
    for k, x in pairs(v) do
      enc(k, out, seen)
      enc(x, out, seen)
    end
    seen[v] = nil
  else
    error(("a message is plain data (nil, booleans, numbers, strings, tables of these), not a %s"):format(t), 0)
  end
end

function M.encode(v)
  local out = {}
  enc(v, out, {})
  return concat(out)
end

local function dec(s, i)
  local c = byte(s, i)
  if c == 122 then -- z
    return nil, i + 1
  elseif c == 116 then -- t
    return true, i + 1
  elseif c == 102 then -- f
    return false, i + 1
  elseif c == 78 then -- N
    return 0 / 0, i + 1
  elseif c == 73 then -- I
    return math.huge, i + 1
  elseif c == 74 then -- J
    return -math.huge, i + 1
  elseif c == 110 then -- n
    local e = find(s, ";", i, true)
    return tonumber(sub(s, i + 1, e - 1)), e + 1
  elseif c == 115 then -- s
    local e = find(s, ":", i, true)
    local n = tonumber(sub(s, i + 1, e - 1))
    return sub(s, e + 1, e + n), e + n + 1
  elseif c == 84 then -- T
    local e = find(s, ":", i, true)
    local n = tonumber(sub(s, i + 1, e - 1))
    local t = {}
    i = e + 1
    for _ = 1, n do
      local k, v
      k, i = dec(s, i)
      v, i = dec(s, i)
      if k ~= nil then
        t[k] = v
      end
    end
    return t, i
  end
  error("bad message at byte " .. tostring(i), 0)
end

function M.decode(s, i)
  return (dec(s, i or 1))
end

return M
