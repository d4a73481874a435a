#!/bin/sh
# Runs one busted spec file under LuaJIT, as ctest registers it.
# With a sanitized build the module needs the sanitizer runtimes preloaded.
if ! command -v busted >/dev/null 2>&1; then
	echo "busted not found: this spec cannot run (Debian: lua-busted; elsewhere: luarocks install busted)" >&2
	exit 1
fi
if [ -n "$REVEL_SANITIZE_PRELOAD" ]; then
	LD_PRELOAD="$REVEL_SANITIZE_PRELOAD"
	export LD_PRELOAD
fi
# Guests' calls follow the environment: the locale decides which locale
# files a program opens (a count, the Nth openat), PATH which python3 runs (a
# pyenv shim is a shell script first, with writes of its own). The specs and
# the docs' examples assume Debian's: its default PATH and a UTF-8 C locale.
LANG=C.UTF-8
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export LANG PATH
unset LC_ALL LANGUAGE LC_CTYPE LC_MESSAGES LC_COLLATE LC_NUMERIC LC_TIME LC_MONETARY
# The guest set (ctest's guest/spec/NAME): what cannot run under the in-guest
# backend is listed in spec/guest_backend_skips.lua, with its reason; a whole
# file listed there is skipped (exit 77, ctest's Skipped) saying why, a row
# runs as pending with the reason in its name.
if [ "${REVEL_BACKEND:-}" = guest ]; then
	here=$(dirname "$0")
	REVEL_SPEC=$(basename "$1" _spec.lua)
	export REVEL_SPEC
	luajit "$here/guest_skips.lua" whole "$REVEL_SPEC" || exit $?
	exec busted --lua=luajit -o utfTerminal --helper="$here/guest_skips.lua" "$@"
fi
exec busted --lua=luajit -o utfTerminal "$@"
