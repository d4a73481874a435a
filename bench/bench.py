#!/usr/bin/env python3
"""revel benchmark harness (run by `make bench`).

    python3 bench/bench.py [options] [BUILD_DIR]     BUILD_DIR defaults to build/

Measures the wall time (and CPU time and peak RSS, from os.wait4) of
workloads under several configurations (native, revel with various tools,
strace), interleaved round-robin, and reports medians, ratios and PASS/MISS
against the performance targets as a markdown report on stdout, plus a JSON
file with every run's raw figures and the computed ratios. See
bench/README.md. A MISS or a FAILED configuration never makes the harness
exit non-zero: the numbers come from one run on a noisy machine.

Every option has an environment variable of the same meaning (BENCH_RUNS,
BENCH_SECTIONS, ...); an option given on the command line wins.
"""

import argparse
import datetime
import json
import os
import platform
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import report  # noqa: E402
import report_guest  # noqa: E402
from configs import (ALL_SECTIONS, WAIT_HANDLER, GUEST_CONFIGS, GUEST_FIND_CONFIGS, GUEST_RPC_CONFIGS, GUEST_THREADS, CONFIGS, INJECT_PAIRS, INJECT_RULE, MAIN_CONFIGS, PLACE_CONFIGS,
                     PLACE_THREADS, RDTSC_PAIRS, ROOT, THREAD_CONFIGS, TOOLS, TRACER_CONFIGS, TRACER_PLACES, TRACER_THREADS,
                     TIME_CONFIGS, TIMER_CONFIGS, TIMER_ROUNDS_PER_N, TIMELINE_HTML, VDSO_PAIRS, WAIT_CONFIGS, WAIT_THREADS,
                     SCHED_CONFIGS, SCHED_C_CONFIG, SCHED_TOG_CONFIGS, SCHED_THREADS)
from report import cpu_list, loadavg, median, spread  # noqa: E402


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---- settings ------------------------------------------------------------------

def env_int(name, default):
    v = os.environ.get(name, "")
    return v if v != "" else str(default)


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="bench/bench.py", description=__doc__.split("\n\n")[1].replace("\n", " "),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("build", nargs="?", default="build", help="build directory (default build/)")
    p.add_argument("--runs", default=env_int("BENCH_RUNS", 5),
                   help="timed runs per configuration (BENCH_RUNS, default 5)")
    p.add_argument("--sections", default=os.environ.get("BENCH_SECTIONS") or ",".join(ALL_SECTIONS),
                   help="comma list of sections (BENCH_SECTIONS, default all: %s)" % ",".join(ALL_SECTIONS))
    p.add_argument("--warmup", default=env_int("BENCH_WARMUP", 1),
                   help="1 = one untimed warm-up pass first, 0 = none (BENCH_WARMUP, default 1)")
    p.add_argument("--timeout", default=env_int("BENCH_TIMEOUT", 300),
                   help="seconds before one run is killed, 0 = never (BENCH_TIMEOUT, default 300)")
    p.add_argument("--getppid-n", default=env_int("BENCH_GETPPID_N", 200000),
                   help="iterations of the getppid loop (BENCH_GETPPID_N, default 200000)")
    p.add_argument("--rdtsc-n", default=env_int("BENCH_RDTSC_N", 100000),
                   help="iterations of the rdtsc loop (BENCH_RDTSC_N, default 100000)")
    p.add_argument("--find-dir", default=os.environ.get("BENCH_FIND_DIR") or "/usr/include",
                   help="directory walked by the find workload (BENCH_FIND_DIR, default /usr/include)")
    p.add_argument("--cpu", default=env_int("BENCH_CPU", 0),
                   help="CPU of the pinned runs (BENCH_CPU, default 0)")
    p.add_argument("--threads", default=os.environ.get("BENCH_THREADS") or "1,2,4,8",
                   help="thread counts of the thread-scaling section (BENCH_THREADS, default 1,2,4,8)")
    p.add_argument("--thread-calls", default=env_int("BENCH_THREAD_CALLS", 50000),
                   help="getppid calls per thread (BENCH_THREAD_CALLS, default 50000)")
    p.add_argument("--wait-sleep", default=os.environ.get("BENCH_WAIT_SLEEP") or "2",
                   help="seconds of the sleep workload of the wait section (BENCH_WAIT_SLEEP, default 2)")
    p.add_argument("--sched-c", default=os.environ.get("BENCH_SCHED_C") or None,
                   help="a revel built with --sched's strategies in C (88d6ae3 or before): the sched "
                        "section times it too, for Lua / C (BENCH_SCHED_C, default none)")
    p.add_argument("--json", default=None,
                   help="JSON output file (default BUILD_DIR/bench/results.json; the markdown "
                        "report goes next to it, as .md)")
    p.add_argument("--check", action="store_true",
                   help="self-check: every configuration once on small workloads, no warm-up; "
                        "exit 1 if a run fails or the JSON is not written (no timing asserts)")
    a = p.parse_args(argv)

    def nonneg(name, v):
        if not re.fullmatch(r"[0-9]+", str(v)):
            p.error(f"{name} must be a non-negative integer, got '{v}'")
        return int(v)

    for name in ("runs", "warmup", "timeout", "getppid_n", "rdtsc_n", "cpu", "thread_calls"):
        setattr(a, name, nonneg(name.replace("_", "-"), getattr(a, name)))
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", str(a.wait_sleep)):
        p.error(f"wait-sleep (BENCH_WAIT_SLEEP) must be a number of seconds, got '{a.wait_sleep}'")
    if a.runs < 1:
        p.error("runs (BENCH_RUNS) must be >= 1")
    secs = [s.strip() for s in a.sections.split(",") if s.strip()]
    for s in secs:
        if s not in ALL_SECTIONS:
            p.error(f"unknown section '{s}' (known: {' '.join(ALL_SECTIONS)})")
    if not secs:
        p.error(f"no section selected (known: {' '.join(ALL_SECTIONS)})")
    a.sections = [s for s in ALL_SECTIONS if s in secs]
    ns = [n.strip() for n in a.threads.split(",")]
    if not all(re.fullmatch(r"[0-9]+", n) and 1 <= int(n) <= 1024 for n in ns):
        p.error(f"threads (BENCH_THREADS) must be a comma list of 1..1024, got '{a.threads}'")
    a.threads = [int(n) for n in ns]
    if a.check:  # small enough to run in CI in a few seconds
        a.runs, a.warmup, a.timeout = 1, 0, 120
        a.getppid_n, a.thread_calls, a.threads = 2000, 1000, [1, 2]
        a.rdtsc_n = 2000
        a.find_dir = os.path.join(ROOT, "bench")
        a.wait_sleep = "0.2"
        a.sections = list(ALL_SECTIONS)
    a.build = os.path.abspath(a.build)
    # The guest section needs the in-guest library, which a sanitizer build
    # does not make: say so and leave the section out, rather than fail.
    lib = os.environ.get("REVEL_GUEST_LIB") or os.path.join(a.build, "guest", "librevel_guest.so")
    if "guest" in a.sections and not os.path.exists(lib):
        print(f"bench: guest section skipped: no {lib} (a sanitizer build has none)", file=sys.stderr)
        a.sections = [s for s in a.sections if s != "guest"]
    if a.json is None:
        a.json = os.path.join(a.build, "bench", "results.json")
    return a


# ---- processes -------------------------------------------------------------------

def descendants(pid):
    """Every process below pid (from /proc), depth first."""
    out = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for t in tasks:
        try:
            with open(f"/proc/{pid}/task/{t}/children") as f:
                kids = f.read().split()
        except OSError:
            continue
        for k in kids:
            out.append(int(k))
            out.extend(descendants(int(k)))
    return out


def kill_tree(pid):
    """Stop pid so it forks no more, then SIGKILL it and everything below it
    (a killed tracer may otherwise leave its guests running)."""
    try:
        os.kill(pid, signal.SIGSTOP)
    except OSError:
        pass
    for p in [pid] + descendants(pid):
        try:
            os.kill(p, signal.SIGKILL)
        except OSError:
            pass


def run_once(argv, env, errfd, timeout):
    """Spawn argv with stdin and stdout on /dev/null and stderr on errfd,
    reap it with os.wait4. Returns a dict: wall_s, user_s, sys_s, maxrss_kb,
    status (exit status, 128+signal, or 124 on timeout). The timeout is an
    interval timer, so the timed path is spawn + wait4 for every run."""
    actions = [(os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
               (os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0)]
    if errfd is None:
        actions.append((os.POSIX_SPAWN_OPEN, 2, "/dev/null", os.O_WRONLY, 0))
    else:
        actions.append((os.POSIX_SPAWN_DUP2, errfd, 2))
    timed_out = False
    res = None
    if timeout > 0:
        signal.setitimer(signal.ITIMER_REAL, timeout)
    t0 = time.perf_counter_ns()
    try:
        # Python ignores SIGPIPE and SIGXFSZ; the command gets them back as
        # from a shell (subprocess's restore_signals does the same)
        pid = os.posix_spawnp(argv[0], argv, env, file_actions=actions,
                              setsigdef=(signal.SIGPIPE, signal.SIGXFSZ))
    except OSError as e:
        signal.setitimer(signal.ITIMER_REAL, 0)
        return {"wall_s": 0.0, "user_s": 0.0, "sys_s": 0.0, "maxrss_kb": 0, "status": 127,
                "error": f"cannot run {argv[0]}: {e.strerror}"}
    own = own_ns = None
    try:
        try:
            # The exit is known here; the zombie still shows its own CPU
            # time (the tracer's, without the guests it waited for).
            os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
            t1 = time.perf_counter_ns()
            signal.setitimer(signal.ITIMER_REAL, 0)
            own = own_cpu(pid)
            own_ns = own_sched_ns(pid)
            res = os.wait4(pid, 0)
        except Timeout:
            timed_out = True
            t1 = time.perf_counter_ns()
        if res is None:
            kill_tree(pid)
            try:
                res = os.wait4(pid, 0)
            except ChildProcessError:  # reaped just as the timer fired
                res = (pid, 0, None)
    except BaseException:  # ^C: leave no guest behind
        signal.setitimer(signal.ITIMER_REAL, 0)
        kill_tree(pid)
        try:
            os.wait4(pid, 0)
        except ChildProcessError:
            pass
        raise
    _, st, ru = res
    if timed_out:
        status = 124
    elif os.WIFSIGNALED(st):
        status = 128 + os.WTERMSIG(st)
    else:
        status = os.WEXITSTATUS(st)
    return {"wall_s": (t1 - t0) / 1e9,
            "user_s": ru.ru_utime if ru else 0.0, "sys_s": ru.ru_stime if ru else 0.0,
            "maxrss_kb": ru.ru_maxrss if ru else 0, "status": status, "own_cpu_s": own,
            "own_sched_s": own_ns}


def own_cpu(pid):
    """utime + stime of a zombie pid itself (its children not counted), in
    seconds, from /proc/PID/stat (clock ticks: 10 ms steps); None if unread."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def own_sched_ns(pid):
    """The CPU time of a zombie pid's main thread in seconds, to the
    nanosecond (/proc/PID/schedstat's first field): revel's tracer is that
    thread. None if unread."""
    try:
        with open(f"/proc/{pid}/schedstat") as f:
            return int(f.read().split()[0]) / 1e9
    except (OSError, IndexError, ValueError):
        return None


# ---- the harness -----------------------------------------------------------------

class Bench:
    def __init__(self, a):
        self.a = a
        self.revel = os.path.join(a.build, "revel")
        self.guest = os.path.join(a.build, "guests", "getppid_loop")
        self.tguest = os.path.join(a.build, "guests", "getppid_threads")
        self.rguest = os.path.join(a.build, "guests", "rdtsc_loop")
        self.vguest = os.path.join(a.build, "guests", "vdso_clock")
        self.sguest = os.path.join(a.build, "guests", "cpu_spin")
        self.cmds = {}  # key -> command record (argv, runs, failure)
        self.order = []  # keys in first-run order
        self.pass_tag = None
        # the bash harness ran every command with LC_ALL=C (it needed it for
        # EPOCHREALTIME); keep it so the figures compare
        self.env = dict(os.environ, LC_ALL="C")
        self.tracer_env_note = None
        if "REVEL_TRACER_CPU" in self.env:  # (a) must run revel unpinned
            self.tracer_env_note = (f"REVEL_TRACER_CPU={self.env['REVEL_TRACER_CPU']} was set in the "
                                    "environment; unset for every run except (b)")
            log("bench: " + self.tracer_env_note)
            del self.env["REVEL_TRACER_CPU"]
        self.place_skip = None
        self.place_loads = []  # the load average at each timed pass of the placement section
        self.time_loads = []  # ... and of the time section
        self.wait_loads = []  # ... and of the wait section
        if not shutil.which("taskset"):
            self.place_skip = "taskset not found (install util-linux)"
        elif subprocess.run(["taskset", "-c", str(a.cpu), "true"], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
            self.place_skip = (f"taskset -c {a.cpu} fails here (CPU not in the allowed set? "
                               "set BENCH_CPU)")

    def wlabel(self, wl):
        if wl.startswith("sleep:"):
            return f"sleep {wl.split(':')[1]}"
        if wl == "getppid":
            return f"getppid loop: {self.guest} {self.a.getppid_n}"
        if wl == "make":
            return "make -s -j2 -f bench/tools/sched_make.mk (8 jobs)"
        if wl == "python":
            return "python3 bench/tools/sched_threads.py (4 threads)"
        if wl == "find":
            return f"find {self.a.find_dir} -type f"
        if wl == "rdtsc":
            return f"rdtsc loop: {self.rguest} bench {self.a.rdtsc_n}"
        if wl == "spin":
            return f"CPU loop with no syscall: {self.sguest} spin {self.a.rdtsc_n * TIMER_ROUNDS_PER_N}"
        if wl == "clock":
            return f"clock_gettime loop: {self.vguest} bench {self.a.rdtsc_n}"
        return f"{self.tguest} {wl.split(':')[1]} {self.a.thread_calls}"

    def argv(self, wl, cfg, cpu):
        """The command of one measurement, or raise ValueError(why not)."""
        if wl == "getppid":
            if not os.access(self.guest, os.X_OK):
                raise ValueError(f"missing {self.guest}")
            w = [self.guest, str(self.a.getppid_n)]
        elif wl == "rdtsc":
            if not os.access(self.rguest, os.X_OK):
                raise ValueError(f"missing {self.rguest}")
            w = [self.rguest, "bench", str(self.a.rdtsc_n)]
        elif wl == "spin":
            if not os.access(self.sguest, os.X_OK):
                raise ValueError(f"missing {self.sguest}")
            w = [self.sguest, "spin", str(self.a.rdtsc_n * TIMER_ROUNDS_PER_N)]
        elif wl == "clock":
            if not os.access(self.vguest, os.X_OK):
                raise ValueError(f"missing {self.vguest}")
            w = [self.vguest, "bench", str(self.a.rdtsc_n)]
        elif wl.startswith("sleep:"):
            w = ["sleep", wl.split(":")[1]]
        elif wl == "make":
            if not shutil.which("make"):
                raise ValueError("unavailable: make not installed")
            w = ["make", "-s", "-j2", "-f", os.path.join(TOOLS, "sched_make.mk")]
        elif wl == "python":
            if not shutil.which("python3"):
                raise ValueError("unavailable: python3 not installed")
            w = ["python3", os.path.join(TOOLS, "sched_threads.py")]
        elif wl == "find":
            if not os.path.isdir(self.a.find_dir):
                raise ValueError(f"missing directory {self.a.find_dir}")
            w = ["find", self.a.find_dir, "-type", "f"]
        else:
            if not os.access(self.tguest, os.X_OK):
                raise ValueError(f"missing {self.tguest}")
            w = [self.tguest, wl.split(":")[1], str(self.a.thread_calls)]
        pre = CONFIGS[cfg][2]
        if "REVEL" in pre and not os.access(self.revel, os.X_OK):
            raise ValueError(f"missing {self.revel}")
        if pre[:1] == ["strace"] and not shutil.which("strace"):
            raise ValueError("unavailable: strace not installed")
        if "REVEL_C" in pre and not (self.a.sched_c and os.access(self.a.sched_c, os.X_OK)):
            raise ValueError(f"missing {self.a.sched_c}")
        cmd = [self.revel if x == "REVEL" else self.a.sched_c if x == "REVEL_C" else
               os.path.join(TOOLS, x[5:] + ".lua") if x.startswith("TOOL:") else
               os.path.join(ROOT, "examples", x[8:] + ".lua") if x.startswith("EXAMPLE:") else x for x in pre] + w
        if cpu is not None:
            if not shutil.which("taskset"):
                raise ValueError("unavailable: taskset not found (install util-linux)")
            cmd = ["taskset", "-c", str(cpu)] + cmd
        return cmd

    def measure(self, mode, wl, cfg, cpu=None, tcpu=None):
        """mode "warmup": untimed, stderr kept for the failure note; "timed":
        stderr to /dev/null. The same command gets the same key in every
        section, so it runs once per pass and its samples serve each section."""
        key = (wl, cfg, cpu, tcpu)
        c = self.cmds.get(key)
        if c is None:
            c = self.cmds[key] = {"key": "|".join("" if x is None else str(x) for x in key),
                                  "workload": wl, "config": cfg, "label": CONFIGS[cfg][0],
                                  "cpu": cpu, "tracer_cpu": tcpu, "argv": None,
                                  "failed": None, "runs": []}
            self.order.append(key)
            try:
                c["argv"] = self.argv(wl, cfg, cpu)
            except ValueError as e:
                c["failed"] = str(e)
        if c["failed"] or c.get("last_pass") == self.pass_tag:
            return
        c["last_pass"] = self.pass_tag
        env = self.env
        if tcpu is not None:
            env = dict(env, REVEL_TRACER_CPU=str(tcpu))
        if mode == "warmup" or self.a.check:  # keep stderr for the failure note
            with tempfile.TemporaryFile(prefix="revel-bench.") as err:
                r = run_once(c["argv"], env, err.fileno(), self.a.timeout)
                err.seek(0)
                lines = [ln.strip() for ln in err.read().decode(errors="replace").splitlines() if ln.strip()]
        else:
            r = run_once(c["argv"], env, None, self.a.timeout)
            lines = []
        if r["status"] != 0:
            why = (r.get("error") or (f"killed after {self.a.timeout}s (BENCH_TIMEOUT)"
                                      if r["status"] == 124 else f"exit status {r['status']}"))
            if lines:
                why += ": " + lines[-1][:120]
            if mode == "timed":
                why += " (in a timed run)"
            c["failed"] = why
            return
        if mode == "timed":
            r["pass"] = self.pass_tag
            c["runs"].append(r)

    def med(self, key):
        c = self.cmds.get(key)
        if not c or c["failed"] or not c["runs"]:
            return None
        return median([r["wall_s"] for r in c["runs"]])

    def spr(self, key):
        c = self.cmds.get(key)
        if not c or c["failed"]:
            return None
        return spread([r["wall_s"] for r in c["runs"]])

    def why(self, key):
        c = self.cmds.get(key)
        return (c and c["failed"]) or "no data"

    # ---- passes: each section over its (workload, config[, placement]) ----

    def sec_passes(self, mode):
        a = self.a
        for s in a.sections:
            log(f"bench: {self.pass_text}, {s} section")
            if s == "main":
                for wl in ("getppid", "find"):
                    for cfg in MAIN_CONFIGS:
                        self.measure(mode, wl, cfg)
            elif s == "placement":
                if mode == "timed":
                    self.place_loads.append(loadavg())
                for name, wl in self.place_workloads().items():
                    for cfg in PLACE_CONFIGS:
                        if name != "sleep" or cfg.startswith("revel_default"):
                            self.measure(mode, wl, cfg)
            elif s == "threads":
                for n in a.threads:
                    for cfg in THREAD_CONFIGS:
                        self.measure(mode, f"threads:{n}", cfg)
            elif s == "timeline":
                self.measure(mode, "find", "revel_default")
                self.measure(mode, "find", "revel_default_timeline")
            elif s == "inject":
                for cfg in INJECT_PAIRS:
                    self.measure(mode, "find", cfg)
                    self.measure(mode, "find", cfg + "_inject")
            elif s == "tracer":
                for wl in ("getppid", f"threads:{TRACER_THREADS}"):
                    for cfg in TRACER_CONFIGS:
                        for p in TRACER_PLACES[cfg]:
                            self.measure(mode, wl, cfg, *self.place(p))
            elif s == "time":
                if mode == "timed":
                    self.time_loads.append(loadavg())
                for wl in ("getppid", "find"):
                    for cfg in TIME_CONFIGS:
                        self.measure(mode, wl, cfg)
            elif s == "rdtsc":
                for wl, base, cfg in RDTSC_PAIRS:
                    self.measure(mode, wl, base)
                    self.measure(mode, wl, cfg)
            elif s == "sched":
                for wl in ("make", f"threads:{SCHED_THREADS}", "python"):
                    for cfg in SCHED_CONFIGS + ([SCHED_C_CONFIG] + SCHED_TOG_CONFIGS if self.a.sched_c else []):
                        self.measure(mode, wl, cfg)
            elif s == "timer":
                for cfg in TIMER_CONFIGS:
                    self.measure(mode, "spin", cfg)
            elif s == "vdso":
                for wl, base, cfg in VDSO_PAIRS:
                    self.measure(mode, wl, base)
                    self.measure(mode, wl, cfg)
            elif s == "guest":
                for wl in ("getppid", "find", f"threads:{GUEST_THREADS}"):
                    for cfg in GUEST_CONFIGS + (GUEST_FIND_CONFIGS if wl == "find" else []):
                        self.measure(mode, wl, cfg)
                for cfg in GUEST_RPC_CONFIGS:
                    self.measure(mode, "getppid", cfg)
            elif s == "wait":
                if mode == "timed":
                    self.wait_loads.append(loadavg())
                for name, wl in self.wait_workloads().items():
                    for cfg in WAIT_CONFIGS + (WAIT_HANDLER if name == "getppid" else []):
                        if name != "sleep" or cfg.startswith("revel"):
                            self.measure(mode, wl, cfg)

    def wait_workloads(self):
        """The wait section's workloads, by their names in WAIT_TARGETS."""
        return {"getppid": "getppid", "find": "find", "threads": f"threads:{WAIT_THREADS}",
                "sleep": f"sleep:{self.a.wait_sleep}"}

    def place_workloads(self):
        """The placement section's workloads, by their names in WAIT_TARGETS."""
        return {"getppid": "getppid", "find": "find", "threads": f"threads:{PLACE_THREADS}",
                "sleep": f"sleep:{self.a.wait_sleep}"}

    def place(self, p):
        """Tracer placement (a), (b), (c) -> (taskset CPU, REVEL_TRACER_CPU)."""
        return {"a": (None, None), "b": (None, self.a.cpu), "c": (self.a.cpu, None)}[p]

    def tplabel(self, p):
        cpu = self.a.cpu
        return {"a": "(a) default", "b": f"(b) REVEL_TRACER_CPU={cpu}", "c": f"(c) taskset -c {cpu}"}[p]

    def run(self):
        for name in (("revel", self.revel), ("getppid", self.guest), ("threads", self.tguest)):
            if not os.access(name[1], os.X_OK):
                log(f"bench: {name[1]} not found: its rows will show FAILED")
        if self.a.warmup:
            self.pass_tag, self.pass_text = "w", "warm-up pass"
            self.sec_passes("warmup")
        for i in range(1, self.a.runs + 1):
            self.pass_tag, self.pass_text = i, f"pass {i}/{self.a.runs}"
            self.sec_passes("timed")

def main(argv):
    a = parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # clean up as on ^C
    t_start = datetime.datetime.now(datetime.timezone.utc)
    p0 = time.perf_counter()
    load_start = loadavg()
    b = Bench(a)
    try:
        b.run()
    except KeyboardInterrupt:
        log("bench/bench.py: interrupted")
        return 130
    load_end, elapsed = loadavg(), time.perf_counter() - p0

    figs = {}
    out = report.header(b, t_start, load_start, load_end, elapsed)
    if "main" in a.sections:
        figs["main"] = {}
        for wl in ("getppid", "find"):
            lines, figs["main"][wl] = report.workload(b, wl)
            out += lines
    if "main" in a.sections or "inject" in a.sections or "timeline" in a.sections:
        lines, figs["targets"] = report.targets(b)
        out += lines
    for s, fn in (("placement", report.placement), ("threads", report.threads),
                  ("inject", report.inject), ("tracer", report.tracer), ("wait", report.wait),
                  ("time", report.time_section), ("rdtsc", report.rdtsc_section),
                  ("vdso", report.vdso_section), ("timer", report.timer_section),
                  ("timeline", report.timeline_section), ("sched", report.sched_section),
                  ("guest", report_guest.guest_section)):
        if s in a.sections:
            lines, figs[s] = fn(b)
            out += lines
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    sys.stdout.flush()

    commands = []
    for k in b.order:
        c = dict(b.cmds[k])
        c.pop("last_pass", None)
        walls = [r["wall_s"] for r in c["runs"]]
        c["median_s"] = b.med(k)
        c["spread"] = b.spr(k)
        c["median_user_s"] = median([r["user_s"] for r in c["runs"]])
        c["median_sys_s"] = median([r["sys_s"] for r in c["runs"]])
        c["median_own_cpu_s"] = median([r["own_cpu_s"] for r in c["runs"] if r.get("own_cpu_s") is not None])
        c["max_maxrss_kb"] = max((r["maxrss_kb"] for r in c["runs"]), default=None)
        c["min_s"], c["max_s"] = min(walls, default=None), max(walls, default=None)
        commands.append(c)
    doc = {"format": "revel-bench/1",
           "started": t_start.isoformat(timespec="seconds"),
           "elapsed_s": round(elapsed, 3),
           # a vfork+exec child keeps its spawner's RSS high-water mark across
           # execve, so every maxrss_kb is at least this much
           "harness_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           "host": {"node": platform.node(), "kernel": platform.release(), "nproc": os.cpu_count(),
                    "affinity": cpu_list(os.sched_getaffinity(0)),
                    "loadavg_start": load_start, "loadavg_end": load_end},
           "settings": {"build": a.build, "runs": a.runs, "warmup": a.warmup, "timeout": a.timeout,
                        "sections": a.sections, "getppid_n": a.getppid_n, "rdtsc_n": a.rdtsc_n, "find_dir": a.find_dir,
                        "cpu": a.cpu, "threads": a.threads, "thread_calls": a.thread_calls,
                        "tracer_threads": TRACER_THREADS, "inject_rule": INJECT_RULE,
                        "wait_threads": WAIT_THREADS, "wait_sleep": a.wait_sleep,
                        "check": a.check, "placement_skipped": b.place_skip},
           "commands": commands,
           "figures": figs}
    os.makedirs(os.path.dirname(os.path.abspath(a.json)), exist_ok=True)
    tmp = a.json + ".tmp"
    with open(tmp, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    os.replace(tmp, a.json)
    if os.path.exists(TIMELINE_HTML):
        os.remove(TIMELINE_HTML)
    md = os.path.splitext(a.json)[0] + ".md"
    with open(md, "w") as f:
        f.write(text)
    log(f"bench: results written to {a.json} and {md}")
    return check(a, commands) if a.check else 0


def check(a, commands):
    """--check: every command ran and exited 0 (a missing strace or taskset is
    a skip, not a failure), and the JSON reads back."""
    bad = [c for c in commands if c["failed"] and not c["failed"].startswith("unavailable")]
    try:
        with open(a.json) as f:
            ok_json = len(json.load(f)["commands"]) == len(commands)
    except (OSError, ValueError, KeyError):
        ok_json = False
    for c in bad:
        log(f"bench check: FAILED {c['key']}: {c['failed']}")
    if not ok_json:
        log(f"bench check: {a.json} not written or unreadable")
    ran = sum(1 for c in commands if c["runs"])
    log(f"bench check: {ran} of {len(commands)} commands ran, {len(bad)} failed")
    return 1 if bad or not ok_json else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
