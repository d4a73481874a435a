#!/bin/sh
# Runs one busted spec file under LuaJIT, as ctest registers it.
# With a sanitized build the module needs the sanitizer runtimes preloaded.
if [ -n "$REVEL_SANITIZE_PRELOAD" ]; then
	LD_PRELOAD="$REVEL_SANITIZE_PRELOAD"
	export LD_PRELOAD
fi
exec busted --lua=luajit -o utfTerminal "$@"
