-- revel._timeline_parse (private): the JavaScript that reads the --timeline
-- page's trace (strace -f -ttt -T text, each line after its thread id) into
-- what the page draws; a Lua string so that it is built into revel. The
-- browser parses, so that revel's end of run costs only a copy of the text.
return [==[
"use strict";
// timelineData(meta, text) -> { lanes, L, S, D, C, F, T, M, span }:
// lanes: threads grouped by process, processes in tree order (a parent
// before its children, siblings by pid), a process's leader first; per call
// (sorted by lane, then start) its lane, start and duration in microseconds
// from the first line, class, flags (1 failed, 2 injected, 4 unfinished) and
// strace line; M: marks [lane, time, kind, text] for signals, injected
// faults, execs and exits.
function timelineData(meta, text) {
  var threads = meta.threads || {}, classOf = meta.classOf || {}, other = meta.classes.indexOf("other");
  var perTid = {}, tids = [], marks = [], pending = {}, threadEnd = {};
  var base = null, baseNs = 0, last = 0;
  var lineRe = /^(\d+) +(\d+)\.(\d+) (.*)$/, callRe = /^([\w]+)\((.*)$/, resumedRe = /^<\.\.\. ([\w]+) resumed>(.*)$/;
  var durRe = / <(\d+\.\d+)>$/;
  function calls(tid) {
    var c = perTid[tid];
    if (!c) { c = perTid[tid] = []; tids.push(tid); }
    return c;
  }
  function finish(c, rest) {
    var m = durRe.exec(rest);
    c.text = m ? rest.slice(0, rest.length - m[0].length) : rest;
    if (m) {
      c.dur = parseFloat(m[1]) * 1e6;
      if (c.start + c.dur > last) last = c.start + c.dur;
    }
    var flags = 0;
    if (/ = -1 E[A-Z]/.test(c.text)) flags |= 1;
    if (c.text.indexOf("(INJECTED)") >= 0) { flags |= 2; marks.push([c.tid, c.start, "fault", c.text]); }
    c.flags = flags;
    if ((c.name === "execve" || c.name === "execveat") && / = 0$/.test(c.text))
      marks.push([c.tid, c.start + (c.dur || 0), "exec", c.text]);
  }
  var lines = text.split("\n");
  for (var i = 0; i < lines.length; i++) {
    var m = lineRe.exec(lines[i]);
    if (!m) continue;
    var tid = m[1], frac = m[3], ns = parseInt(frac, 10) * Math.pow(10, 9 - frac.length), sec = parseInt(m[2], 10);
    if (base === null) { base = sec; baseNs = ns; }
    var t = (sec - base) * 1e6 + (ns - baseNs) / 1e3, rest = m[4];
    if (t > last) last = t;
    var list = calls(tid), cm = callRe.exec(rest);
    if (cm) {
      var c = { tid: tid, start: t, name: cm[1], dur: null, flags: 0 };
      list.push(c);
      if (rest.endsWith(" <unfinished ...>")) {
        c.text = rest.slice(0, -17);
        pending[tid] = c;
      } else {
        finish(c, rest);
      }
      continue;
    }
    var rm = resumedRe.exec(rest), p = pending[tid];
    if (rm && p) {
      pending[tid] = null;
      finish(p, p.text + rm[2]);
    } else if (rest.slice(0, 4) === "--- ") {
      marks.push([tid, t, "signal", rest]);
    } else if (rest.slice(0, 4) === "+++ ") {
      marks.push([tid, t, "exit", rest]);
      threadEnd[tid] = t;
    }
  }
  // Calls with no time: exit and exit_group end with their thread; a call
  // still in flight when the run ended, at the last time seen.
  tids.forEach(function (tid) {
    perTid[tid].forEach(function (c) {
      if (c.dur !== null) return;
      var end = threadEnd[tid] !== undefined ? threadEnd[tid] : last;
      c.dur = Math.max(0, end - c.start);
      if (pending[tid] === c) { c.flags |= 4; c.text += " <unfinished ...>"; }
    });
  });

  // Lanes in process-tree order.
  var procs = {}, plist = [];
  function info(tid) { return threads[tid] || {}; }
  tids.forEach(function (tid) {
    var pid = String(info(tid).pid || tid), p = procs[pid];
    if (!p) { p = procs[pid] = { pid: pid, threads: [], kids: [] }; plist.push(p); }
    p.threads.push(tid);
  });
  var roots = [];
  plist.forEach(function (p) {
    var lead = threads[p.pid] || info(p.threads[0]);
    var parent = lead.parent !== undefined ? String(info(lead.parent).pid || lead.parent) : null;
    var pp = parent !== null ? procs[parent] : null;
    if (pp && pp !== p) pp.kids.push(p); else roots.push(p);
    p.threads.sort(function (a, b) {
      if ((a === p.pid) !== (b === p.pid)) return a === p.pid ? -1 : 1;
      return Number(a) - Number(b);
    });
  });
  var lanes = [];
  function byPid(a, b) { return Number(a.pid) - Number(b.pid); }
  function walk(p, depth) {
    var pname = info(p.pid).name || info(p.threads[0]).name || "?";
    p.threads.forEach(function (tid, k) {
      lanes.push({ tid: Number(tid), pid: Number(p.pid), depth: depth, first: k === 0,
        name: (info(tid).name || pname) + " " + tid, proc: pname + " " + p.pid });
    });
    p.kids.sort(byPid).forEach(function (k) { walk(k, depth + 1); });
  }
  roots.sort(byPid).forEach(function (p) { walk(p, 0); });

  var n = 0, laneOf = {};
  lanes.forEach(function (l, k) { laneOf[l.tid] = k; n += perTid[l.tid].length; });
  var L = new Int32Array(n), S = new Float64Array(n), D = new Float64Array(n), C = new Uint8Array(n),
    F = new Uint8Array(n), T = new Array(n), j = 0;
  lanes.forEach(function (l, k) {
    var list = perTid[l.tid];
    list.sort(function (a, b) { return a.start - b.start; });
    list.forEach(function (c) {
      L[j] = k; S[j] = c.start; D[j] = c.dur; F[j] = c.flags; T[j] = c.text;
      var cl = classOf[c.name];
      C[j] = cl === undefined ? other : cl;
      j++;
    });
  });
  marks.forEach(function (m) { m[0] = laneOf[m[0]]; });
  return { lanes: lanes, L: L, S: S, D: D, C: C, F: F, T: T, M: marks, span: last };
}
]==]
