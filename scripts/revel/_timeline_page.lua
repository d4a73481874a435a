-- revel._timeline_page (private): the JavaScript of the --timeline page, as
-- revel._timeline_html puts it in: a Lua string so that it is built into revel.
return [==[
"use strict";
// revel --timeline: the page's code (revel._timeline_html puts it in the
// page). It draws the run on a canvas: lanes of bars, the marks, a summary
// strip; calls narrower than a pixel are drawn as one column per pixel in
// the colour of the class most of them have, so a frame costs the calls in
// view, not more. It says what it drew in #status and #lanes, for a person
// and for the spec that opens it in headless Chromium.
var errors = 0;
var statusEl = document.getElementById("status");
function setStatus(k, v) { statusEl.setAttribute("data-" + k, String(v)); }
window.addEventListener("error", function (e) {
  errors++;
  setStatus("errors", errors);
  setStatus("error", e.message);
  statusEl.textContent = "error: " + e.message;
});
(function () {
  var started = performance.now();
  var meta = JSON.parse(document.getElementById("meta").textContent);
  var D = timelineData(meta, document.getElementById("trace").textContent.replace(/\x01/g, "<"));
  D.classes = meta.classes;
  D.command = meta.command;
  D.ended = meta.ended;
  var COLORS = { file: "#4e79a7", network: "#59a14f", process: "#b07aa1", memory: "#f28e2b",
    signal: "#e15759", wait: "#bab0ac", other: "#9c755f" };
  var MARKS = { signal: "#d62728", fault: "#000000", exec: "#2ca02c", exit: "#444444" };
  var cls = D.classes, ncls = cls.length;
  var ccol = cls.map(function (c) { return COLORS[c] || "#888"; });
  var lanes = D.lanes, nl = lanes.length, n = D.L.length;
  var S = D.S, Dur = D.D, C = D.C, F = D.F, T = D.T, L = D.L;
  var span = D.span > 0 ? D.span : 1;
  var first = new Int32Array(nl + 1), maxDur = new Float64Array(nl);
  for (var i = 0; i < n; i++) {
    first[L[i] + 1]++;
    if (Dur[i] > maxDur[L[i]]) maxDur[L[i]] = Dur[i];
  }
  for (var l = 0; l < nl; l++) first[l + 1] += first[l];
  var marksOf = [];
  for (l = 0; l < nl; l++) marksOf.push([]);
  D.M.forEach(function (m) { if (m[0] !== null && m[0] < nl) marksOf[m[0]].push(m); });

  document.getElementById("cmd").textContent = (D.command || []).join(" ");
  document.getElementById("ended").textContent = D.ended || "";
  document.getElementById("count").textContent = n + (n === 1 ? " call in " : " calls in ") + nl + (nl === 1 ? " thread, " : " threads, ") + fmtDur(span);
  var legend = document.getElementById("legend");
  cls.forEach(function (c, k) {
    var s = document.createElement("span");
    s.className = "key";
    s.style.background = ccol[k];
    legend.appendChild(s);
    legend.appendChild(document.createTextNode(c));
  });
  Object.keys(MARKS).forEach(function (k) {
    legend.appendChild(document.createTextNode("  " + { signal: "\u25bc", fault: "\u2716", exec: "\u25b6", exit: "\u25a0" }[k] + " " + k));
  });

  var GUTTER = 190, AXIS = 22, LANE = 16, SUMH = 56;
  var main = document.getElementById("main"), sum = document.getElementById("sum");
  var ctx = main.getContext("2d"), sctx = sum.getContext("2d");
  var tip = document.getElementById("tip");
  var dpr = window.devicePixelRatio || 1;
  // Per lane at the last draw: the shapes drawn, and the calls they stand
  // for (a bar one, a column those it gathers).
  var W = 800, v0 = 0, v1 = span, drawnBy = new Int32Array(nl), coveredBy = new Int32Array(nl);

  function fmtDur(us) {
    if (us < 1000) return us.toFixed(3) + " \u00b5s";
    if (us < 1e6) return (us / 1000).toFixed(3) + " ms";
    return (us / 1e6).toFixed(3) + " s";
  }
  function size() {
    W = Math.max(400, document.documentElement.clientWidth || window.innerWidth || 800);
    var H = AXIS + nl * LANE + 4;
    [[main, H], [sum, SUMH]].forEach(function (p) {
      p[0].width = Math.round(W * dpr);
      p[0].height = Math.round(p[1] * dpr);
      p[0].style.width = W + "px";
      p[0].style.height = p[1] + "px";
    });
  }
  // The first index in [a, b) whose start is >= t.
  function lower(a, b, t) {
    while (a < b) {
      var m = (a + b) >> 1;
      if (S[m] < t) a = m + 1; else b = m;
    }
    return a;
  }
  // The first index in [a, b) whose start is > t.
  function upper(a, b, t) {
    while (a < b) {
      var m = (a + b) >> 1;
      if (S[m] <= t) a = m + 1; else b = m;
    }
    return a;
  }
  function niceStep(range, px) {
    var raw = range / Math.max(1, px / 110), p = Math.pow(10, Math.floor(Math.log10(raw)));
    var r = raw / p;
    return (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * p;
  }

  // Per class, how many calls start in each of the strip's bins.
  var BINS = 400, hist = new Float64Array(BINS * ncls), histMax = 1;
  for (i = 0; i < n; i++) {
    var bi = Math.min(BINS - 1, Math.floor(S[i] / span * BINS));
    hist[bi * ncls + C[i]]++;
  }
  for (var b = 0; b < BINS; b++) {
    var tot = 0;
    for (var k = 0; k < ncls; k++) tot += hist[b * ncls + k];
    if (tot > histMax) histMax = tot;
  }

  function drawSummary() {
    sctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    sctx.clearRect(0, 0, W, SUMH);
    var pw = W - GUTTER, bw = pw / BINS;
    sctx.fillStyle = "#f4f4f4";
    sctx.fillRect(GUTTER, 0, pw, SUMH);
    for (var b = 0; b < BINS; b++) {
      var y = SUMH;
      for (var k = 0; k < ncls; k++) {
        var c = hist[b * ncls + k];
        if (!c) continue;
        var h = c / histMax * (SUMH - 6);
        sctx.fillStyle = ccol[k];
        sctx.fillRect(GUTTER + b * bw, y - h, Math.max(1, bw), h);
        y -= h;
      }
    }
    var x0 = GUTTER + v0 / span * pw, x1 = GUTTER + v1 / span * pw;
    sctx.fillStyle = "rgba(30,60,200,0.12)";
    sctx.fillRect(x0, 0, Math.max(2, x1 - x0), SUMH);
    sctx.strokeStyle = "rgba(30,60,200,0.7)";
    sctx.strokeRect(x0 + 0.5, 0.5, Math.max(2, x1 - x0) - 1, SUMH - 1);
    sctx.fillStyle = "#333";
    sctx.font = "11px sans-serif";
    sctx.fillText("calls per class", 6, 16);
    sctx.fillText("over the whole run", 6, 30);
    sctx.fillText("(peak " + histMax + " / bin)", 6, 44);
  }

  function drawMark(m, x, y) {
    ctx.fillStyle = MARKS[m[2]] || "#000";
    ctx.strokeStyle = ctx.fillStyle;
    if (m[2] === "signal") {
      ctx.beginPath(); ctx.moveTo(x - 4, y); ctx.lineTo(x + 4, y); ctx.lineTo(x, y + 6); ctx.fill();
    } else if (m[2] === "fault") {
      ctx.lineWidth = 2;
      ctx.beginPath(); ctx.moveTo(x - 4, y + 2); ctx.lineTo(x + 4, y + 10); ctx.moveTo(x + 4, y + 2); ctx.lineTo(x - 4, y + 10); ctx.stroke();
      ctx.lineWidth = 1;
    } else if (m[2] === "exec") {
      ctx.fillRect(x - 1, y, 2, LANE - 2);
      ctx.beginPath(); ctx.moveTo(x + 1, y); ctx.lineTo(x + 7, y + 3); ctx.lineTo(x + 1, y + 6); ctx.fill();
    } else {
      ctx.fillRect(x - 2, y + 1, 5, LANE - 4);
    }
  }

  function draw() {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    var H = AXIS + nl * LANE + 4, pw = W - GUTTER, scale = pw / (v1 - v0);
    ctx.clearRect(0, 0, W, H);
    for (var l = 0; l < nl; l++) {
      var y = AXIS + l * LANE;
      if (l % 2) { ctx.fillStyle = "#fafafa"; ctx.fillRect(GUTTER, y, pw, LANE); }
    }
    // The axis: times from the start of the run.
    var step = niceStep(v1 - v0, pw);
    ctx.fillStyle = "#555"; ctx.font = "10px sans-serif"; ctx.strokeStyle = "#e6e6e6";
    for (var t = Math.ceil(v0 / step) * step; t <= v1; t += step) {
      var x = GUTTER + (t - v0) * scale;
      ctx.beginPath(); ctx.moveTo(x + 0.5, AXIS - 4); ctx.lineTo(x + 0.5, H); ctx.stroke();
      ctx.fillText(fmtDur(t), x + 2, 12);
    }
    var acc = new Float64Array(ncls), cnt = 0, px = -1, yy = 0, drawnLane = 0, covered = 0;
    function flush() {
      if (!cnt) return;
      var best = 0;
      for (var k = 1; k < ncls; k++) if (acc[k] > acc[best]) best = k;
      ctx.fillStyle = ccol[best];
      ctx.fillRect(GUTTER + px, yy + 2, 1, LANE - 4);
      drawnLane++;
      covered += cnt;
      acc.fill(0);
      cnt = 0;
    }
    for (l = 0; l < nl; l++) {
      yy = AXIS + l * LANE;
      drawnLane = covered = 0;
      var a = first[l], bnd = first[l + 1];
      var lo = lower(a, bnd, v0 - maxDur[l]), hi = upper(a, bnd, v1);
      px = -1;
      for (var i = lo; i < hi; i++) {
        var s = S[i], e = s + Dur[i];
        if (e < v0) continue;
        var x0 = (s - v0) * scale, x1 = (e - v0) * scale;
        if (x1 - x0 >= 1.5) {
          flush();
          var cx0 = Math.max(x0, 0), cx1 = Math.min(x1, pw);
          ctx.fillStyle = ccol[C[i]];
          ctx.fillRect(GUTTER + cx0, yy + 2, cx1 - cx0, LANE - 4);
          if (F[i] & 1) { ctx.fillStyle = "#c00"; ctx.fillRect(GUTTER + cx0, yy + LANE - 3, cx1 - cx0, 2); }
          drawnLane++;
          covered++;
        } else {
          var p = Math.floor(x0);
          if (p !== px) { flush(); px = p; }
          acc[C[i]]++;
          cnt++;
        }
      }
      flush();
      drawnBy[l] = drawnLane;
      coveredBy[l] = covered;
      marksOf[l].forEach(function (m) {
        if (m[1] < v0 || m[1] > v1) return;
        drawMark(m, GUTTER + (m[1] - v0) * scale, yy + 1);
      });
    }
    // The gutter: lane names, a rule between processes.
    ctx.clearRect(0, 0, GUTTER, H);
    ctx.fillStyle = "#333"; ctx.font = "11px sans-serif";
    ctx.fillText("thread", 6, 14);
    for (l = 0; l < nl; l++) {
      var ln = lanes[l], y2 = AXIS + l * LANE;
      if (ln.first) {
        ctx.fillStyle = "#999";
        ctx.fillRect(0, y2, W, 1);
      }
      ctx.fillStyle = ln.first ? "#000" : "#555";
      ctx.font = (ln.first ? "bold " : "") + "11px sans-serif";
      ctx.fillText(ln.name.slice(0, 28), 4 + Math.min(ln.depth, 6) * 8, y2 + 12);
    }
    drawSummary();
  }

  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; draw(); });
  }
  function clampView() {
    var w = Math.max(0.01, Math.min(v1 - v0, span * 1.1));
    if (v0 < -span * 0.05) v0 = -span * 0.05;
    if (v0 + w > span * 1.05) v0 = span * 1.05 - w;
    v1 = v0 + w;
  }
  function zoom(f, at) {
    v0 = at - (at - v0) * f;
    v1 = at + (v1 - at) * f;
    clampView();
    schedule();
  }
  function pan(dt) { v0 += dt; v1 += dt; clampView(); schedule(); }
  function timeAt(clientX) {
    var r = main.getBoundingClientRect();
    return v0 + (clientX - r.left - GUTTER) / (W - GUTTER) * (v1 - v0);
  }

  // The call (or mark) under the pointer: the nearest within 3 pixels.
  function hit(clientX, clientY) {
    var r = main.getBoundingClientRect();
    var l = Math.floor((clientY - r.top - AXIS) / LANE);
    if (l < 0 || l >= nl || clientX - r.left < GUTTER) return null;
    var t = timeAt(clientX), tol = 3 * (v1 - v0) / (W - GUTTER);
    var best = -1, bestd = Infinity, a = first[l];
    var i = lower(a, first[l + 1], t + tol) - 1;
    for (var steps = 0; i >= a && steps < 20000; i--, steps++) {
      if (S[i] + maxDur[l] < t - tol) break;
      var e = S[i] + Dur[i], d = t < S[i] ? S[i] - t : t > e ? t - e : 0;
      if (d <= tol && d < bestd) { best = i; bestd = d; if (d === 0) break; }
    }
    var mark = null;
    marksOf[l].forEach(function (m) {
      var d = Math.abs(m[1] - t);
      if (d <= tol && (!mark || d < Math.abs(mark[1] - t))) mark = m;
    });
    if (best < 0 && !mark) return null;
    var lines = [];
    if (mark) lines.push(mark[2] + " at " + fmtDur(mark[1]) + ": " + mark[3]);
    if (best >= 0) {
      lines.push(T[best]);
      lines.push(fmtDur(Dur[best]) + " \u00b7 " + cls[C[best]] + " \u00b7 at " + fmtDur(S[best]) +
        " \u00b7 " + lanes[l].name + " (process " + lanes[l].proc + ")");
    }
    return lines.join("\n");
  }

  var drag = null;
  main.addEventListener("mousedown", function (e) { drag = { x: e.clientX, v0: v0, v1: v1 }; main.focus(); });
  window.addEventListener("mouseup", function () { drag = null; });
  main.addEventListener("mousemove", function (e) {
    if (drag) {
      var dt = (e.clientX - drag.x) / (W - GUTTER) * (drag.v1 - drag.v0);
      v0 = drag.v0 - dt; v1 = drag.v1 - dt;
      clampView(); schedule();
      tip.style.display = "none";
      return;
    }
    var text = hit(e.clientX, e.clientY);
    if (!text) { tip.style.display = "none"; return; }
    tip.textContent = text;
    tip.style.display = "block";
    tip.style.left = Math.min(e.clientX + 14, W - 420) + "px";
    tip.style.top = (e.clientY + 14) + "px";
  });
  main.addEventListener("mouseleave", function () { tip.style.display = "none"; });
  main.addEventListener("wheel", function (e) {
    e.preventDefault();
    if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      pan((e.deltaX || e.deltaY) / (W - GUTTER) * (v1 - v0));
    } else {
      zoom(Math.exp(e.deltaY * 0.002), timeAt(e.clientX));
    }
  }, { passive: false });
  sum.addEventListener("mousedown", function (e) {
    var r = sum.getBoundingClientRect();
    var t = (e.clientX - r.left - GUTTER) / (W - GUTTER) * span, w = v1 - v0;
    v0 = t - w / 2; v1 = t + w / 2;
    clampView(); schedule();
  });
  window.addEventListener("keydown", function (e) {
    var mid = (v0 + v1) / 2, w = v1 - v0;
    if (e.key === "+" || e.key === "=" || e.key === "w") zoom(0.5, mid);
    else if (e.key === "-" || e.key === "_" || e.key === "s") zoom(2, mid);
    else if (e.key === "ArrowLeft" || e.key === "a") pan(-w * 0.2);
    else if (e.key === "ArrowRight" || e.key === "d") pan(w * 0.2);
    else if (e.key === "0" || e.key === "Home") { v0 = 0; v1 = span; schedule(); }
    else return;
    e.preventDefault();
  });
  window.addEventListener("resize", function () { size(); draw(); });

  size();
  draw();
  var laneList = document.getElementById("lanes");
  for (l = 0; l < nl; l++) {
    var li = document.createElement("li");
    li.setAttribute("data-tid", lanes[l].tid);
    li.setAttribute("data-pid", lanes[l].pid);
    li.setAttribute("data-calls", first[l + 1] - first[l]);
    li.setAttribute("data-drawn", drawnBy[l]);
    li.setAttribute("data-covered", coveredBy[l]);
    li.setAttribute("data-marks", marksOf[l].map(function (m) { return m[2]; }).join(","));
    li.textContent = lanes[l].name;
    laneList.appendChild(li);
  }
  // #selftest: hover over each lane's first call, zoom and pan with the
  // wheel and the keys, as a person would; what the tooltip said is kept.
  if (location.hash === "#selftest") {
    var r = main.getBoundingClientRect();
    for (l = 0; l < nl; l++) {
      if (first[l + 1] === first[l]) continue;
      var j = first[l];
      v0 = S[j] - 1; v1 = S[j] + Dur[j] + 1;
      draw();
      var x = r.left + GUTTER + (S[j] + Dur[j] / 2 - v0) / (v1 - v0) * (W - GUTTER);
      main.dispatchEvent(new MouseEvent("mousemove", { clientX: x, clientY: r.top + AXIS + l * LANE + LANE / 2, bubbles: true }));
      laneList.children[l].setAttribute("data-hover", tip.style.display === "block" ? tip.textContent : "");
    }
    tip.style.display = "none";
    v0 = 0; v1 = span;
    draw();
    var w0 = v1 - v0;
    main.dispatchEvent(new WheelEvent("wheel", { deltaY: -300, clientX: r.left + GUTTER + 50, clientY: r.top + AXIS + 2, bubbles: true, cancelable: true }));
    var zoomed = v1 - v0 < w0;
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "0" }));
    setStatus("zoomed", zoomed && v0 === 0 && v1 === span ? 1 : 0);
    draw();
  }
  setStatus("calls", n);
  setStatus("lanes", nl);
  setStatus("marks", D.M.length);
  setStatus("ms", Math.round(performance.now() - started)); // reading and drawing the trace
  setStatus("page-ms", Math.round(performance.now())); // since the page was asked for
  setStatus("state", errors ? "error" : "ready");
  statusEl.textContent = "drawn in " + Math.round(performance.now() - started) + " ms";
})();
]==]
