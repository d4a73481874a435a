"""The benchmark's report: statistics over the samples, and one function per
section giving its markdown lines and its figures for the JSON file."""

import os
import platform
import shutil
import tempfile
import statistics
import subprocess

from configs import (CONFIGS, INJECT_PAIRS, INJECT_RULE, MAIN_CONFIGS, PLACE_CONFIGS, PLACEMENTS,
                     RDTSC_PAIRS, TARGETS, THREAD_CONFIGS, TIMER_CONFIGS, TRACER_CONFIGS, TRACER_PLACES, TRACER_THREADS,
                     TIME_CONFIGS, TIME_TARGETS, VDSO_PAIRS, WAIT_CONFIGS, WAIT_HANDLER, WAIT_SPIN_OFF, WAIT_TARGETS,
                     place_config, SCHED_CONFIGS, SCHED_C_CONFIG, SCHED_TOG_CONFIGS, SCHED_THREADS)

# ---- statistics ------------------------------------------------------------------


def median(xs):
    return statistics.median(xs) if xs else None


def spread(xs):
    """(max - min) / median, a noise indicator; None without data."""
    m = median(xs)
    return (max(xs) - min(xs)) / m if xs and m > 0 else None


def ratio(a, b):
    return a / b if a is not None and b is not None and b > 0 else None


def f_ratio(r):
    return "-" if r is None else f"{r:.2f}x"


def f_med(m):
    return "FAILED" if m is None else f"{m:.4f}"


def f_pct(s):
    return "-" if s is None else f"{100 * s:.0f}%"


def table(head, rows, left=1):
    """A markdown table, the first `left` columns left-aligned, the rest right."""
    rows = [[str(c) for c in r] for r in rows]
    w = [max(len(str(h)), *(len(r[i]) for r in rows)) if rows else len(str(h))
         for i, h in enumerate(head)]

    def line(cells):
        return "| " + " | ".join(c.ljust(w[i]) if i < left else c.rjust(w[i])
                                 for i, c in enumerate(cells)) + " |"
    sep = "|" + "|".join(("-" * (w[i] + 2)) if i < left else ("-" * (w[i] + 1) + ":")
                         for i in range(len(head))) + "|"
    return [line([str(h) for h in head]), sep] + [line(r) for r in rows]


def cpu_list(cpus):
    """{0,1,2,5} -> "0-2,5", as taskset prints an affinity list."""
    out, cpus = [], sorted(cpus)
    i = 0
    while i < len(cpus):
        j = i
        while j + 1 < len(cpus) and cpus[j + 1] == cpus[j] + 1:
            j += 1
        out.append(str(cpus[i]) if i == j else f"{cpus[i]}-{cpus[j]}")
        i = j + 1
    return ",".join(out)


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


# ---- report: each section gives markdown lines and its JSON figures ----


def workload(bench, wl):
    nat, st = bench.med((wl, "native", None, None)), bench.med((wl, "strace", None, None))
    rows, fig, notes = [], [], []
    for cfg in MAIN_CONFIGS:
        k = (wl, cfg, None, None)
        m = bench.med(k)
        lab = CONFIGS[cfg][0]
        runs = bench.cmds[k]["runs"] if k in bench.cmds else []
        cpu_u = median([r["user_s"] for r in runs]) if m is not None else None
        cpu_s = median([r["sys_s"] for r in runs]) if m is not None else None
        fig.append({"config": cfg, "median_s": m, "x_native": ratio(m, nat),
                    "x_strace": ratio(m, st), "spread": bench.spr(k)})
        if m is None:
            rows.append([lab, "FAILED", "-", "-", "-", "-", "-"])
            notes.append(f"- FAILED {lab}: {bench.why(k)}")
            continue
        rows.append([lab, f_med(m), f_ratio(ratio(m, nat)), f_ratio(ratio(m, st)),
                     f_pct(bench.spr(k)), f"{cpu_u:.3f}", f"{cpu_s:.3f}"])
    out = ["", f"## {bench.wlabel(wl)}", ""]
    out += table(["config", "median s", "x native", "x strace -f", "spread",
                  "user s", "sys s"], rows)
    if wl == "getppid":
        notes.append(handler_cost(bench, wl))
    return out + ([""] + notes if notes else []), fig


def own_median(bench, k, field="own_cpu_s"):
    runs = bench.cmds[k]["runs"] if k in bench.cmds else []
    owns = [r[field] for r in runs if r.get(field) is not None]
    return median(owns) if owns else None


def handler_cost(bench, wl, spin0=False):
    """What entering Lua costs per call: the empty handler against noop-all,
    the same stops, per getppid call (wall, and the tracer's own CPU time, to
    the ns from /proc/PID/schedstat where it can be read, else in 10 ms steps
    from /proc/PID/stat). spin0: the CPU time from the pair with --spin=0
    (where both are measured), as a polling tracer's CPU time holds its
    polling too. The tracer's CPU time is the steadier figure: the host's
    load moves wall time by more than the difference."""
    ka, kb = (wl, "noop_handler", None, None), (wl, "noop_all", None, None)
    a, b, n = bench.med(ka), bench.med(kb), bench.a.getppid_n
    if a is None or b is None or not n:
        return "- empty handler against noop-all: no data"
    line = f"- empty handler against noop-all: {(a - b) / n * 1e6:+.2f} µs per call (wall)"
    if spin0:
        ka, kb = (wl, "noop_handler_spin0", None, None), (wl, "noop_all_spin0", None, None)
    oa, ob = own_median(bench, ka, "own_sched_s"), own_median(bench, kb, "own_sched_s")
    if oa is None or ob is None:
        oa, ob = own_median(bench, ka), own_median(bench, kb)
    if oa is not None and ob is not None:
        line += f", {(oa - ob) / n * 1e6:+.2f} µs of the tracer's own CPU time" + (
            " (both --spin=0: no polling in it)" if spin0 else "")
    return line + " (the Lua part alone: `bench/lua_entry.lua`)"


def targets(bench):
    rows, fig = [], []
    for desc, wl, cfg, base, limit, sec in TARGETS:
        if sec not in bench.a.sections:
            continue
        ka, kb = (wl, cfg, None, None), (wl, base, None, None)
        a, b = bench.med(ka), bench.med(kb)
        r = ratio(a, b)
        if r is None:
            verdict = "MISS"
            detail = f"no data ({CONFIGS[cfg if a is None else base][0]} FAILED)"
        else:
            verdict = "PASS" if r <= limit else "MISS"
            detail = f"measured {f_ratio(r)}"
        rows.append([verdict, desc, detail])
        fig.append({"target": desc, "workload": wl, "config": cfg, "base": base,
                    "limit": limit, "ratio": r, "verdict": verdict})
    npass = sum(1 for f in fig if f["verdict"] == "PASS")
    out = ["", "## targets", ""] + table(["verdict", "target", "result"], rows, left=3)
    out += ["", f"{npass} PASS, {len(fig) - npass} MISS (a MISS is reported, never fatal: "
            "the machine is noisy)"]
    return out, fig


def paired(bench, k, kb):
    """The median over passes of k's wall time over kb's in the same pass:
    on a host whose load drifts, a steadier ratio than one of medians."""
    a, b = bench.cmds.get(k), bench.cmds.get(kb)
    if not a or not b or a["failed"] or b["failed"]:
        return None
    base = {r["pass"]: r["wall_s"] for r in b["runs"]}
    return median([r["wall_s"] / base[r["pass"]] for r in a["runs"] if base.get(r["pass"])])


def place_row(bench, wl, cfg, st):
    """One row of the placement section: wall, x strace -f (of the medians,
    and paired by pass), CPU (all), the tracer's own CPU; and its figures."""
    k = (wl, cfg, None, None)
    m = bench.med(k)
    pr = paired(bench, k, (wl, "strace", None, None))
    runs = bench.cmds[k]["runs"] if k in bench.cmds else []
    cpu = median([r["user_s"] + r["sys_s"] for r in runs]) if m is not None else None
    owns = [r["own_cpu_s"] for r in runs if r.get("own_cpu_s") is not None]
    own = median(owns) if m is not None and owns else None
    fig = {"workload": wl, "config": cfg, "median_s": m, "x_strace": ratio(m, st), "x_strace_paired": pr,
           "cpu_s": cpu, "tracer_cpu_s": own, "spread": bench.spr(k)}
    if m is None:
        return [CONFIGS[cfg][0], "FAILED", "-", "-", "-", "-", "-"], fig
    return [CONFIGS[cfg][0], f_med(m), f_ratio(ratio(m, st)), f_ratio(pr), f"{cpu:.3f}",
            "-" if own is None else f"{own:.2f}", f_pct(bench.spr(k))], fig


def placement(bench):
    """--placement none / follow / together for strace -f's workloads, wall
    and CPU time in the same passes, with the wait section's targets for each
    placement."""
    loads = bench.place_loads
    out = ["", "## placement: --placement=none, follow (auto, the default), together", "",
           "none: the scheduler places tracer and guest; follow: the tracer moves to the CPU the "
           "stopped thread last ran on (looked at every ms); together: tracer and guest pinned to "
           "one CPU, the guest's view of its affinity emulated. paired x: the median over passes of "
           "the run's wall time over strace -f's in the same pass. cpu s: user + sys of the command "
           "and its guests (wait4); tracer cpu s: revel's or strace's own (10 ms steps).",
           "", "load average (1/5/15 min) at each timed pass of this section: "
           + ("; ".join(loads) if loads else "-")]
    fig = {"loadavg": loads, "workloads": [], "targets": []}
    notes = []
    wls = bench.place_workloads()
    for name, wl in wls.items():
        st = bench.med((wl, "strace", None, None))
        rows = []
        for cfg in PLACE_CONFIGS:
            if name == "sleep" and not cfg.startswith("revel_default"):
                continue
            row, f = place_row(bench, wl, cfg, st)
            rows.append(row)
            fig["workloads"].append(f)
            if f["median_s"] is None:
                notes.append(f"- FAILED {CONFIGS[cfg][0]}, {bench.wlabel(wl)}: {bench.why((wl, cfg, None, None))}")
        out += ["", f"### {bench.wlabel(wl)}", ""]
        out += table(["config", "median s", "x strace -f", "paired x", "cpu s", "tracer cpu s", "spread"],
                     rows)
    rows = []
    for desc, name, cfg, base, limit in WAIT_TARGETS:
        wl = wls[name]
        for p in PLACEMENTS:
            c = place_config(cfg, p)
            k = (wl, c, None, None)
            if base is None:
                runs = bench.cmds[k]["runs"] if k in bench.cmds and bench.med(k) is not None else []
                v = median([r["user_s"] + r["sys_s"] for r in runs])
                shown = None if v is None else f"measured {v:.3f} s"
            else:
                v = ratio(bench.med(k), bench.med((wl, base, None, None)))
                shown = None if v is None else f"measured {f_ratio(v)}"
            verdict = "MISS" if v is None or v > limit else "PASS"
            rows.append([verdict, desc, p, shown or "no data (a configuration FAILED)"])
            fig["targets"].append({"target": desc, "workload": wl, "config": c, "placement": p,
                                   "base": base, "limit": limit, "value": v, "verdict": verdict})
    out += ["", "### targets by placement", ""]
    out += table(["verdict", "target", "placement", "result"], rows, left=4)
    return out + ([""] + notes if notes else []), fig


def threads(bench):
    calls = bench.a.thread_calls
    out = ["", f"## thread scaling: {bench.tguest} N {calls} (N threads x {calls} getppid)", "",
           "revel = revel bench/tools/noop_all.lua -- W; strace = strace -f -o /dev/null W", ""]
    rows, fig, notes = [], [], []
    for n in bench.a.threads:
        wl = f"threads:{n}"
        nat, rv, st = (bench.med((wl, c, None, None)) for c in THREAD_CONFIGS)
        sp = "/".join(f_pct(bench.spr((wl, c, None, None))) for c in THREAD_CONFIGS)
        for c in THREAD_CONFIGS:
            k = (wl, c, None, None)
            if bench.cmds.get(k, {}).get("failed"):
                notes.append(f"- FAILED {CONFIGS[c][0]}, N={n}: {bench.why(k)}")
        per = (rv - nat) * 1e6 / (n * calls) if rv is not None and nat is not None and calls else None
        fig.append({"threads": n, "native_s": nat, "revel_s": rv, "strace_s": st,
                    "revel_over_native": ratio(rv, nat), "revel_over_strace": ratio(rv, st),
                    "revel_us_per_call": per,
                    "spread": {c: bench.spr((wl, c, None, None)) for c in THREAD_CONFIGS}})
        rows.append([n, f_med(nat), f_med(rv), f_med(st), f_ratio(ratio(rv, nat)),
                     f_ratio(ratio(rv, st)), "-" if per is None else f"{per:.2f}", sp])
    out += table(["threads", "native s", "revel s", "strace s", "revel/native", "revel/strace",
                  "revel us/call", "spread n/r/s"], rows)
    out += ["", f"(revel us/call: (revel - native) / (N x {calls}), the tracing cost per "
            "getppid; one tracer serves every thread)"]
    return out + ([""] + notes if notes else []), fig


def inject(bench):
    out = ["", f"## inject overhead: find {bench.a.find_dir} -type f, with a rule that never fires",
           "", f"rule: `--inject={INJECT_RULE}`", ""]
    for c in INJECT_PAIRS:
        for cc in (c, c + "_inject"):
            out.append(f"- {CONFIGS[cc][0]}: `{CONFIGS[cc][1]}`")
    out.append("")
    rows, fig, notes = [], [], []
    for c in INJECT_PAIRS:
        k0, k1 = ("find", c, None, None), ("find", c + "_inject", None, None)
        m0, m1 = bench.med(k0), bench.med(k1)
        for k, cc in ((k0, c), (k1, c + "_inject")):
            if bench.cmds.get(k, {}).get("failed"):
                notes.append(f"- FAILED {CONFIGS[cc][0]}: {bench.why(k)}")
        fig.append({"tool": c, "without_s": m0, "with_s": m1, "with_over_without": ratio(m1, m0),
                    "spread_without": bench.spr(k0), "spread_with": bench.spr(k1)})
        rows.append([CONFIGS[c][0], f_med(m0), f_med(m1), f_ratio(ratio(m1, m0)),
                     f"{f_pct(bench.spr(k0))} / {f_pct(bench.spr(k1))}"])
    out += table(["tool", "without s", "with s", "with/without", "spread w/o / w"], rows)
    return out + ([""] + notes if notes else []), fig


def tracer(bench):
    cpu, n = bench.a.cpu, bench.a.getppid_n
    out = ["", f"## tracer placement: (a) default, (b) REVEL_TRACER_CPU={cpu}, (c) taskset -c {cpu}", "",
           "(a) revel's default (--placement=auto: the tracer follows the guest's CPU);",
           f"(b) revel pins only its tracer thread to CPU {cpu} after forking the guest,",
           f"the guest keeps its affinity; (c) taskset -c {cpu} on the whole command: tracer and guest share",
           f"CPU {cpu}. revel = revel bench/tools/noop_all.lua -- W; strace = strace -f -o /dev/null W"]
    if os.cpu_count() < 2:
        out += ["", "note: only one CPU online, so the three placements should not differ"]
    if bench.place_skip:
        out += ["", f"note: {bench.place_skip}; revel ignores a failed pin, so (b) may be unpinned"]
    fig = {"workloads": [], "us_per_stop": []}
    notes = []
    for wl in ("getppid", f"threads:{TRACER_THREADS}"):
        rows = []
        for c in TRACER_CONFIGS:
            base = bench.med((wl, c, None, None))
            for p in TRACER_PLACES[c]:
                k = (wl, c) + bench.place(p)
                m = bench.med(k)
                fig["workloads"].append({"workload": wl, "config": c, "placement": p, "median_s": m,
                                         "x_a": ratio(m, base), "spread": bench.spr(k)})
                if m is None:
                    rows.append([CONFIGS[c][0], bench.tplabel(p), "FAILED", "-", "-"])
                    notes.append(f"- FAILED {CONFIGS[c][0]} {bench.tplabel(p)}, {bench.wlabel(wl)}: "
                                 f"{bench.why(k)}")
                    continue
                rows.append([CONFIGS[c][0], bench.tplabel(p), f_med(m), f_ratio(ratio(m, base)),
                             f_pct(bench.spr(k))])
        out += ["", f"### {bench.wlabel(wl)}", ""]
        out += table(["config", "placement", "median s", "x (a)", "spread"], rows, left=2)
    out += ["", f"cost per stop, revel noop-all on the getppid loop: (median - native median) / {n}", ""]
    rows = []
    for p in "abc":
        pcpu, tcpu = bench.place(p)
        rv = bench.med(("getppid", "noop_all", pcpu, tcpu))
        # the guest runs where native ran: free in (a) and (b), on CPU N in (c)
        nat = bench.med(("getppid", "native", pcpu, None))
        per = (rv - nat) * 1e6 / n if rv is not None and nat is not None and n else None
        fig["us_per_stop"].append({"placement": p, "us_per_stop": per})
        rows.append([bench.tplabel(p), "-" if per is None else f"{per:.2f}",
                     "unpinned" if pcpu is None else f"taskset -c {pcpu}"])
    out += table(["placement", "us/stop", "native"], rows, left=1)
    return out + ([""] + notes if notes else []), fig


def wait(bench):
    """The tracer's wait: polling before blocking (--spin, the default) against
    always blocking (--spin=0) and strace -f, wall and CPU time in one run."""
    out = ["", "## the tracer's wait: polling (--spin=auto, the default) vs blocking (--spin=0)", "",
           "cpu s: user + sys of the command and of every process it waited for (wait4); "
           "tracer cpu s: revel's or strace's own (its zombie's /proc/PID/stat, 10 ms steps); "
           "on/off: wall time with polling over the same without", "",
           "load average (1/5/15 min) at each timed pass of this section: "
           + ("; ".join(bench.wait_loads) if bench.wait_loads else "-")]
    fig = {"workloads": [], "targets": [], "loadavg": bench.wait_loads}
    notes = []
    wls = bench.wait_workloads()
    for name, wl in wls.items():
        st = bench.med((wl, "strace", None, None))
        rows = []
        for cfg in WAIT_CONFIGS + (WAIT_HANDLER if name == "getppid" else []):
            if name == "sleep" and not cfg.startswith("revel"):
                continue
            k = (wl, cfg, None, None)
            m = bench.med(k)
            runs = bench.cmds[k]["runs"] if k in bench.cmds else []
            cpu = median([r["user_s"] + r["sys_s"] for r in runs]) if m is not None else None
            owns = [r["own_cpu_s"] for r in runs if r.get("own_cpu_s") is not None]
            own = median(owns) if m is not None and owns else None
            off = WAIT_SPIN_OFF.get(cfg)
            onoff = ratio(m, bench.med((wl, off, None, None))) if off else None
            fig["workloads"].append({"workload": wl, "config": cfg, "median_s": m, "x_strace": ratio(m, st),
                                     "cpu_s": cpu, "tracer_cpu_s": own, "on_over_off": onoff,
                                     "spread": bench.spr(k)})
            if m is None:
                rows.append([CONFIGS[cfg][0], "FAILED", "-", "-", "-", "-", "-"])
                notes.append(f"- FAILED {CONFIGS[cfg][0]}, {bench.wlabel(wl)}: {bench.why(k)}")
                continue
            rows.append([CONFIGS[cfg][0], f_med(m), f_ratio(ratio(m, st)), f"{cpu:.3f}",
                         "-" if own is None else f"{own:.2f}", f_ratio(onoff), f_pct(bench.spr(k))])
        out += ["", f"### {bench.wlabel(wl)}", ""]
        out += table(["config", "median s", "x strace -f", "cpu s", "tracer cpu s", "on/off", "spread"], rows)
        if name == "getppid":
            cost = handler_cost(bench, wl, spin0=True)
            out += ["", cost]
            fig["empty_handler"] = cost
    rows = []
    for desc, name, cfg, base, limit in WAIT_TARGETS:
        wl = wls[name]
        k = (wl, cfg, None, None)
        if base is None:
            runs = bench.cmds[k]["runs"] if k in bench.cmds and bench.med(k) is not None else []
            v = median([r["user_s"] + r["sys_s"] for r in runs])
            shown = None if v is None else f"measured {v:.3f} s"
        else:
            v = ratio(bench.med(k), bench.med((wl, base, None, None)))
            shown = None if v is None else f"measured {f_ratio(v)}"
        verdict = "MISS" if v is None or v > limit else "PASS"
        rows.append([verdict, desc, shown or "no data (a configuration FAILED)"])
        fig["targets"].append({"target": desc, "workload": wl, "config": cfg, "base": base,
                               "limit": limit, "value": v, "verdict": verdict})
    out += ["", "### targets of the wait section", ""] + table(["verdict", "target", "result"], rows, left=3)
    return out + ([""] + notes if notes else []), fig


def time_section(bench):
    """-tt -T: the default tool against strace with the same options, wall
    time per workload (the ratio of medians, and paired by pass), CPU time,
    with the load average at each timed pass."""
    loads = bench.time_loads
    out = ["", "## time: -tt -T, the default tool against strace", ""]
    for c in TIME_CONFIGS:
        out.append(f"- {CONFIGS[c][0]}: `{CONFIGS[c][1]}`")
    out += ["", "paired x: the median over passes of revel's wall time over strace's in the same pass "
            "(steadier while the host's load drifts); cpu s: user + sys of the command and its guests "
            "(wait4).", "", "load average (1/5/15 min) at each timed pass of this section: "
            + ("; ".join(loads) if loads else "-"), ""]
    rows, fig, notes = [], {"loadavg": loads, "workloads": [], "targets": []}, []

    def cpu(k):
        c = bench.cmds.get(k)
        if not c or c["failed"] or not c["runs"]:
            return None
        return median([r["user_s"] + r["sys_s"] for r in c["runs"]])
    for wl in ("getppid", "find"):
        k0, k1 = (wl, "strace_time", None, None), (wl, "revel_default_time", None, None)
        m0, m1 = bench.med(k0), bench.med(k1)
        pr, c0, c1 = paired(bench, k1, k0), cpu(k0), cpu(k1)
        for k, c in ((k0, "strace_time"), (k1, "revel_default_time")):
            if bench.cmds.get(k, {}).get("failed"):
                notes.append(f"- FAILED {CONFIGS[c][0]}, {bench.wlabel(wl)}: {bench.why(k)}")
        fig["workloads"].append({"workload": wl, "strace_s": m0, "revel_s": m1, "x_strace": ratio(m1, m0),
                                 "x_strace_paired": pr, "strace_cpu_s": c0, "revel_cpu_s": c1,
                                 "spread_strace": bench.spr(k0), "spread_revel": bench.spr(k1)})
        rows.append([bench.wlabel(wl), f_med(m0), f_med(m1), f_ratio(ratio(m1, m0)), f_ratio(pr),
                     "-" if c0 is None else f"{c0:.3f}", "-" if c1 is None else f"{c1:.3f}",
                     f"{f_pct(bench.spr(k0))} / {f_pct(bench.spr(k1))}"])
    out += table(["workload", "strace s", "revel s", "x strace", "paired x", "strace cpu s", "revel cpu s",
                  "spread s / r"], rows)
    trows = []
    for desc, wl, limit in TIME_TARGETS:
        v = paired(bench, (wl, "revel_default_time", None, None), (wl, "strace_time", None, None))
        ok = None if v is None else v <= limit
        fig["targets"].append({"target": desc, "measured_paired": v, "limit": limit, "met": ok})
        trows.append([desc, f_ratio(v), "-" if ok is None else ("met" if ok else "MISSED")])
    out += ["", "### targets (paired x)", ""] + table(["target", "measured", ""], trows)
    return out + ([""] + notes if notes else []), fig


def rdtsc_section(bench):
    """The cost of one trapped rdtsc (a SIGSEGV stop, the instruction decoded,
    tool.rdtsc's answer written into the registers) against one trapped
    getppid (a seccomp stop, tool.on.getppid's answer): (revel - native)
    wall time over the loop's iterations."""
    out = ["", "## rdtsc: a trapped instruction against a trapped syscall", ""]
    for wl, base, c in RDTSC_PAIRS:
        out.append(f"- {bench.wlabel(wl)}: {CONFIGS[c][0]}: `{CONFIGS[c][1]}`")
    out += ["", "us per call: (revel's median wall time - native's) / iterations.", ""]
    rows, fig, notes = [], {"workloads": []}, []
    per = {}
    for wl, base, c in RDTSC_PAIRS:
        n = bench.a.rdtsc_n if wl == "rdtsc" else bench.a.getppid_n
        k0, k1 = (wl, base, None, None), (wl, c, None, None)
        m0, m1 = bench.med(k0), bench.med(k1)
        for k, cc in ((k0, base), (k1, c)):
            if bench.cmds.get(k, {}).get("failed"):
                notes.append(f"- FAILED {CONFIGS[cc][0]}, {bench.wlabel(wl)}: {bench.why(k)}")
        us = None if m0 is None or m1 is None or n == 0 else (m1 - m0) / n * 1e6
        per[wl] = us
        fig["workloads"].append({"workload": wl, "iterations": n, "native_s": m0, "revel_s": m1,
                                 "us_per_call": us, "spread_native": bench.spr(k0),
                                 "spread_revel": bench.spr(k1)})
        rows.append([bench.wlabel(wl), f_med(m0), f_med(m1), "-" if us is None else f"{us:.2f}",
                     f"{f_pct(bench.spr(k0))} / {f_pct(bench.spr(k1))}"])
    out += table(["workload", "native s", "revel s", "us per call", "spread n / r"], rows)
    r = ratio(per.get("rdtsc"), per.get("getppid"))
    fig["rdtsc_over_getppid"] = r
    out += ["", f"trapped rdtsc / trapped getppid, per call: {f_ratio(r)}"]
    return out + ([""] + notes if notes else []), fig


def vdso_section(bench):
    """A clock_gettime loop: natively the vDSO answers in user space; under
    examples/timewarp.lua revel makes each call a syscall (scripts/revel/_vdso.lua)
    that the tool runs (g:inject) and moves. Wall time per call of each, and
    their ratio."""
    out = ["", "## vdso: clock_gettime made a syscall for a tool", ""]
    for wl, base, c in VDSO_PAIRS:
        out.append(f"- {bench.wlabel(wl)}: {CONFIGS[c][0]}: `{CONFIGS[c][1]}`")
    out += ["", "us per call: median wall time / iterations (process start included).", ""]
    rows, fig, notes = [], {"workloads": []}, []
    n = bench.a.rdtsc_n
    for wl, base, c in VDSO_PAIRS:
        k0, k1 = (wl, base, None, None), (wl, c, None, None)
        m0, m1 = bench.med(k0), bench.med(k1)
        for k, cc in ((k0, base), (k1, c)):
            if bench.cmds.get(k, {}).get("failed"):
                notes.append(f"- FAILED {CONFIGS[cc][0]}, {bench.wlabel(wl)}: {bench.why(k)}")
        u0 = None if m0 is None or n == 0 else m0 / n * 1e6
        u1 = None if m1 is None or n == 0 else m1 / n * 1e6
        r = ratio(u1, u0)
        fig["workloads"].append({"workload": wl, "iterations": n, "native_s": m0, "revel_s": m1,
                                 "us_per_call_native": u0, "us_per_call_revel": u1, "ratio": r,
                                 "spread_native": bench.spr(k0), "spread_revel": bench.spr(k1)})
        rows.append([bench.wlabel(wl), f_med(m0), f_med(m1), "-" if u0 is None else f"{u0:.3f}",
                     "-" if u1 is None else f"{u1:.2f}", f_ratio(r)])
    out += table(["workload", "native s", "revel s", "native us/call", "revel us/call", "revel / native"], rows)
    return out + ([""] + notes if notes else []), fig


def timer_section(bench):
    """A CPU loop with no syscall, natively, under a tool that stops it at
    nothing, and under one that re-arms g:set_timer{ ns = 1 } in every
    tool.timer: the timer then fires at each scheduler tick of the loop's CPU
    time (4 ms at HZ=250), each firing a signal stop, the hook and one
    injected timer_settime. Wall time and ratios."""
    out = ["", "## timer: a CPU loop interrupted by g:set_timer at every tick", ""]
    for c in TIMER_CONFIGS:
        out.append(f"- {CONFIGS[c][0]}: `{CONFIGS[c][1]}`")
    out += ["", f"workload: {bench.wlabel('spin')}", ""]
    rows, fig, notes = [], {"configs": {}}, []
    base = bench.med(("spin", "native", None, None))
    for c in TIMER_CONFIGS:
        k = ("spin", c, None, None)
        if bench.cmds.get(k, {}).get("failed"):
            notes.append(f"- FAILED {CONFIGS[c][0]}: {bench.why(k)}")
        m = bench.med(k)
        r = ratio(m, base)
        fig["configs"][c] = {"median_s": m, "over_native": r, "spread": bench.spr(k)}
        rows.append([CONFIGS[c][0], f_med(m), f_ratio(r), f_pct(bench.spr(k))])
    out += table(["config", "median s", "over native", "spread"], rows)
    return out + ([""] + notes if notes else []), fig


def sched_section(bench):
    """--sched=random against plain revel (the default tool into /dev/null)
    and native, per workload: wall time and both ratios; with --sched-c, a
    revel whose strategies are C's too, and Lua / C."""
    with_c = bool(bench.a.sched_c)
    cfgs = SCHED_CONFIGS + ([SCHED_C_CONFIG] + SCHED_TOG_CONFIGS if with_c else [])
    out = ["", "## sched: one thread at a time (--sched=random)", ""]
    for c in cfgs:
        out.append(f"- {CONFIGS[c][0]}: `{CONFIGS[c][1]}`" + (f" ({bench.a.sched_c})" if "$BENCH_SCHED_C" in CONFIGS[c][1] else ""))
    if not with_c:
        out.append("- (no `--sched-c`: the C strategies are not timed; Lua / C is left out)")
    out.append("")
    rows, fig, notes = [], {"workloads": {}}, []
    for wl in ("make", f"threads:{SCHED_THREADS}", "python"):
        m = {c: bench.med((wl, c, None, None)) for c in cfgs}
        for c in cfgs:
            k = (wl, c, None, None)
            if bench.cmds.get(k, {}).get("failed"):
                notes.append(f"- FAILED {CONFIGS[c][0]}, {bench.wlabel(wl)}: {bench.why(k)}")
        over_native = ratio(m["revel_sched"], m["native"])
        over_revel = ratio(m["revel_sched"], m["revel_default"])
        fig["workloads"][wl] = {"median_s": m, "sched_over_native": over_native, "sched_over_revel": over_revel,
                                "spread": {c: bench.spr((wl, c, None, None)) for c in cfgs}}
        row = [bench.wlabel(wl), f_med(m["native"]), f_med(m["revel_default"]), f_med(m["revel_sched"]),
               f_ratio(over_native), f_ratio(over_revel)]
        if with_c:
            lua_c = ratio(m["revel_sched"], m[SCHED_C_CONFIG])
            lua_c_tog = ratio(m["revel_sched_tog"], m["revel_sched_c_tog"])
            fig["workloads"][wl]["lua_over_c"] = lua_c
            fig["workloads"][wl]["lua_over_c_together"] = lua_c_tog
            row[4:4] = [f_med(m[SCHED_C_CONFIG])]
            row += [f_ratio(lua_c), f_med(m["revel_sched_tog"]), f_med(m["revel_sched_c_tog"]), f_ratio(lua_c_tog)]
        rows.append(row)
    head = ["workload", "native s", "revel s", "--sched s", "sched / native", "sched / revel"]
    shares = {wl: lua_share(bench, wl) for wl in ("make", f"threads:{SCHED_THREADS}", "python")}
    fig["lua_share_of_tracer"] = shares
    out += ["--sched's Lua as a part of the tracer's CPU (perf cpu-clock samples of revel's own threads",
            "in LuaJIT, its JIT code and runtime, less those of plain revel on the same workload, over",
            "all of revel's samples under --sched=random): the strategies are Lua, so against",
            "strategies in C (which cost at least nothing) they cost at most this.",
            ""]
    out += [f"- {bench.wlabel(wl)}: {v if isinstance(v, str) else f'{100 * v:.1f}%'}" for wl, v in shares.items()]
    out.append("")
    if with_c:
        head[4:4] = ["C strategies s"]
        head += ["Lua / C", "together s", "C together s", "Lua / C together"]
    out += table(head, rows)
    return out + ([""] + notes if notes else []), fig


def lua_samples(bench, wl, cfg):
    """(samples in LuaJIT, all samples) of revel's own threads, from perf
    record -e cpu-clock of cfg on wl; or a string that says why not."""
    perf = shutil.which("perf")
    if not perf:
        return "not run (perf not found)"
    try:
        cmd = bench.argv(wl, cfg, None)
    except ValueError as e:
        return f"not run ({e})"
    with tempfile.TemporaryDirectory() as d:
        data = os.path.join(d, "perf.data")
        try:
            r = subprocess.run([perf, "record", "-q", "-e", "cpu-clock", "-F", "4000", "-o", data, "--"] + cmd,
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, timeout=300)
            if r.returncode != 0:
                return "not run (perf record failed: " + (r.stderr.strip().splitlines() or ["?"])[-1] + ")"
            rep = subprocess.run([perf, "report", "-i", data, "-n", "--no-children", "--sort", "comm,dso",
                                  "--stdio", "-g", "none"], capture_output=True, text=True, timeout=300)
        except subprocess.TimeoutExpired:
            return "not run (timed out)"
    revel = lua = 0
    for line in rep.stdout.splitlines():
        f = line.split()  # overhead, samples, command, shared object
        if len(f) < 4 or not f[0].endswith("%") or f[2] != "revel" or not f[1].isdigit():
            continue
        revel += int(f[1])
        if f[3] == "[JIT]" or f[3].startswith("libluajit"):
            lua += int(f[1])
    return (lua, revel) if revel else "not run (no samples of revel)"


def lua_share(bench, wl):
    """What --sched's Lua costs, as a part of the tracer's CPU under
    --sched=random: its LuaJIT samples less those of plain revel with the
    same tool on the same workload, over all of its samples. The built-in
    strategies are Lua, so this bounds what they cost against C (a C
    strategy costs at least nothing), steadier than two timed builds on a
    noisy host."""
    s, p = lua_samples(bench, wl, "revel_sched"), lua_samples(bench, wl, "revel_default")
    for x in (s, p):
        if isinstance(x, str):
            return x
    return max(0, s[0] - p[0]) / s[1]


def header(bench, t_start, load_start, load_end, elapsed):
    a = bench.a
    state = lambda p: "present" if os.access(p, os.X_OK) else "MISSING"  # noqa: E731
    strace = "not installed"
    if shutil.which("strace"):
        strace = subprocess.run(["strace", "-V"], capture_output=True, text=True).stdout.split("\n")[0]
    out = [f"# revel benchmark, {t_start:%Y-%m-%d %H:%M:%S} UTC", "",
           f"- nproc {os.cpu_count()}; load average (1/5/15 min) at start {load_start}, "
           f"at end {load_end}; elapsed {elapsed:.0f}s",
           f"- host: {platform.node()}, kernel {platform.release()}, {os.cpu_count()} CPUs online, "
           f"affinity {cpu_list(os.sched_getaffinity(0))}",
           f"- revel: {bench.revel} ({state(bench.revel)})",
           f"- guests: {bench.guest} ({state(bench.guest)}), {bench.tguest} ({state(bench.tguest)})",
           f"- strace: {strace}",
           f"- sections: {' '.join(a.sections)}",
           f"- method: wall time (perf_counter around posix_spawn + wait4), median of {a.runs} interleaved runs per configuration"
           + (", after one untimed warm-up pass" if a.warmup else "")
           + "; a command shared by several sections is timed once per pass",
           "- user s, sys s: median CPU time of the command and of every process it waited for "
           "(guests included), from wait4",
           "- NOTE: one run on a shared, noisy machine (see the load average); read the ratios, "
           "not the absolute times."]
    if bench.tracer_env_note:
        out.append(f"- NOTE: {bench.tracer_env_note}")
    if "main" in a.sections:
        out += ["", "configurations (W = the workload command):", ""]
        out += table(["configuration", "command"],
                     [[CONFIGS[c][0], f"`{CONFIGS[c][1]}`"] for c in MAIN_CONFIGS], left=2)
    return out


def timeline_section(bench):
    """--timeline over the default tool against the default tool alone, both
    with -o, on find: the ratio of medians and the median of per-pass ratios."""
    cfg, base = "revel_default_timeline", "revel_default"
    out = ["", f"## --timeline: find {bench.a.find_dir} -type f", ""]
    for c in (base, cfg):
        out.append(f"- {CONFIGS[c][0]}: `{CONFIGS[c][1]}`")
    k0, k1 = ("find", base, None, None), ("find", cfg, None, None)
    m0, m1 = bench.med(k0), bench.med(k1)
    pr = paired(bench, k1, k0)
    fig = {"without_s": m0, "with_s": m1, "with_over_without": ratio(m1, m0), "paired_ratio": pr,
           "spread_without": bench.spr(k0), "spread_with": bench.spr(k1)}
    out += [""] + table(["without s", "with s", "with/without", "per-pass ratio", "spread w/o / w"],
                        [[f_med(m0), f_med(m1), f_ratio(ratio(m1, m0)), f_ratio(pr),
                          f"{f_pct(bench.spr(k0))} / {f_pct(bench.spr(k1))}"]])
    notes = [f"- FAILED {CONFIGS[c][0]}: {bench.why(k)}" for k, c in ((k0, base), (k1, cfg))
             if bench.cmds.get(k, {}).get("failed")]
    return out + ([""] + notes if notes else []), fig
