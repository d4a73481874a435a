-- revel._timeline_html (private): the --timeline page, one self-contained
-- HTML file (no network): the run's metadata (JSON) and its trace text in
-- two script elements, the code that reads (revel._timeline_parse) and draws
-- (revel._timeline_page) them. The trace is strace's text, printable ASCII
-- and newlines alone (strace escapes every other byte), so it goes in as it
-- is but for "<", written as the byte 1, which strace never prints: no text
-- can end its element, and the copy is a pass over bytes, not a JSON escape.
local data = require("revel._timeline_data")
local parse = require("revel._timeline_parse")
local page = require("revel._timeline_page")

local ffi = require("ffi")

local M = {}

-- Copies the trace from file in to out, each "<" as byte 1, a chunk at a time.
local CHUNK = 65536
local buf = ffi.new("uint8_t[?]", CHUNK)
local function copy_trace(from, out)
  while from do
    local s = from:read(CHUNK)
    if not s then
      return
    end
    local n = #s
    ffi.copy(buf, s, n)
    for i = 0, n - 1 do
      if buf[i] == 60 then
        buf[i] = 1
      end
    end
    assert(out:write(ffi.string(buf, n)))
  end
end

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
]]

-- JSON string escapes; "<" too, so that no text can end the script element.
local ESC = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\t"] = "\\t" }
for b = 0, 255 do
  local c = string.char(b)
  if not ESC[c] and (b < 32 or b >= 127 or c == "<" or c == ">" or c == "&") then
    ESC[c] = ("\\u%04x"):format(b)
  end
end
local function str(s)
  return '"' .. s:gsub('[%z\1-\31"\\<>&\127-\255]', ESC) .. '"'
end

-- Writes the page to out: the trace text (read from the file trace), the threads the layer saw (tid ->
-- { pid, parent, name }), meta: command (argv), ended (words). Returns true,
-- or nil and the write's error.
function M.write(out, trace, threads, meta)
  local ok, err = pcall(function()
    local words, parts = {}, {}
    for i, w in ipairs(meta.command or {}) do
      words[i] = str(w)
    end
    for tid, t in pairs(threads) do
      parts[#parts + 1] = ('"%d":{"pid":%d%s,"name":%s}'):format(tid, t.pid or tid,
        t.parent and (',"parent":%d'):format(t.parent) or "", str(t.name or "?"))
    end
    local classes, map = {}, {}
    for i, c in ipairs(data.CLASSES) do
      classes[i] = str(c)
    end
    for name, c in pairs(data.class_map()) do
      map[#map + 1] = ('"%s":%d'):format(name, c)
    end
    assert(out:write(HEAD, '<script type="application/json" id="meta">{"command":[', table.concat(words, ","),
      '],"ended":', str(meta.ended or ""), ',"classes":[', table.concat(classes, ","), '],"classOf":{',
      table.concat(map, ","), '},"threads":{', table.concat(parts, ","), '}}</script>\n',
      '<script type="text/plain" id="trace">'))
    copy_trace(trace, out)
    assert(out:write("</script>\n<script>\n", parse, page, "</script>\n</body></html>\n"))
  end)
  if not ok then
    return nil, err
  end
  return true
end

return M
