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
exec busted --lua=luajit -o utfTerminal "$@"
