#!/usr/bin/env bash
# revel benchmark harness (run by `make bench`).
#
#   bench/run.sh [BUILD_DIR]          BUILD_DIR defaults to build/
#
# Measures wall time of two workloads under several configurations (native,
# revel with various tools, strace), interleaved round-robin, and reports
# medians, ratios, and PASS/MISS against the performance targets. See
# bench/README.md. A MISS or a FAILED configuration never makes the harness
# exit non-zero: the numbers come from one run on a noisy machine.
#
# Environment:
#   BENCH_RUNS       timed runs per configuration (default 5)
#   BENCH_WARMUP     1 = one untimed warm-up pass first (default 1)
#   BENCH_TIMEOUT    seconds before a single run is killed, 0 = never (default 300)
#   BENCH_GETPPID_N  iterations of the getppid loop (default 200000)
#   BENCH_FIND_DIR   directory walked by the find workload (default /usr/include)
#   BENCH_CPU        CPU used for the pinned runs (default 0)

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

for v in RUNS WARMUP TIMEOUT GETPPID_N PIN_CPU; do
  if ! [[ ${!v} =~ ^[0-9]+$ ]]; then
    echo "bench/run.sh: $v must be a non-negative integer, got '${!v}'" >&2
    exit 2
  fi
done
if ((RUNS < 1)); then
  echo "bench/run.sh: BENCH_RUNS must be >= 1" >&2
  exit 2
fi

REVEL=$BUILD/revel
GUEST=$BUILD/guests/getppid_loop
TOOLS=$ROOT/bench/tools
RESULTS_DIR=$ROOT/bench/results
RESULTS=$RESULTS_DIR/latest.txt

WORKLOADS=(getppid find)
declare -A WLABEL=(
  [getppid]="getppid loop: $GUEST $GETPPID_N"
  [find]="find $FIND_DIR -type f"
)

CONFIGS=(native openat_only noop_all strace strace_seccomp revel_default)
declare -A LABEL=(
  [native]="native"
  [openat_only]="revel openat-only"
  [noop_all]="revel noop-all"
  [strace]="strace -f"
  [strace_seccomp]="strace -f --seccomp-bpf openat"
  [revel_default]="revel default tool"
)
declare -A CMDLINE=(
  [native]="W"
  [openat_only]="revel bench/tools/openat_only.lua -- W"
  [noop_all]="revel bench/tools/noop_all.lua -- W"
  [strace]="strace -f -o /dev/null W"
  [strace_seccomp]="strace -f -o /dev/null --seccomp-bpf -e trace=openat W"
  [revel_default]="revel -o /dev/null -- W"
)
PLACE_CONFIGS=(native noop_all strace)

declare -A SAMPLES=() # key -> space-separated wall times in microseconds
declare -A FAIL=()    # key -> reason; a failed key is not timed again

log() { printf '%s\n' "$*" >&2; }

# ---- building a command line ----------------------------------------------

# build_cmd WORKLOAD CONFIG [CPU]: sets CMD, or sets WHY and returns 1.
build_cmd() {
  local wl=$1 cfg=$2 cpu=${3:-}
  local -a w
  WHY=
  case $wl in
  getppid)
    [ -x "$GUEST" ] || { WHY="missing $GUEST"; return 1; }
    w=("$GUEST" "$GETPPID_N")
    ;;
  find)
    [ -d "$FIND_DIR" ] || { WHY="missing directory $FIND_DIR"; return 1; }
    w=(find "$FIND_DIR" -type f)
    ;;
  esac
  case $cfg in
  openat_only | noop_all | revel_default)
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
  strace) CMD=(strace -f -o /dev/null "${w[@]}") ;;
  strace_seccomp) CMD=(strace -f -o /dev/null --seccomp-bpf -e trace=openat "${w[@]}") ;;
  revel_default) CMD=("$REVEL" -o /dev/null -- "${w[@]}") ;;
  *) WHY="unknown config $cfg"; return 1 ;;
  esac
  if [ -n "$cpu" ]; then CMD=(taskset -c "$cpu" "${CMD[@]}"); fi
  return 0
}

# ---- running one measurement ----------------------------------------------

CHILD=
SLEEPER=

# descendants PID: every process below PID (read from /proc), depth first.
descendants() {
  local c
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

cleanup() {
  if [ -n "$CHILD" ]; then kill_tree "$CHILD"; fi
  if [ -n "$SLEEPER" ]; then kill -TERM "$SLEEPER" 2>/dev/null; fi
}
trap 'cleanup; log "bench/run.sh: interrupted"; exit 130' INT TERM

# run_cmd ERRFILE: runs CMD with stdin and stdout on /dev/null and stderr to
# ERRFILE, sets RC (124 on timeout) and US (wall microseconds). The timeout
# watchdog is a plain `sleep` started before the clock starts, so the timed
# path is the same fork+exec+wait for every configuration.
run_cmd() {
  local err=$1 t0 t1 first=
  SLEEPER=
  if ((TIMEOUT > 0)); then
    sleep "$TIMEOUT" &
    SLEEPER=$!
  fi
  t0=$EPOCHREALTIME
  "${CMD[@]}" </dev/null >/dev/null 2>"$err" &
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

# measure KEY WORKLOAD CONFIG CPU MODE: MODE is "warmup" (untimed, stderr
# kept for the failure note) or "timed" (stderr to /dev/null).
measure() {
  local key=$1 wl=$2 cfg=$3 cpu=$4 mode=$5 err=/dev/null last
  [ -n "${FAIL[$key]:-}" ] && return
  if ! build_cmd "$wl" "$cfg" "$cpu"; then
    FAIL[$key]=$WHY
    return
  fi
  [ "$mode" = warmup ] && err=$TMPERR
  run_cmd "$err"
  if ((RC != 0)); then
    if ((RC == 124)); then
      FAIL[$key]="killed after ${TIMEOUT}s (BENCH_TIMEOUT)"
    else
      FAIL[$key]="exit status $RC"
    fi
    if [ "$mode" = warmup ] && [ -s "$TMPERR" ]; then
      last=$(grep -v '^[[:space:]]*$' "$TMPERR" | tail -n 1 | cut -c1-120)
      [ -n "$last" ] && FAIL[$key]+=": $last"
    fi
    [ "$mode" = timed ] && FAIL[$key]+=" (in a timed run)"
    return
  fi
  [ "$mode" = timed ] && SAMPLES[$key]+="$US "
}

# ---- statistics -------------------------------------------------------------

# median_s KEY: median of the samples, in seconds ("" when FAILED/no data).
median_s() {
  local key=$1
  [ -n "${FAIL[$key]:-}" ] && return
  [ -n "${SAMPLES[$key]:-}" ] || return
  printf '%s\n' ${SAMPLES[$key]} | sort -n | awk '
    { a[NR] = $1 }
    END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
          printf "%.6f\n", m / 1e6 }'
}

# spread_pct KEY: (max - min) / median, in percent.
spread_pct() {
  local key=$1
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

# ---- reporting ----------------------------------------------------------------

report_header() {
  local revel_state=present guest_state=present
  [ -x "$REVEL" ] || revel_state=MISSING
  [ -x "$GUEST" ] || guest_state=MISSING
  echo "revel benchmark, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "host: $(uname -n), kernel $(uname -r), $(nproc) CPUs online, affinity $(taskset -pc $$ 2>/dev/null | sed 's/.*: //' || echo '?')"
  echo "revel: $REVEL ($revel_state)"
  echo "guest: $GUEST ($guest_state)"
  if command -v strace >/dev/null; then echo "strace: $(strace -V 2>/dev/null | head -n 1)"; else echo "strace: not installed"; fi
  echo "method: wall time, median of $RUNS interleaved runs per configuration$([ "$WARMUP" = 1 ] && echo ', after one untimed warm-up pass')"
  echo "NOTE: one run on a shared, noisy machine; read the ratios, not the absolute times."
  echo
  echo "configurations (W = the workload command):"
  local c
  for c in "${CONFIGS[@]}"; do printf '  %-32s %s\n' "${LABEL[$c]}" "${CMDLINE[$c]}"; done
}

report_workload() {
  local wl=$1 c key med nat st notes=()
  nat=$(median_s "main|$wl|native|")
  st=$(median_s "main|$wl|strace|")
  echo
  echo "== ${WLABEL[$wl]} =="
  printf '%-32s %10s %10s %12s %8s\n' config "median s" "x native" "x strace -f" spread
  for c in "${CONFIGS[@]}"; do
    key="main|$wl|$c|"
    med=$(median_s "$key")
    if [ -z "$med" ]; then
      printf '%-32s %10s\n' "${LABEL[$c]}" FAILED
      notes+=("${LABEL[$c]}: ${FAIL[$key]:-no data}")
      continue
    fi
    printf '%-32s %10.4f %10s %12s %8s\n' "${LABEL[$c]}" "$med" \
      "$(fmt_ratio "$(ratio "$med" "$nat")")" "$(fmt_ratio "$(ratio "$med" "$st")")" \
      "$(spread_pct "$key")"
  done
  local n
  for n in "${notes[@]}"; do echo "  FAILED $n"; done
}

NPASS=0
NMISS=0
# target DESCRIPTION WORKLOAD CONFIG BASE-CONFIG LIMIT
target() {
  local desc=$1 wl=$2 cfg=$3 base=$4 limit=$5 a b r verdict detail
  a=$(median_s "main|$wl|$cfg|")
  b=$(median_s "main|$wl|$base|")
  r=$(ratio "$a" "$b")
  if [ -z "$r" ]; then
    verdict=MISS
    detail="no data ($([ -z "$a" ] && echo "${LABEL[$cfg]}" || echo "${LABEL[$base]}") FAILED)"
  else
    detail="measured $(fmt_ratio "$r")"
    if awk -v r="$r" -v l="$limit" 'BEGIN { exit !(r <= l) }'; then verdict=PASS; else verdict=MISS; fi
  fi
  if [ "$verdict" = PASS ]; then NPASS=$((NPASS + 1)); else NMISS=$((NMISS + 1)); fi
  printf '%-4s  %-52s %s\n' "$verdict" "$desc" "$detail"
}

report_targets() {
  echo
  echo "== targets =="
  target "openat-only <= 1.10x native (getppid loop)" getppid openat_only native 1.10
  target "openat-only <= 1.10x native (find)" find openat_only native 1.10
  target "noop-all <= 0.60x strace -f (find)" find noop_all strace 0.60
  target "default tool <= 1.00x strace -f (getppid loop)" getppid revel_default strace 1.00
  target "default tool <= 1.00x strace -f (find)" find revel_default strace 1.00
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
  local c p key med nat un notes=()
  printf '%-32s %-10s %10s %16s %16s\n' config placement "median s" "x native(same)" "pinned/unpinned"
  for c in "${PLACE_CONFIGS[@]}"; do
    un=$(median_s "place|getppid|$c|")
    for p in "" "$PIN_CPU"; do
      key="place|getppid|$c|$p"
      local pl=unpinned
      [ -n "$p" ] && pl="cpu $p"
      med=$(median_s "$key")
      if [ -z "$med" ]; then
        printf '%-32s %-10s %10s\n' "${LABEL[$c]}" "$pl" FAILED
        notes+=("${LABEL[$c]} ($pl): ${FAIL[$key]:-no data}")
        continue
      fi
      nat=$(median_s "place|getppid|native|$p")
      local pu=""
      [ -n "$p" ] && pu=$(fmt_ratio "$(ratio "$med" "$un")")
      printf '%-32s %-10s %10.4f %16s %16s\n' "${LABEL[$c]}" "$pl" "$med" \
        "$(fmt_ratio "$(ratio "$med" "$nat")")" "$pu"
    done
  done
  local n
  for n in "${notes[@]}"; do echo "  FAILED $n"; done
}

# ---- main -------------------------------------------------------------------

TMPERR=$(mktemp "${TMPDIR:-/tmp}/revel-bench.XXXXXX") || exit 2
trap 'rm -f "$TMPERR"' EXIT

PLACE_SKIP=
if ! command -v taskset >/dev/null; then
  PLACE_SKIP="taskset not found (install util-linux)"
elif ! taskset -c "$PIN_CPU" true 2>/dev/null; then
  PLACE_SKIP="taskset -c $PIN_CPU fails here (CPU not in the allowed set? set BENCH_CPU)"
fi

[ -x "$REVEL" ] || log "bench: $REVEL not found: revel configurations will show FAILED"
[ -x "$GUEST" ] || log "bench: $GUEST not found: the getppid workload will show FAILED"

# One pass over every (workload, config[, placement]) in round-robin order.
main_pass() { # MODE
  local wl c
  for wl in "${WORKLOADS[@]}"; do
    for c in "${CONFIGS[@]}"; do measure "main|$wl|$c|" "$wl" "$c" "" "$1"; done
  done
}
place_pass() { # MODE
  local c p
  [ -n "$PLACE_SKIP" ] && return
  for c in "${PLACE_CONFIGS[@]}"; do
    for p in "" "$PIN_CPU"; do measure "place|getppid|$c|$p" getppid "$c" "$p" "$1"; done
  done
}

if [ "$WARMUP" = 1 ]; then
  log "bench: warm-up pass"
  main_pass warmup
fi
for ((i = 1; i <= RUNS; i++)); do
  log "bench: main section, pass $i/$RUNS"
  main_pass timed
done
if [ -z "$PLACE_SKIP" ]; then
  [ "$WARMUP" = 1 ] && place_pass warmup
  for ((i = 1; i <= RUNS; i++)); do
    log "bench: CPU placement section, pass $i/$RUNS"
    place_pass timed
  done
fi

mkdir -p "$RESULTS_DIR"
{
  report_header
  for wl in "${WORKLOADS[@]}"; do report_workload "$wl"; done
  report_targets
  report_placement
} | tee "$RESULTS"
log "bench: results written to $RESULTS"
exit 0
