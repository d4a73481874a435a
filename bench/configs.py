"""What the revel benchmark runs: its sections, configurations and targets
(used by bench.py to build the commands and by report.py to label them)."""

import os
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(ROOT, "bench", "tools")
ALL_SECTIONS = ["main", "placement", "threads", "inject", "tracer", "wait", "time", "rdtsc", "vdso", "timer", "timeline",
                "sched", "guest"]
INJECT_RULE = "openat:error=ENOENT:when=1000000"  # never fires: find opens far fewer files
TRACER_THREADS = 4  # threads of the multi-threaded guest in the tracer section
WAIT_THREADS = 4  # threads of the multi-threaded guest in the wait section

# the timeline section's page (overwritten by each run, removed at the end)
TIMELINE_HTML = os.path.join(tempfile.gettempdir(), "revel-bench-timeline-%d.html" % os.getpid())

# config -> (label, command line shown in the report, argv prefix before W).
# "REVEL" and "TOOL:x" are placeholders filled in by Bench.argv.
CONFIGS = {
    "native": ("native", "W", []),
    "openat_only": ("revel openat-only", "revel bench/tools/openat_only.lua -- W",
                    ["REVEL", "TOOL:openat_only", "--"]),
    "noop_all": ("revel noop-all", "revel bench/tools/noop_all.lua -- W",
                 ["REVEL", "TOOL:noop_all", "--"]),
    "noop_handler": ("revel empty handler", "revel bench/tools/noop_handler.lua -- W",
                     ["REVEL", "TOOL:noop_handler", "--"]),
    "named_arg": ("revel named-arg read", "revel bench/tools/named_arg.lua -- W",
                  ["REVEL", "TOOL:named_arg", "--"]),
    "strace": ("strace -f", "strace -f -o /dev/null W", ["strace", "-f", "-o", "/dev/null"]),
    "strace_seccomp": ("strace -f --seccomp-bpf openat",
                       "strace -f -o /dev/null --seccomp-bpf -e trace=openat W",
                       ["strace", "-f", "-o", "/dev/null", "--seccomp-bpf", "-e", "trace=openat"]),
    "revel_default": ("revel default tool", "revel -f -o /dev/null -- W",
                      ["REVEL", "-f", "-o", "/dev/null", "--"]),
    "revel_default_inject": ("revel default tool + rule",
                             f"revel -f -o /dev/null --inject={INJECT_RULE} -- W",
                             ["REVEL", "-f", "-o", "/dev/null", f"--inject={INJECT_RULE}", "--"]),
    "noop_all_spin0": ("revel noop-all --spin=0", "revel --spin=0 bench/tools/noop_all.lua -- W",
                       ["REVEL", "--spin=0", "TOOL:noop_all", "--"]),
    "noop_handler_spin0": ("revel empty handler --spin=0", "revel --spin=0 bench/tools/noop_handler.lua -- W",
                           ["REVEL", "--spin=0", "TOOL:noop_handler", "--"]),
    "revel_default_spin0": ("revel default tool --spin=0", "revel --spin=0 -f -o /dev/null -- W",
                            ["REVEL", "--spin=0", "-f", "-o", "/dev/null", "--"]),
    "noop_all_none": ("revel noop-all --placement=none",
                      "revel --placement=none bench/tools/noop_all.lua -- W",
                      ["REVEL", "--placement=none", "TOOL:noop_all", "--"]),
    "revel_default_none": ("revel default tool --placement=none",
                           "revel --placement=none -f -o /dev/null -- W",
                           ["REVEL", "--placement=none", "-f", "-o", "/dev/null", "--"]),
    "noop_all_follow": ("revel noop-all --placement=follow",
                        "revel --placement=follow bench/tools/noop_all.lua -- W",
                        ["REVEL", "--placement=follow", "TOOL:noop_all", "--"]),
    "noop_all_together": ("revel noop-all --placement=together",
                          "revel --placement=together bench/tools/noop_all.lua -- W",
                          ["REVEL", "--placement=together", "TOOL:noop_all", "--"]),
    "revel_default_follow": ("revel default tool --placement=follow",
                             "revel --placement=follow -f -o /dev/null -- W",
                             ["REVEL", "--placement=follow", "-f", "-o", "/dev/null", "--"]),
    "revel_default_together": ("revel default tool --placement=together",
                               "revel --placement=together -f -o /dev/null -- W",
                               ["REVEL", "--placement=together", "-f", "-o", "/dev/null", "--"]),
    "strace_time": ("strace -f -tt -T", "strace -f -tt -T -o /dev/null W",
                    ["strace", "-f", "-tt", "-T", "-o", "/dev/null"]),
    "revel_default_time": ("revel default tool -tt -T", "revel -f -tt -T -o /dev/null -- W",
                           ["REVEL", "-f", "-tt", "-T", "-o", "/dev/null", "--"]),
    "revel_default_timeline": ("revel default tool + --timeline",
                               "revel -f -o /dev/null --timeline T.html -- W",
                               ["REVEL", "-f", "-o", "/dev/null", "--timeline", TIMELINE_HTML, "--"]),
    "noop_all_inject": ("revel noop-all + rule",
                        f"revel --inject={INJECT_RULE} bench/tools/noop_all.lua -- W",
                        ["REVEL", f"--inject={INJECT_RULE}", "TOOL:noop_all", "--"]),
    "rdtsc_counter": ("revel rdtsc counter", "revel bench/tools/rdtsc_counter.lua -- W",
                      ["REVEL", "TOOL:rdtsc_counter", "--"]),
    "getppid_answer": ("revel getppid answered", "revel bench/tools/getppid_answer.lua -- W",
                       ["REVEL", "TOOL:getppid_answer", "--"]),
    "timer_tick": ("revel timer every tick", "revel bench/tools/timer_tick.lua -- W",
                   ["REVEL", "TOOL:timer_tick", "--"]),
    "branch_tick_sw": ("revel branch timer, task clock, 4 ms",
                       "REVEL_TIMER_EVENT=sw-task-clock revel bench/tools/branch_tick.lua -- W",
                       ["env", "REVEL_TIMER_EVENT=sw-task-clock", "REVEL", "TOOL:branch_tick", "--"]),
    "timewarp": ("revel timewarp", "revel examples/timewarp.lua --shift 86400 -- W",
                 ["REVEL", "EXAMPLE:timewarp", "--shift", "86400", "--"]),
    "revel_sched": ("revel --sched=random", "revel --sched=random --seed 1 -f -o /dev/null -- W",
                    ["REVEL", "--sched=random", "--seed", "1", "-f", "-o", "/dev/null", "--"]),
    "revel_sched_c": ("revel --sched=random, C strategies",
                      "$BENCH_SCHED_C --sched=random --seed 1 -f -o /dev/null -- W",
                      ["REVEL_C", "--sched=random", "--seed", "1", "-f", "-o", "/dev/null", "--"]),
    "revel_sched_tog": ("revel --sched=random, together",
                        "revel --placement=together --sched=random --seed 1 -f -o /dev/null -- W",
                        ["REVEL", "--placement=together", "--sched=random", "--seed", "1", "-f", "-o", "/dev/null",
                         "--"]),
    "revel_sched_c_tog": ("revel --sched=random, C strategies, together",
                          "$BENCH_SCHED_C --placement=together --sched=random --seed 1 -f -o /dev/null -- W",
                          ["REVEL_C", "--placement=together", "--sched=random", "--seed", "1", "-f", "-o",
                           "/dev/null", "--"]),
    "guest_noop_handler": ("guest empty handler", "revel --backend=guest bench/tools/noop_handler.lua -- W",
                           ["REVEL", "--backend=guest", "TOOL:noop_handler", "--"]),
    "guest_openat_only": ("guest openat-only", "revel --backend=guest bench/tools/openat_only.lua -- W",
                          ["REVEL", "--backend=guest", "TOOL:openat_only", "--"]),
    "guest_default": ("guest default tool", "revel --backend=guest -f -o /dev/null -- W",
                      ["REVEL", "--backend=guest", "-f", "-o", "/dev/null", "--"]),
    "guest_no_handler": ("guest no handler", "revel --backend=guest bench/tools/no_handler.lua -- W",
                         ["REVEL", "--backend=guest", "TOOL:no_handler", "--"]),
    "rpc_each": ("revel rpc per getppid", "revel bench/tools/rpc_each.lua -- W",
                 ["REVEL", "TOOL:rpc_each", "--"]),
    "guest_rpc_each": ("guest rpc per getppid", "revel --backend=guest bench/tools/rpc_each.lua -- W",
                       ["REVEL", "--backend=guest", "TOOL:rpc_each", "--"]),
}
MAIN_CONFIGS = ["native", "openat_only", "noop_all", "noop_handler", "named_arg",
                "strace", "strace_seccomp", "revel_default"]
# the placement section: each workload under strace -f and the two revel
# tools in each placement, named on the command line (follow is the default)
PLACE_THREADS = 4
PLACEMENTS = ["none", "follow", "together"]
PLACE_TOOLS = ["noop_all", "revel_default"]


def place_config(tool, placement):
    return f"{tool}_{placement}"


PLACE_CONFIGS = ["strace"] + [place_config(t, p) for t in PLACE_TOOLS for p in PLACEMENTS]
THREAD_CONFIGS = ["native", "noop_all", "strace"]
INJECT_PAIRS = ["revel_default", "noop_all"]  # each against CONFIG_inject
TRACER_CONFIGS = ["native", "noop_all", "strace"]
TRACER_PLACES = {"native": "ac", "noop_all": "abc", "strace": "ac"}
# the wait section: each workload under these; "sleep" only under the revel ones
WAIT_CONFIGS = ["native", "strace", "noop_all", "noop_all_spin0", "revel_default", "revel_default_spin0"]
# ... and the getppid loop also under an empty handler: what entering Lua adds per call
WAIT_HANDLER = ["noop_handler", "noop_handler_spin0"]
WAIT_SPIN_OFF = {"noop_all": "noop_all_spin0", "revel_default": "revel_default_spin0",
                 "noop_handler": "noop_handler_spin0"}
# (description, workload ("threads" = WAIT_THREADS threads), config, base, limit);
# base None: limit is the config's median CPU seconds (user + sys, from wait4)
WAIT_TARGETS = [
    ("noop-all <= 0.35x strace -f (getppid loop)", "getppid", "noop_all", "strace", 0.35),
    ("default tool <= 0.80x strace -f (find)", "find", "revel_default", "strace", 0.80),
    (f"noop-all <= 0.35x strace -f ({WAIT_THREADS}-thread getppid)", "threads", "noop_all", "strace", 0.35),
    ("revel -- sleep (BENCH_WAIT_SLEEP s) <= 0.05 s CPU (default tool)", "sleep", "revel_default", None, 0.05),
]

# the time section: the default tool with -tt -T against strace's, per workload
TIME_CONFIGS = ["strace_time", "revel_default_time"]
TIME_TARGETS = [
    ("default tool -tt -T <= 1.00x strace -f -tt -T (getppid loop)", "getppid", 1.00),
    ("default tool -tt -T <= 1.00x strace -f -tt -T (find)", "find", 1.00),
]

# (description, workload, config, base config, limit, section that feeds it)
TARGETS = [
    ("openat-only <= 1.10x native (getppid loop)", "getppid", "openat_only", "native", 1.10, "main"),
    ("openat-only <= 1.10x native (find)", "find", "openat_only", "native", 1.10, "main"),
    ("noop-all <= 0.60x strace -f (find)", "find", "noop_all", "strace", 0.60, "main"),
    ("default tool <= 1.00x strace -f (getppid loop)", "getppid", "revel_default", "strace", 1.00, "main"),
    ("default tool <= 1.00x strace -f (find)", "find", "revel_default", "strace", 1.00, "main"),
    ("named-arg read <= 1.05x empty handler (getppid loop)", "getppid", "named_arg", "noop_handler", 1.05, "main"),
    ("named-arg read <= 1.05x empty handler (find)", "find", "named_arg", "noop_handler", 1.05, "main"),
    ("idle inject rule <= 1.10x without (default tool, find)", "find", "revel_default_inject",
     "revel_default", 1.10, "inject"),
    ("idle inject rule <= 1.10x without (noop-all, find)", "find", "noop_all_inject", "noop_all", 1.10, "inject"),
    ("--timeline <= 1.10x the default tool with -o (find)", "find", "revel_default_timeline", "revel_default",
     1.10, "timeline"),
]

# the rdtsc section: (workload, native config, trapped config); the cost of one
# trapped rdtsc (Lua answers it) against one trapped getppid (Lua answers it)
RDTSC_PAIRS = [("rdtsc", "native", "rdtsc_counter"), ("getppid", "native", "getppid_answer")]

# the vdso section: (workload, native config, routed config); a clock_gettime
# loop answered by the vDSO in user space natively, and made a syscall that
# examples/timewarp.lua runs and moves
VDSO_PAIRS = [("clock", "native", "timewarp")]

# the timer section: a loop with no syscall natively, under a tool that stops
# it at nothing (openat-only), and under one whose timer fires at every
# scheduler tick of the loop's CPU time (g:set_timer{ ns = 1 }, re-armed)
# and under a branch timer on the task clock every 4 ms (the perf route)
TIMER_CONFIGS = ["native", "openat_only", "timer_tick", "branch_tick_sw"]
# cpu_spin's rounds per --rdtsc-n iteration (100000 -> 3e8 rounds, ~0.3 s of CPU)
TIMER_ROUNDS_PER_N = 3000

# the sched section: --sched=random (one thread at a time, a decision at
# every syscall) against plain revel (the default tool into /dev/null) and
# native, on make -j2, a 4-thread getppid loop and python threads
SCHED_CONFIGS = ["native", "revel_default", "revel_sched"]
# with --sched-c (BENCH_SCHED_C): a revel built with the strategies in C
# (before they moved to Lua, commit 88d6ae3), against this one's Lua ones
SCHED_C_CONFIG = "revel_sched_c"
# ... and both with tracer and guest on one CPU (--placement=together), where
# the tracer's placement (follow, the default) does not depend on how long
# a decision takes
SCHED_TOG_CONFIGS = ["revel_sched_tog", "revel_sched_c_tog"]
SCHED_THREADS = 4

# the guest section (--backend=guest, issue 14): each workload under these
GUEST_CONFIGS = ["native", "strace", "noop_handler", "openat_only", "guest_noop_handler", "guest_openat_only",
                 "guest_no_handler", "revel_default", "guest_default"]
# ... and find also under strace --seccomp-bpf -e trace=openat (openat-only's reference)
GUEST_FIND_CONFIGS = ["strace_seccomp"]
GUEST_RPC_CONFIGS = ["noop_handler", "guest_noop_handler", "rpc_each", "guest_rpc_each"]  # getppid loop only
GUEST_THREADS = 4
# (description, workload, config, base, limit): ratios of median wall times
GUEST_TARGETS = [
    ("guest empty handler on every call <= 2.0x native (find)", "find", "guest_noop_handler", "native", 2.0),
    ("guest openat-only <= 1.1x native (find)", "find", "guest_openat_only", "native", 1.1),
]
