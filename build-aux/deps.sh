#!/bin/sh
# Installs the Debian packages revel needs to build, test and benchmark.
# As root it runs apt-get; otherwise it prints the one line to run.
set -e
PKGS="build-essential cmake pkg-config libluajit2-5.1-dev luajit2 libseccomp-dev lua-busted libreadline-dev strace gdb tmux python3 git xz-utils perl"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "revel needs:$missing" >&2
	echo "run: sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends $missing
