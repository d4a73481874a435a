#!/bin/sh
# Runs the whole ctest suite twice at once on one build, as two people or two
# CI jobs on one machine would. Each spec keeps to a temporary directory and
# to processes of its own, so neither run may disturb the other: both must
# pass. Both start from the same recorded test costs, so they run the tests
# in the same order and each spec meets its own twin.
# Usage: test-parallel.sh BUILD_DIR [CTEST_ARGS...]
set -u
build=${1:?usage: $0 BUILD_DIR [CTEST_ARGS...]}
shift
logs=$(mktemp -d "${TMPDIR:-/tmp}/revel-parallel.XXXXXX") || exit 1
trap 'rm -rf "$logs"' EXIT
cd "$build" || exit 1

start=$(date +%s)
ctest --output-on-failure -j 2 --timeout 600 "$@" > "$logs/1" 2>&1 &
p1=$!
ctest --output-on-failure -j 2 --timeout 600 "$@" > "$logs/2" 2>&1 &
p2=$!
wait $p1
r1=$?
wait $p2
r2=$?

for n in 1 2; do
	eval "r=\$r$n"
	if [ "$r" = 0 ]; then
		echo "== suite $n: passed"
		grep -E "tests passed|Total Test time" "$logs/$n"
	else
		echo "== suite $n: FAILED (ctest exit $r)"
		cat "$logs/$n"
	fi
done
echo "== two suites at once: $(($(date +%s) - start)) s"
[ "$r1" = 0 ] && [ "$r2" = 0 ]
