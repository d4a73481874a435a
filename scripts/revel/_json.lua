-- revel._json (private): JSON for fault logs and records: encode plain data, decode a line.
local M = {}

local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
  ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }

local function str(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return escapes[c] or ("\\u%04x"):format(c:byte())
  end) .. '"'
end

local function is_array(t)
  local n = 0
  for k in pairs(t) do
    if type(k) ~= "number" or k < 1 or k % 1 ~= 0 then
      return false
    end
    n = n + 1
  end
  return n == #t
end

local function encode(v, out)
  local t = type(v)
  if t == "nil" then
    out[#out + 1] = "null"
  elseif t == "boolean" then
    out[#out + 1] = tostring(v)
  elseif t == "number" then
    out[#out + 1] = (v % 1 == 0 and v > -2^53 and v < 2^53) and ("%d"):format(v) or ("%.17g"):format(v)
  elseif t == "string" then
    out[#out + 1] = str(v)
  elseif t == "table" then
    if next(v) ~= nil and is_array(v) then
      out[#out + 1] = "["
      for i, x in ipairs(v) do
        if i > 1 then
          out[#out + 1] = ","
        end
        encode(x, out)
      end
      out[#out + 1] = "]"
    else
      local keys = {}
      for k in pairs(v) do
        keys[#keys + 1] = tostring(k)
      end
      table.sort(keys) -- the same record, the same bytes
      out[#out + 1] = "{"
      for i, k in ipairs(keys) do
        if i > 1 then
          out[#out + 1] = ","
        end
        out[#out + 1] = str(k)
        out[#out + 1] = ":"
        local x = v[k]
        if x == nil then
          x = v[tonumber(k)]
        end
        encode(x, out)
      end
      out[#out + 1] = "}"
    end
  else
    error("cannot encode a " .. t .. " as JSON", 2)
  end
end

function M.encode(v)
  local out = {}
  encode(v, out)
  return table.concat(out)
end

-- Decoder: enough JSON for what encode writes (and standard JSON generally).
function M.decode(s)
  local pos = 1
  local function ws()
    pos = s:find("[^ \t\r\n]", pos) or #s + 1
  end
  local value
  local function err(what)
    error(("JSON: %s at byte %d"):format(what, pos), 0)
  end
  local function string_at()
    local out, i = {}, pos + 1
    while true do
      local c = s:sub(i, i)
      if c == "" then
        err("unterminated string")
      elseif c == '"' then
        pos = i + 1
        return table.concat(out)
      elseif c == "\\" then
        local e = s:sub(i + 1, i + 1)
        local map = { b = "\b", f = "\f", n = "\n", r = "\r", t = "\t" }
        if e == "u" then
          local code = tonumber(s:sub(i + 2, i + 5), 16)
          if not code then
            err("bad \\u escape")
          end
          out[#out + 1] = code < 128 and string.char(code) or "?"
          i = i + 6
        else
          out[#out + 1] = map[e] or e
          i = i + 2
        end
      else
        out[#out + 1] = c
        i = i + 1
      end
    end
  end
  function value()
    ws()
    local c = s:sub(pos, pos)
    if c == "{" then
      local t = {}
      pos = pos + 1
      ws()
      if s:sub(pos, pos) == "}" then
        pos = pos + 1
        return t
      end
      while true do
        ws()
        if s:sub(pos, pos) ~= '"' then
          err("expected a key")
        end
        local k = string_at()
        ws()
        if s:sub(pos, pos) ~= ":" then
          err("expected ':'")
        end
        pos = pos + 1
        t[k] = value()
        ws()
        local d = s:sub(pos, pos)
        pos = pos + 1
        if d == "}" then
          return t
        elseif d ~= "," then
          err("expected ',' or '}'")
        end
      end
    elseif c == "[" then
      local t = {}
      pos = pos + 1
      ws()
      if s:sub(pos, pos) == "]" then
        pos = pos + 1
        return t
      end
      while true do
        t[#t + 1] = value()
        ws()
        local d = s:sub(pos, pos)
        pos = pos + 1
        if d == "]" then
          return t
        elseif d ~= "," then
          err("expected ',' or ']'")
        end
      end
    elseif c == '"' then
      return string_at()
    elseif s:sub(pos, pos + 3) == "true" then
      pos = pos + 4
      return true
    elseif s:sub(pos, pos + 4) == "false" then
      pos = pos + 5
      return false
    elseif s:sub(pos, pos + 3) == "null" then
      pos = pos + 4
      return nil
    else
      local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
      if not num or num == "" then
        err("unexpected character")
      end
      pos = pos + #num
      return tonumber(num)
    end
  end
  local v = value()
  ws()
  if pos <= #s then
    err("trailing characters")
  end
  return v
end

return M
