#!/usr/bin/env bash
# revel benchmark harness (run by `make bench`).
#
#   bench/run.sh [BUILD_DIR]          BUILD_DIR defaults to build/
#
# Measures wall time of workloads under several configurations (native,
# revel with various tools, strace), interleaved round-robin, and reports
# medians, ratios, and PASS/MISS against the performance targets. See
# bench/README.md. A MISS or a FAILED configuration never makes the harness
# exit non-zero: the numbers come from one run on a noisy machine.
#
# Sections: main (getppid loop and find under six configurations), placement
# (taskset), threads (thread scaling), inject (cost of an inject rule that
# never fires), tracer (REVEL_TRACER_CPU vs taskset, cost per ptrace stop).
#
# Environment:
#   BENCH_RUNS          timed runs per configuration (default 5)
#   BENCH_WARMUP        1 = one untimed warm-up pass first (default 1)
#   BENCH_TIMEOUT       seconds before a single run is killed, 0 = never (default 300)
#   BENCH_SECTIONS      comma list of sections to run (default: all of
#                       main,placement,threads,inject,tracer)
#   BENCH_GETPPID_N     iterations of the getppid loop (default 200000)
#   BENCH_FIND_DIR      directory walked by the find workload (default /usr/include)
#   BENCH_CPU           CPU used for the pinned runs (default 0)
#   BENCH_THREADS       thread counts of the thread-scaling section (default 1,2,4,8)
#   BENCH_THREAD_CALLS  getppid calls per thread in getppid_threads (default 50000)

set -u
export LC_ALL=C # EPOCHREALTIME uses the locale's decimal point

if [ -z "${BASH_VERSINFO:-}" ] ||
  ((BASH_VERSINFO[0] < 5 || (BASH_VERSINFO[0] == 5 && BASH_VERSINFO[1] < 1))); then
  echo "bench/run.sh: needs bash >= 5.1 (EPOCHREALTIME, wait -n -p)" >&2
  exit 2
fi

case "${1:-}" in
-h | --help)
  sed -n '2,/^$/s/^# \{0,1\}//p' "$0"
  exit 0
  ;;
esac
if (($# > 1)); then
  echo "usage: bench/run.sh [BUILD_DIR]" >&2
  exit 2
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-build}
case $BUILD in /*) ;; *) BUILD=$PWD/$BUILD ;; esac
BUILD=${BUILD%/}

RUNS=${BENCH_RUNS:-5}
WARMUP=${BENCH_WARMUP:-1}
TIMEOUT=${BENCH_TIMEOUT:-300}
GETPPID_N=${BENCH_GETPPID_N:-200000}
FIND_DIR=${BENCH_FIND_DIR:-/usr/include}
PIN_CPU=${BENCH_CPU:-0}
THREAD_CALLS=${BENCH_THREAD_CALLS:-50000}

for v in RUNS WARMUP TIMEOUT GETPPID_N PIN_CPU THREAD_CALLS; do
  if ! [[ ${!v} =~ ^[0-9]+$ ]]; then
    echo "bench/run.sh: $v must be a non-negative integer, got '${!v}'" >&2
    exit 2
  fi
done
if ((RUNS < 1)); then
  echo "bench/run.sh: BENCH_RUNS must be >= 1" >&2
  exit 2
fi

ALL_SECTIONS=(main placement threads inject tracer)
declare -A SEL=()
IFS=, read -ra _list <<<"${BENCH_SECTIONS:-main,placement,threads,inject,tracer}"
for _s in "${_list[@]}"; do
  _s=${_s//[[:space:]]/}
  case $_s in
  main | placement | threads | inject | tracer) SEL[$_s]=1 ;;
  "") ;;
  *)
    echo "bench/run.sh: unknown section '$_s' in BENCH_SECTIONS (known: ${ALL_SECTIONS[*]})" >&2
    exit 2
    ;;
  esac
done
if ((${#SEL[@]} == 0)); then
  echo "bench/run.sh: BENCH_SECTIONS selects no section (known: ${ALL_SECTIONS[*]})" >&2
  exit 2
fi
sel() { [ -n "${SEL[$1]:-}" ]; }

IFS=, read -ra THREAD_NS <<<"${BENCH_THREADS:-1,2,4,8}"
for _n in "${THREAD_NS[@]}"; do
  if ! [[ $_n =~ ^[0-9]+$ ]] || ((_n < 1 || _n > 1024)); then
    echo "bench/run.sh: BENCH_THREADS must be a comma list of 1..1024, got '${BENCH_THREADS:-}'" >&2
    exit 2
  fi
done
TRACER_THREADS=4 # threads of the multi-threaded guest in the tracer section

REVEL=$BUILD/revel
GUEST=$BUILD/guests/getppid_loop
TGUEST=$BUILD/guests/getppid_threads
TOOLS=$ROOT/bench/tools
RESULTS_DIR=$ROOT/bench/results
RESULTS=$RESULTS_DIR/latest.txt
INJECT_RULE="openat:error=ENOENT:when=1000000" # never fires: find opens far fewer files

# Workloads: getppid, find, and threads:N (getppid_threads N THREAD_CALLS).
WORKLOADS=(getppid find)
declare -A WLABEL=(
  [getppid]="getppid loop: $GUEST $GETPPID_N"
  [find]="find $FIND_DIR -type f"
)
wlabel() { # WORKLOAD
  case $1 in
  threads:*) echo "$TGUEST ${1#threads:} $THREAD_CALLS" ;;
  *) echo "${WLABEL[$1]}" ;;
  esac
}

CONFIGS=(native openat_only noop_all noop_handler named_arg strace strace_seccomp revel_default)
declare -A LABEL=(
  [native]="native"
  [openat_only]="revel openat-only"
  [noop_all]="revel noop-all"
  [noop_handler]="revel empty handler"
  [named_arg]="revel named-arg read"
  [strace]="strace -f"
  [strace_seccomp]="strace -f --seccomp-bpf openat"
  [revel_default]="revel default tool"
  [revel_default_inject]="revel default tool + rule"
  [noop_all_inject]="revel noop-all + rule"
)
declare -A CMDLINE=(
  [native]="W"
  [openat_only]="revel bench/tools/openat_only.lua -- W"
  [noop_handler]="revel bench/tools/noop_handler.lua -- W"
  [named_arg]="revel bench/tools/named_arg.lua -- W"
  [noop_all]="revel bench/tools/noop_all.lua -- W"
  [strace]="strace -f -o /dev/null W"
  [strace_seccomp]="strace -f -o /dev/null --seccomp-bpf -e trace=openat W"
  [revel_default]="revel -o /dev/null -- W"
  [revel_default_inject]="revel -o /dev/null --inject=$INJECT_RULE -- W"
  [noop_all_inject]="revel --inject=$INJECT_RULE bench/tools/noop_all.lua -- W"
)
PLACE_CONFIGS=(native noop_all strace)
THREAD_CONFIGS=(native noop_all strace)
INJECT_PAIRS=(revel_default noop_all) # each against CONFIG_inject
# tracer section: placement p -> "CPU|TRACER_CPU" (taskset CPU, REVEL_TRACER_CPU)
TRACER_PLACES=(a b c)
declare -A TPLACE=([a]="|" [b]="|$PIN_CPU" [c]="$PIN_CPU|")
declare -A TPLABEL=(
  [a]="(a) default"
  [b]="(b) REVEL_TRACER_CPU=$PIN_CPU"
  [c]="(c) taskset -c $PIN_CPU"
)
declare -A TPCONFIGS=([native]="a c" [noop_all]="a b c" [strace]="a c")
TRACER_CONFIGS=(native noop_all strace)

declare -A SAMPLES=() # key -> space-separated wall times in microseconds
declare -A FAIL=()    # key -> reason; a failed key is not timed again
declare -A LASTRUN=() # key -> tag of the last pass that ran it
PASS_TAG=

# key WORKLOAD CONFIG [CPU [TRACER_CPU]]: the sample key of one command. The
# same command gets the same key in every section, so it is timed once per
# pass and its samples serve each section that reports it.
key() { printf '%s|%s|%s|%s' "$1" "$2" "${3:-}" "${4:-}"; }

log() { printf '%s\n' "$*" >&2; }

# ---- building a command line ----------------------------------------------

# build_cmd WORKLOAD CONFIG [CPU [TRACER_CPU]]: sets CMD and TCPU, or sets WHY
# and returns 1. TCPU (REVEL_TRACER_CPU for this run) is set by run_cmd.
build_cmd() {
  local wl=$1 cfg=$2 cpu=${3:-}
  local -a w
  WHY=
  TCPU=${4:-}
  case $wl in
  getppid)
    [ -x "$GUEST" ] || { WHY="missing $GUEST"; return 1; }
    w=("$GUEST" "$GETPPID_N")
    ;;
  find)
    [ -d "$FIND_DIR" ] || { WHY="missing directory $FIND_DIR"; return 1; }
    w=(find "$FIND_DIR" -type f)
    ;;
  threads:*)
    [ -x "$TGUEST" ] || { WHY="missing $TGUEST"; return 1; }
    w=("$TGUEST" "${wl#threads:}" "$THREAD_CALLS")
    ;;
  *) WHY="unknown workload $wl"; return 1 ;;
  esac
  case $cfg in
  openat_only | noop_all | noop_handler | named_arg | revel_default | noop_all_inject | revel_default_inject)
    [ -x "$REVEL" ] || { WHY="missing $REVEL"; return 1; }
    ;;
  strace | strace_seccomp)
    command -v strace >/dev/null || { WHY="strace not installed"; return 1; }
    ;;
  esac
  case $cfg in
  native) CMD=("${w[@]}") ;;
  openat_only) CMD=("$REVEL" "$TOOLS/openat_only.lua" -- "${w[@]}") ;;
  noop_all) CMD=("$REVEL" "$TOOLS/noop_all.lua" -- "${w[@]}") ;;
  noop_handler) CMD=("$REVEL" "$TOOLS/noop_handler.lua" -- "${w[@]}") ;;
  named_arg) CMD=("$REVEL" "$TOOLS/named_arg.lua" -- "${w[@]}") ;;
  strace) CMD=(strace -f -o /dev/null "${w[@]}") ;;
  strace_seccomp) CMD=(strace -f -o /dev/null --seccomp-bpf -e trace=openat "${w[@]}") ;;
  revel_default) CMD=("$REVEL" -o /dev/null -- "${w[@]}") ;;
  revel_default_inject) CMD=("$REVEL" -o /dev/null "--inject=$INJECT_RULE" -- "${w[@]}") ;;
  noop_all_inject) CMD=("$REVEL" "--inject=$INJECT_RULE" "$TOOLS/noop_all.lua" -- "${w[@]}") ;;
  *) WHY="unknown config $cfg"; return 1 ;;
  esac
  if [ -n "$cpu" ]; then
    command -v taskset >/dev/null || { WHY="taskset not found (install util-linux)"; return 1; }
    CMD=(taskset -c "$cpu" "${CMD[@]}")
  fi
  return 0
}

# ---- running one measurement ----------------------------------------------

CHILD=
SLEEPER=

# descendants PID: every process below PID (read from /proc), depth first.
descendants() {
  local c
  # shellcheck disable=SC2013 # the file is one line of pids
  for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do
    echo "$c"
    descendants "$c"
  done
}

# kill_tree PID: stop PID so it forks no more, then SIGKILL it and everything
# below it (a killed tracer may otherwise leave its guests running).
kill_tree() {
  local p pids
  kill -STOP "$1" 2>/dev/null
  pids="$1 $(descendants "$1")"
  for p in $pids; do kill -KILL "$p" 2>/dev/null; done
}

# shellcheck disable=SC2317 # called from the trap
cleanup() {
  if [ -n "$CHILD" ]; then kill_tree "$CHILD"; fi
  if [ -n "$SLEEPER" ]; then kill -TERM "$SLEEPER" 2>/dev/null; fi
}
trap 'cleanup; log "bench/run.sh: interrupted"; exit 130' INT TERM

# run_cmd ERRFILE: runs CMD (with REVEL_TRACER_CPU=$TCPU in its environment
# when TCPU is set) with stdin and stdout on /dev/null and stderr to ERRFILE,
# sets RC (124 on timeout) and US (wall microseconds). The timeout watchdog
# is a plain `sleep` started before the clock starts, so the timed path is
# the same fork+exec+wait for every configuration.
run_cmd() {
  local err=$1 t0 t1 first=
  SLEEPER=
  if ((TIMEOUT > 0)); then
    sleep "$TIMEOUT" &
    SLEEPER=$!
  fi
  t0=$EPOCHREALTIME
  if [ -n "$TCPU" ]; then
    REVEL_TRACER_CPU=$TCPU "${CMD[@]}" </dev/null >/dev/null 2>"$err" &
  else
    "${CMD[@]}" </dev/null >/dev/null 2>"$err" &
  fi
  CHILD=$!
  if [ -n "$SLEEPER" ]; then
    wait -n -p first "$CHILD" "$SLEEPER"
    RC=$?
  else
    wait "$CHILD"
    RC=$?
  fi
  t1=$EPOCHREALTIME
  if [ -n "$SLEEPER" ]; then
    if [ "$first" = "$SLEEPER" ]; then # timed out
      kill_tree "$CHILD"
      wait "$CHILD" 2>/dev/null
      RC=124
    else
      kill -TERM "$SLEEPER" 2>/dev/null
      wait "$SLEEPER" 2>/dev/null
    fi
  fi
  CHILD=
  SLEEPER=
  US=$((${t1/./} - ${t0/./}))
}

# measure MODE WORKLOAD CONFIG [CPU [TRACER_CPU]]: MODE is "warmup" (untimed,
# stderr kept for the failure note) or "timed" (stderr to /dev/null). A key
# already run in this pass (by an earlier section) is not run again.
measure() {
  local mode=$1 k err=/dev/null last
  shift
  k=$(key "$@")
  [ -n "${FAIL[$k]:-}" ] && return
  [ "${LASTRUN[$k]:-}" = "$PASS_TAG" ] && return
  LASTRUN[$k]=$PASS_TAG
  if ! build_cmd "$@"; then
    FAIL[$k]=$WHY
    return
  fi
  [ "$mode" = warmup ] && err=$TMPERR
  run_cmd "$err"
  if ((RC != 0)); then
    if ((RC == 124)); then
      FAIL[$k]="killed after ${TIMEOUT}s (BENCH_TIMEOUT)"
    else
      FAIL[$k]="exit status $RC"
    fi
    if [ "$mode" = warmup ] && [ -s "$TMPERR" ]; then
      last=$(grep -v '^[[:space:]]*$' "$TMPERR" | tail -n 1 | cut -c1-120)
      [ -n "$last" ] && FAIL[$k]+=": $last"
    fi
    [ "$mode" = timed ] && FAIL[$k]+=" (in a timed run)"
    return
  fi
  [ "$mode" = timed ] && SAMPLES[$k]+="$US "
}

# ---- statistics -------------------------------------------------------------

# median_s KEY: median of the samples, in seconds ("" when FAILED/no data).
median_s() {
  local key=$1
  [ -n "${FAIL[$key]:-}" ] && return
  [ -n "${SAMPLES[$key]:-}" ] || return
  # shellcheck disable=SC2086 # split the sample list on purpose
  printf '%s\n' ${SAMPLES[$key]} | sort -n | awk '
    { a[NR] = $1 }
    END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
          printf "%.6f\n", m / 1e6 }'
}

# spread_pct KEY: (max - min) / median, in percent ("-" without data).
spread_pct() {
  local key=$1
  [ -n "${FAIL[$key]:-}" ] && { echo -; return; }
  [ -n "${SAMPLES[$key]:-}" ] || { echo -; return; }
  # shellcheck disable=SC2086 # split the sample list on purpose
  printf '%s\n' ${SAMPLES[$key]} | sort -n | awk '
    { a[NR] = $1 }
    END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
          if (m > 0) printf "%.0f%%\n", 100 * (a[NR] - a[1]) / m; else print "-" }'
}

# ratio A B: A / B with 6 decimals, "" if either is missing.
ratio() {
  [ -n "$1" ] && [ -n "$2" ] || return
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.6f\n", a / b }'
}

fmt_ratio() { if [ -n "$1" ]; then awk -v r="$1" 'BEGIN { printf "%.2fx", r }'; else printf -- '-'; fi; }

# fmt_med MEDIAN: "%.4f" or FAILED.
fmt_med() { if [ -n "$1" ]; then printf '%.4f' "$1"; else printf FAILED; fi; }

# ---- reporting ----------------------------------------------------------------

loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'; }

report_header() {
  local revel_state=present guest_state=present tguest_state=present s list=()
  [ -x "$REVEL" ] || revel_state=MISSING
  [ -x "$GUEST" ] || guest_state=MISSING
  [ -x "$TGUEST" ] || tguest_state=MISSING
  for s in "${ALL_SECTIONS[@]}"; do sel "$s" && list+=("$s"); done
  echo "revel benchmark, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "nproc $(nproc); load average (1/5/15 min) at start $LOAD_START, at end $(loadavg); elapsed $(((${EPOCHREALTIME/./} - T_START) / 1000000))s"
  echo "host: $(uname -n), kernel $(uname -r), $(nproc) CPUs online, affinity $(taskset -pc $$ 2>/dev/null | sed 's/.*: //' || echo '?')"
  echo "revel: $REVEL ($revel_state)"
  echo "guests: $GUEST ($guest_state), $TGUEST ($tguest_state)"
  if command -v strace >/dev/null; then echo "strace: $(strace -V 2>/dev/null | head -n 1)"; else echo "strace: not installed"; fi
  echo "sections: ${list[*]}"
  echo "method: wall time, median of $RUNS interleaved runs per configuration$([ "$WARMUP" = 1 ] && echo ', after one untimed warm-up pass'); a command shared by several sections is timed once per pass"
  echo "NOTE: one run on a shared, noisy machine (see the load average); read the ratios, not the absolute times."
  if [ -n "$TRACER_ENV_NOTE" ]; then echo "NOTE: $TRACER_ENV_NOTE"; fi
  if sel main; then
    echo
    echo "configurations (W = the workload command):"
    local c
    for c in "${CONFIGS[@]}"; do printf '  %-32s %s\n' "${LABEL[$c]}" "${CMDLINE[$c]}"; done
  fi
}

report_workload() {
  local wl=$1 c k med nat st notes=()
  nat=$(median_s "$(key "$wl" native)")
  st=$(median_s "$(key "$wl" strace)")
  echo
  echo "== ${WLABEL[$wl]} =="
  printf '%-32s %10s %10s %12s %8s\n' config "median s" "x native" "x strace -f" spread
  for c in "${CONFIGS[@]}"; do
    k=$(key "$wl" "$c")
    med=$(median_s "$k")
    if [ -z "$med" ]; then
      printf '%-32s %10s\n' "${LABEL[$c]}" FAILED
      notes+=("${LABEL[$c]}: ${FAIL[$k]:-no data}")
      continue
    fi
    printf '%-32s %10.4f %10s %12s %8s\n' "${LABEL[$c]}" "$med" \
      "$(fmt_ratio "$(ratio "$med" "$nat")")" "$(fmt_ratio "$(ratio "$med" "$st")")" \
      "$(spread_pct "$k")"
  done
  local n
  for n in "${notes[@]}"; do echo "  FAILED $n"; done
}

NPASS=0
NMISS=0
# target DESCRIPTION KEY LABEL BASE-KEY BASE-LABEL LIMIT
target() {
  local desc=$1 ka=$2 la=$3 kb=$4 lb=$5 limit=$6 a b r verdict detail
  a=$(median_s "$ka")
  b=$(median_s "$kb")
  r=$(ratio "$a" "$b")
  if [ -z "$r" ]; then
    verdict=MISS
    detail="no data ($([ -z "$a" ] && echo "$la" || echo "$lb") FAILED)"
  else
    detail="measured $(fmt_ratio "$r")"
    if awk -v r="$r" -v l="$limit" 'BEGIN { exit !(r <= l) }'; then verdict=PASS; else verdict=MISS; fi
  fi
  if [ "$verdict" = PASS ]; then NPASS=$((NPASS + 1)); else NMISS=$((NMISS + 1)); fi
  printf '%-4s  %-56s %s\n' "$verdict" "$desc" "$detail"
}

# main_target DESCRIPTION WORKLOAD CONFIG BASE-CONFIG LIMIT
main_target() {
  target "$1" "$(key "$2" "$3")" "${LABEL[$3]}" "$(key "$2" "$4")" "${LABEL[$4]}" "$5"
}

report_targets() {
  echo
  echo "== targets =="
  if sel main; then
    main_target "openat-only <= 1.10x native (getppid loop)" getppid openat_only native 1.10
    main_target "openat-only <= 1.10x native (find)" find openat_only native 1.10
    main_target "noop-all <= 0.60x strace -f (find)" find noop_all strace 0.60
    main_target "default tool <= 1.00x strace -f (getppid loop)" getppid revel_default strace 1.00
    main_target "default tool <= 1.00x strace -f (find)" find revel_default strace 1.00
    main_target "named-arg read <= 1.05x empty handler (getppid loop)" getppid named_arg noop_handler 1.05
    main_target "named-arg read <= 1.05x empty handler (find)" find named_arg noop_handler 1.05
  fi
  if sel inject; then
    main_target "idle inject rule <= 1.10x without (default tool, find)" find revel_default_inject revel_default 1.10
    main_target "idle inject rule <= 1.10x without (noop-all, find)" find noop_all_inject noop_all 1.10
  fi
  echo "$NPASS PASS, $NMISS MISS (a MISS is reported, never fatal: the machine is noisy)"
}

report_placement() {
  echo
  echo "== CPU placement: getppid loop, unpinned vs taskset -c $PIN_CPU =="
  if [ -n "$PLACE_SKIP" ]; then
    echo "skipped: $PLACE_SKIP"
    return
  fi
  if (($(nproc) < 2)); then
    echo "note: only one CPU online, so unpinned and pinned should not differ"
  fi
  local c p k med nat un notes=()
  printf '%-32s %-10s %10s %16s %16s\n' config placement "median s" "x native(same)" "pinned/unpinned"
  for c in "${PLACE_CONFIGS[@]}"; do
    un=$(median_s "$(key getppid "$c")")
    for p in "" "$PIN_CPU"; do
      k=$(key getppid "$c" "$p")
      local pl=unpinned
      [ -n "$p" ] && pl="cpu $p"
      med=$(median_s "$k")
      if [ -z "$med" ]; then
        printf '%-32s %-10s %10s\n' "${LABEL[$c]}" "$pl" FAILED
        notes+=("${LABEL[$c]} ($pl): ${FAIL[$k]:-no data}")
        continue
      fi
      nat=$(median_s "$(key getppid native "$p")")
      local pu=""
      [ -n "$p" ] && pu=$(fmt_ratio "$(ratio "$med" "$un")")
      printf '%-32s %-10s %10.4f %16s %16s\n' "${LABEL[$c]}" "$pl" "$med" \
        "$(fmt_ratio "$(ratio "$med" "$nat")")" "$pu"
    done
  done
  local n
  for n in "${notes[@]}"; do echo "  FAILED $n"; done
}

report_threads() {
  local n c k nat rv st notes=() sp
  echo
  echo "== thread scaling: $TGUEST N $THREAD_CALLS (N threads x $THREAD_CALLS getppid) =="
  echo "revel = revel bench/tools/noop_all.lua -- W; strace = strace -f -o /dev/null W"
  printf '%-8s %10s %10s %10s %13s %13s %13s %16s\n' threads "native s" "revel s" "strace s" \
    revel/native revel/strace "revel us/call" "spread n/r/s"
  local per
  for n in "${THREAD_NS[@]}"; do
    nat=$(median_s "$(key "threads:$n" native)")
    rv=$(median_s "$(key "threads:$n" noop_all)")
    st=$(median_s "$(key "threads:$n" strace)")
    sp=
    for c in "${THREAD_CONFIGS[@]}"; do
      k=$(key "threads:$n" "$c")
      [ -n "${FAIL[$k]:-}" ] && notes+=("${LABEL[$c]}, N=$n: ${FAIL[$k]}")
      sp+="${sp:+/}$(spread_pct "$k")"
    done
    per=-
    if [ -n "$rv" ] && [ -n "$nat" ] && ((THREAD_CALLS > 0)); then
      per=$(awk -v r="$rv" -v b="$nat" -v c="$((n * THREAD_CALLS))" 'BEGIN { printf "%.2f", (r - b) * 1e6 / c }')
    fi
    printf '%-8s %10s %10s %10s %13s %13s %13s %16s\n' "$n" "$(fmt_med "$nat")" "$(fmt_med "$rv")" \
      "$(fmt_med "$st")" "$(fmt_ratio "$(ratio "$rv" "$nat")")" "$(fmt_ratio "$(ratio "$rv" "$st")")" \
      "$per" "$sp"
  done
  echo "(revel us/call: (revel - native) / (N x $THREAD_CALLS), the tracing cost per getppid; one tracer serves every thread)"
  for n in "${notes[@]}"; do echo "  FAILED $n"; done
}

report_inject() {
  local c k0 k1 m0 m1 notes=()
  echo
  echo "== inject overhead: find $FIND_DIR -type f, with a rule that never fires =="
  echo "rule: --inject=$INJECT_RULE"
  for c in "${INJECT_PAIRS[@]}"; do
    printf '  %-27s %s\n' "${LABEL[$c]}:" "${CMDLINE[$c]}"
    printf '  %-27s %s\n' "${LABEL[${c}_inject]}:" "${CMDLINE[${c}_inject]}"
  done
  printf '%-24s %12s %12s %14s %16s\n' tool "without s" "with s" with/without "spread w/o / w"
  for c in "${INJECT_PAIRS[@]}"; do
    k0=$(key find "$c")
    k1=$(key find "${c}_inject")
    m0=$(median_s "$k0")
    m1=$(median_s "$k1")
    [ -n "${FAIL[$k0]:-}" ] && notes+=("${LABEL[$c]}: ${FAIL[$k0]}")
    [ -n "${FAIL[$k1]:-}" ] && notes+=("${LABEL[${c}_inject]}: ${FAIL[$k1]}")
    printf '%-24s %12s %12s %14s %16s\n' "${LABEL[$c]}" "$(fmt_med "$m0")" "$(fmt_med "$m1")" \
      "$(fmt_ratio "$(ratio "$m1" "$m0")")" "$(spread_pct "$k0") / $(spread_pct "$k1")"
  done
  local n
  for n in "${notes[@]}"; do echo "  FAILED $n"; done
}

report_tracer() {
  local wl c p k med base cpu tcpu notes=()
  echo
  echo "== tracer placement: (a) default, (b) REVEL_TRACER_CPU=$PIN_CPU, (c) taskset -c $PIN_CPU =="
  echo "(a) no pinning; (b) revel pins only its tracer thread to CPU $PIN_CPU after forking the guest,"
  echo "the guest keeps its affinity; (c) taskset -c $PIN_CPU on the whole command: tracer and guest share"
  echo "CPU $PIN_CPU. revel = revel bench/tools/noop_all.lua -- W; strace = strace -f -o /dev/null W"
  if (($(nproc) < 2)); then
    echo "note: only one CPU online, so the three placements should not differ"
  fi
  if [ -n "$PLACE_SKIP" ]; then
    echo "note: $PLACE_SKIP; revel ignores a failed pin, so (b) may be unpinned"
  fi
  for wl in getppid "threads:$TRACER_THREADS"; do
    echo
    echo "-- $(wlabel "$wl") --"
    printf '%-18s %-26s %10s %8s %8s\n' config placement "median s" "x (a)" spread
    for c in "${TRACER_CONFIGS[@]}"; do
      base=$(median_s "$(key "$wl" "$c")")
      for p in ${TPCONFIGS[$c]}; do
        cpu=${TPLACE[$p]%|*}
        tcpu=${TPLACE[$p]#*|}
        k=$(key "$wl" "$c" "$cpu" "$tcpu")
        med=$(median_s "$k")
        if [ -z "$med" ]; then
          printf '%-18s %-26s %10s\n' "${LABEL[$c]}" "${TPLABEL[$p]}" FAILED
          notes+=("${LABEL[$c]} ${TPLABEL[$p]}, $(wlabel "$wl"): ${FAIL[$k]:-no data}")
          continue
        fi
        printf '%-18s %-26s %10.4f %8s %8s\n' "${LABEL[$c]}" "${TPLABEL[$p]}" "$med" \
          "$(fmt_ratio "$(ratio "$med" "$base")")" "$(spread_pct "$k")"
      done
    done
  done
  echo
  echo "cost per stop, revel noop-all on the getppid loop: (median - native median) / $GETPPID_N"
  local nat rv
  for p in "${TRACER_PLACES[@]}"; do
    cpu=${TPLACE[$p]%|*}
    tcpu=${TPLACE[$p]#*|}
    rv=$(median_s "$(key getppid noop_all "$cpu" "$tcpu")")
    # the guest runs where native ran: free in (a) and (b), on CPU N in (c)
    nat=$(median_s "$(key getppid native "$cpu")")
    if [ -n "$rv" ] && [ -n "$nat" ] && ((GETPPID_N > 0)); then
      printf '  %-26s %8s us/stop   (native: %s)\n' "${TPLABEL[$p]}" \
        "$(awk -v r="$rv" -v n="$nat" -v c="$GETPPID_N" 'BEGIN { printf "%.2f", (r - n) * 1e6 / c }')" \
        "$([ -n "$cpu" ] && echo "taskset -c $cpu" || echo unpinned)"
    else
      printf '  %-26s %8s\n' "${TPLABEL[$p]}" -
    fi
  done
  local n
  for n in "${notes[@]}"; do echo "  FAILED $n"; done
}

# ---- main -------------------------------------------------------------------

T_START=${EPOCHREALTIME/./}
LOAD_START=$(loadavg)

TMPERR=$(mktemp "${TMPDIR:-/tmp}/revel-bench.XXXXXX") || exit 2
trap 'rm -f "$TMPERR"' EXIT

# (a) must run revel unpinned: do not pass an inherited REVEL_TRACER_CPU on.
TRACER_ENV_NOTE=
if [ -n "${REVEL_TRACER_CPU+x}" ]; then
  TRACER_ENV_NOTE="REVEL_TRACER_CPU=$REVEL_TRACER_CPU was set in the environment; unset for every run except (b)"
  log "bench: $TRACER_ENV_NOTE"
  unset REVEL_TRACER_CPU
fi

PLACE_SKIP=
if ! command -v taskset >/dev/null; then
  PLACE_SKIP="taskset not found (install util-linux)"
elif ! taskset -c "$PIN_CPU" true 2>/dev/null; then
  PLACE_SKIP="taskset -c $PIN_CPU fails here (CPU not in the allowed set? set BENCH_CPU)"
fi

[ -x "$REVEL" ] || log "bench: $REVEL not found: revel configurations will show FAILED"
[ -x "$GUEST" ] || log "bench: $GUEST not found: the getppid workload will show FAILED"
if sel threads || sel tracer; then
  [ -x "$TGUEST" ] || log "bench: $TGUEST not found: the thread workloads will show FAILED"
fi

# One pass of each section over its (workload, config[, placement]) in
# round-robin order. measure skips a key an earlier section ran in this pass.
main_pass() { # MODE
  local wl c
  for wl in "${WORKLOADS[@]}"; do
    for c in "${CONFIGS[@]}"; do measure "$1" "$wl" "$c"; done
  done
}
placement_pass() { # MODE
  local c p
  [ -n "$PLACE_SKIP" ] && return
  for c in "${PLACE_CONFIGS[@]}"; do
    for p in "" "$PIN_CPU"; do measure "$1" getppid "$c" "$p"; done
  done
}
threads_pass() { # MODE
  local n c
  for n in "${THREAD_NS[@]}"; do
    for c in "${THREAD_CONFIGS[@]}"; do measure "$1" "threads:$n" "$c"; done
  done
}
inject_pass() { # MODE
  local c
  for c in "${INJECT_PAIRS[@]}"; do
    measure "$1" find "$c"
    measure "$1" find "${c}_inject"
  done
}
tracer_pass() { # MODE
  local wl c p
  for wl in getppid "threads:$TRACER_THREADS"; do
    for c in "${TRACER_CONFIGS[@]}"; do
      for p in ${TPCONFIGS[$c]}; do
        measure "$1" "$wl" "$c" "${TPLACE[$p]%|*}" "${TPLACE[$p]#*|}"
      done
    done
  done
}

# run_pass MODE TAG TEXT: one pass over every selected section.
run_pass() {
  local s
  PASS_TAG=$2
  for s in "${ALL_SECTIONS[@]}"; do
    sel "$s" || continue
    log "bench: $3, $s section"
    case $s in
    main) main_pass "$1" ;;
    placement) placement_pass "$1" ;;
    threads) threads_pass "$1" ;;
    inject) inject_pass "$1" ;;
    tracer) tracer_pass "$1" ;;
    esac
  done
}

if [ "$WARMUP" = 1 ]; then
  run_pass warmup w "warm-up pass"
fi
for ((i = 1; i <= RUNS; i++)); do
  run_pass timed "$i" "pass $i/$RUNS"
done

mkdir -p "$RESULTS_DIR"
{
  report_header
  if sel main; then
    for wl in "${WORKLOADS[@]}"; do report_workload "$wl"; done
  fi
  if sel main || sel inject; then report_targets; fi
  if sel placement; then report_placement; fi
  if sel threads; then report_threads; fi
  if sel inject; then report_inject; fi
  if sel tracer; then report_tracer; fi
} | tee "$RESULTS"
log "bench: results written to $RESULTS"
exit 0
