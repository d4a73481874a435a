"""The benchmark's guest section (--backend=guest, issue 14): each workload
against ptrace, native and strace -f, in wall and CPU time, with where
openat-only's time goes on find and the Lua part of a call."""

import os
import shutil
import subprocess

from configs import CONFIGS, GUEST_CONFIGS, GUEST_FIND_CONFIGS, GUEST_RPC_CONFIGS, GUEST_TARGETS, GUEST_THREADS
from report import f_med, f_pct, f_ratio, median, ratio, table


def guest_cpu(bench, k):
    """Median CPU seconds (user + sys, the command and its guests) of a
    command: steadier than wall time on a loaded host."""
    c = bench.cmds.get(k)
    if not c or c["failed"] or not c["runs"]:
        return None
    return median([r["user_s"] + r["sys_s"] for r in c["runs"]])


def guest_entry_line(bench):
    """bench/guest_entry.lua's line: the Lua part of a call in the guest."""
    luajit = shutil.which("luajit")
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "guest_entry.lua")
    if not luajit:
        return "not run (no luajit)"
    try:
        r = subprocess.run([luajit, script, "2000000"], capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return "not run (timed out)"
    return r.stdout.strip() if r.returncode == 0 else "FAILED: " + (r.stderr.strip().splitlines() or ["?"])[-1]


def count_openat(bench):
    """How many openat calls one find run makes (strace -f -c), or None."""
    if not shutil.which("strace"):
        return None
    try:
        r = subprocess.run(["strace", "-f", "-c", "-e", "trace=openat", "-o", "/dev/stdout",
                            "find", bench.a.find_dir, "-type", "f"], capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return None
    for line in r.stdout.splitlines():
        f = line.split()
        if f and f[-1] == "openat" and len(f) >= 5:
            return int(f[3])
    return None


def guest_find_parts(bench, fig):
    """Where guest openat-only's time on find goes: the start (no handler -
    native: loading the library, LuaJIT and the tool, dispatch on every
    call, revel's own start and wait, exit), then each openat's handler
    ((openat-only - no handler) / openat calls); and openat-only against
    strace --seccomp-bpf -e trace=openat."""
    med = lambda c: bench.med(("find", c, None, None))  # noqa: E731
    cpu = lambda c: guest_cpu(bench, ("find", c, None, None))  # noqa: E731
    n = count_openat(bench)
    parts = {"openat_calls": n}
    for kind, get in (("wall", med), ("cpu", cpu)):
        nat, none, only = get("native"), get("guest_no_handler"), get("guest_openat_only")
        parts[kind] = {
            "start_s": None if nat is None or none is None else none - nat,
            "handlers_s": None if none is None or only is None else only - none,
            "us_per_openat": None if none is None or only is None or not n else (only - none) / n * 1e6,
            "openat_only_x_strace_seccomp": ratio(only, get("strace_seccomp")),
            "openat_only_x_ptrace_openat_only": ratio(only, get("openat_only")),
        }
    fig["find_parts"] = parts

    def ms(v):
        return "-" if v is None else f"{v * 1e3:.1f} ms"

    def us(v):
        return "-" if v is None else f"{v:.2f} us"
    rows = [[k, ms(parts[k]["start_s"]), ms(parts[k]["handlers_s"]), us(parts[k]["us_per_openat"]),
             f_ratio(parts[k]["openat_only_x_strace_seccomp"]), f_ratio(parts[k]["openat_only_x_ptrace_openat_only"])]
            for k in ("wall", "cpu")]
    return ["", f"guest openat-only on find, in parts ({'?' if n is None else n} openat calls per run, "
            "strace -f -c): the start is no handler - native, the handlers openat-only - no handler", ""] + \
        table(["time", "start", "openat handlers", "per openat", "x strace --seccomp-bpf openat",
               "x ptrace openat-only"], rows)


def guest_section(bench):
    """--backend=guest against ptrace, native and strace -f: each workload's
    median wall time and its ratio to native and to strace -f; per call on
    the getppid loop ((config - native) / iterations); the g:rpc round trip
    ((rpc per call - empty handler) / iterations), under both backends."""
    out = ["", "## guest: the in-guest backend (--backend=guest) against ptrace", ""]
    cfgs = GUEST_CONFIGS
    out += table(["configuration", "command"], [[CONFIGS[c][0], f"`{CONFIGS[c][1]}`"] for c in cfgs
                                                + GUEST_FIND_CONFIGS
                                                + [c for c in GUEST_RPC_CONFIGS if c not in cfgs]], left=2)
    fig, notes = {"workloads": {}, "targets": []}, []
    n = bench.a.getppid_n
    for wl in ("getppid", "find", f"threads:{GUEST_THREADS}"):
        base = bench.med((wl, "native", None, None))
        st = bench.med((wl, "strace", None, None))
        rows, wf = [], {}
        for c in cfgs + (GUEST_FIND_CONFIGS if wl == "find" else []):
            k = (wl, c, None, None)
            m = bench.med(k)
            if bench.cmds.get(k, {}).get("failed"):
                notes.append(f"- FAILED {CONFIGS[c][0]}, {bench.wlabel(wl)}: {bench.why(k)}")
            us = cus = None
            cpu = guest_cpu(bench, k)
            cbase = guest_cpu(bench, (wl, "native", None, None))
            if wl == "getppid" and m is not None and base is not None and n:
                us = (m - base) / n * 1e6
            if wl == "getppid" and cpu is not None and cbase is not None and n:
                cus = (cpu - cbase) / n * 1e6
            wf[c] = {"median_s": m, "x_native": ratio(m, base), "x_strace": ratio(m, st), "us_per_call": us,
                     "cpu_s": cpu, "cpu_x_native": ratio(cpu, cbase), "cpu_us_per_call": cus,
                     "cpu_x_strace": ratio(cpu, guest_cpu(bench, (wl, "strace", None, None)))}
            rows.append([CONFIGS[c][0], f_med(m), f_ratio(ratio(m, base)), f_ratio(ratio(m, st)),
                         "-" if us is None else f"{us:.2f}", f_pct(bench.spr(k)), f_med(cpu),
                         f_ratio(wf[c]["cpu_x_native"]), f_ratio(wf[c]["cpu_x_strace"]),
                         "-" if cus is None else f"{cus:.2f}"])
        fig["workloads"][wl] = wf
        out += ["", f"### {bench.wlabel(wl)}", ""]
        out += table(["configuration", "median s", "x native", "x strace -f", "us per call (loop)", "spread",
                      "cpu s", "cpu x native", "cpu x strace -f", "cpu us per call (loop)"], rows)
    out += guest_find_parts(bench, fig)
    rpc = {}
    for backend, empty, each in (("ptrace", "noop_handler", "rpc_each"), ("guest", "guest_noop_handler", "guest_rpc_each")):
        m0, m1 = bench.med(("getppid", empty, None, None)), bench.med(("getppid", each, None, None))
        for c in (empty, each):
            k = ("getppid", c, None, None)
            if bench.cmds.get(k, {}).get("failed"):
                notes.append(f"- FAILED {CONFIGS[c][0]}: {bench.why(k)}")
        rpc[backend] = None if m0 is None or m1 is None or not n else (m1 - m0) / n * 1e6
        c0, c1 = guest_cpu(bench, ("getppid", empty, None, None)), guest_cpu(bench, ("getppid", each, None, None))
        rpc[backend + " cpu"] = None if c0 is None or c1 is None or not n else (c1 - c0) / n * 1e6
    fig["rpc_us"] = rpc
    out += ["", "g:rpc round trip per message (getppid loop, rpc per call - empty handler; wall, and CPU "
            "of the command and its guests): "
            + ", ".join(f"{b} {'-' if v is None else f'{v:.2f} us'}" for b, v in rpc.items())]
    fig["lua_entry"] = guest_entry_line(bench)
    out += ["", "the Lua part of one call in the guest (`bench/guest_entry.lua`): " + fig["lua_entry"]]
    out += ["", "targets (issue 14):", ""]
    trows = []
    for desc, wl, c, b, limit in GUEST_TARGETS:
        r = ratio(bench.med((wl, c, None, None)), bench.med((wl, b, None, None)))
        ok = None if r is None else r <= limit
        fig["targets"].append({"target": desc, "ratio": r, "met": ok})
        trows.append([desc, f_ratio(r), "-" if ok is None else ("met" if ok else "NOT met")])
    us = fig["workloads"]["getppid"]["guest_noop_handler"]["us_per_call"]
    ok = None if us is None else us <= 1.0
    fig["targets"].append({"target": "guest getppid loop <= 1 us per intercepted call", "us": us, "met": ok})
    trows.append(["guest getppid loop <= 1 us per intercepted call", "-" if us is None else f"{us:.2f} us",
                  "-" if ok is None else ("met" if ok else "NOT met")])
    cus = fig["workloads"]["getppid"]["guest_noop_handler"]["cpu_us_per_call"]
    ok = None if cus is None else cus <= 1.0
    fig["targets"].append({"target": "guest getppid loop <= 1 us of CPU per intercepted call", "us": cus, "met": ok})
    trows.append(["guest getppid loop <= 1 us of CPU per intercepted call", "-" if cus is None else f"{cus:.2f} us",
                  "-" if ok is None else ("met" if ok else "NOT met")])
    out += table(["target", "measured", ""], trows)
    return out + ([""] + notes if notes else []), fig
