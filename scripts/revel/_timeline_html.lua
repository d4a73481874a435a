-- revel._timeline_html (private): the --timeline page, one self-contained
-- HTML file (no network): the data of revel._timeline_data as JSON in a
-- script element, the code of revel._timeline_page that draws it.
local page = require("revel._timeline_page")

local M = {}

local HEAD = [[<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>revel timeline</title>
<style>
body{margin:0;font:12px system-ui,sans-serif;background:#fff;color:#222}
#head{padding:6px 10px;border-bottom:1px solid #ccc;line-height:1.6}
#head b{font-size:14px}
#cmd{font-family:monospace}
.key{display:inline-block;width:10px;height:10px;margin:0 3px 0 10px;vertical-align:middle}
.help{color:#666}
canvas{display:block}
#main:focus{outline:none}
#tip{position:fixed;pointer-events:none;background:#ffffe8;border:1px solid #999;padding:4px 6px;
font:12px monospace;white-space:pre-wrap;word-break:break-all;max-width:640px;display:none;z-index:2}
#status{font:11px monospace;color:#666;padding:4px 10px}
#lanes{display:none}
</style></head><body>
<div id="head"><b>revel timeline</b> <span id="cmd"></span><br>
<span id="ended"></span> &middot; <span id="count"></span> &middot; <span id="legend"></span><br>
<span class="help">wheel or + / &minus;: zoom &middot; drag, shift+wheel or &larr; / &rarr;: pan &middot; 0: the whole run &middot;
click the strip: go there &middot; hover: the call's strace line and time</span></div>
<canvas id="sum"></canvas>
<canvas id="main" tabindex="0"></canvas>
<div id="tip"></div>
<div id="status" data-state="loading" data-errors="0"></div>
<ul id="lanes"></ul>
<script type="application/json" id="data">]]

-- JSON strings that cannot end the script element ("<" is escaped too).
local function str(s)
  return '"' .. s:gsub('[%c"\\<>&\128-\255]', function(c)
    return ("\\u%04x"):format(c:byte())
  end) .. '"'
end

-- Writes a list in chunks: f(item) is its JSON.
local function list(out, items, f)
  out:write("[")
  local buf, n = {}, 0
  for i, v in ipairs(items) do
    n = n + 1
    buf[n] = (i > 1 and "," or "") .. f(v)
    if n == 4096 then
      out:write(table.concat(buf))
      buf, n = {}, 0
    end
  end
  out:write(table.concat(buf, "", 1, n), "]")
end

local function num(x)
  return (("%.3f"):format(x):gsub("%.?0+$", ""))
end

-- Writes the page of d (revel._timeline_data.build) to out; returns true, or
-- nil and the write's error.
function M.write(out, d)
  local ok, err = pcall(function()
    assert(out:write(HEAD, "{"))
    local words = {}
    for i, w in ipairs(d.command or {}) do
      words[i] = str(w)
    end
    out:write('"command":[', table.concat(words, ","), '],"ended":', str(d.ended or ""),
      ',"span":', num(d.span), ',"classes":[')
    for i, c in ipairs(d.classes) do
      out:write(i > 1 and "," or "", str(c))
    end
    out:write('],"lanes":')
    list(out, d.lanes, function(l)
      return ('{"tid":%d,"pid":%d,"depth":%d,"first":%s,"name":%s,"proc":%s}'):format(l.tid, l.pid, l.depth,
        tostring(l.first), str(l.name), str(l.proc))
    end)
    local calls = d.calls
    out:write(',"L":')
    list(out, calls, function(c) return tostring(c.lane) end)
    out:write(',"S":')
    list(out, calls, function(c) return num(c.start) end)
    out:write(',"D":')
    list(out, calls, function(c) return num(c.dur) end)
    out:write(',"C":')
    list(out, calls, function(c) return tostring(c.class) end)
    out:write(',"F":')
    list(out, calls, function(c) return tostring(c.flags) end)
    out:write(',"T":')
    list(out, calls, function(c) return str(c.text) end)
    out:write(',"M":')
    list(out, d.marks, function(m)
      return ("[%s,%s,%s,%s]"):format(m[1] and tostring(m[1]) or "null", num(m[2]), str(m[3]), str(m[4]))
    end)
    assert(out:write("}</script>\n<script>\n", page, "</script>\n</body></html>\n"))
  end)
  if not ok then
    return nil, err
  end
  return true
end

return M
