#!/bin/sh
# Every C file of the tree is as .clang-format lays it out (`make format`
# fixes them). Prints the files that are not and fails; exits 0 when all are.
cd "$(dirname "$0")/.." || exit 2
if ! command -v clang-format >/dev/null 2>&1; then
	echo "clang-format not found (Debian: clang-format)" >&2
	exit 1
fi
if [ -d .git ] || git rev-parse --git-dir >/dev/null 2>&1; then
	files=$(git ls-files -- '*.c' '*.h')
else
	files=$(find . -path './build*' -prune -o -name '*.[ch]' -print)
fi
bad=""
for f in $files; do
	clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad="$bad $f"
done
if [ -n "$bad" ]; then
	echo "not clang-formatted (run make format):$bad" >&2
	exit 1
fi
