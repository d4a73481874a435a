#!/bin/sh
# Checks that what revel needs is here: `build` (compiler, CMake, LuaJIT,
# libseccomp, readline), `test` and `bench` (also busted, strace and the
# programs the specs run); no argument means everything.
# It looks for the tools and libraries themselves, so with everything present
# it exits at once and never asks a package manager. On Debian it installs
# what is missing (as root; otherwise it prints the one line to run). Elsewhere
# it names what it did not find and leaves the verdict to CMake, since a tool
# may be there under a name or a prefix this script does not know.
set -e
what=${1:-all}
case $what in
build | test | bench | all) ;;
*)
	echo "usage: $0 [build|test|bench|all]" >&2
	exit 2
	;;
esac

# Items are NAME:DEBIAN-PACKAGE.
missing=""
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing="$missing $1:$2"; }
need_pc() { pkg-config --exists "$1" 2>/dev/null || missing="$missing $1:$2"; }

need_cmd cc build-essential
need_cmd cmake cmake
need_cmd pkg-config pkg-config
need_cmd luajit luajit2
need_pc luajit libluajit2-5.1-dev
need_pc libseccomp libseccomp-dev
need_pc libdw libdw-dev # -k's unwinder (the build works without it; -k then says so)
[ -e /usr/include/libiberty/demangle.h ] || missing="$missing libiberty:libiberty-dev" # -k's C++ names
# CMake takes readline from pkg-config or, failing that, from the include path.
pkg-config --exists readline 2>/dev/null || [ -e /usr/include/readline/readline.h ] ||
	missing="$missing readline:libreadline-dev"
if [ "$what" != build ]; then
	need_cmd busted lua-busted
	need_cmd strace strace
	need_cmd python3 python3
	need_cmd gdb gdb
	need_cmd tmux tmux
	need_cmd git git
	need_cmd xz xz-utils
	need_cmd perl perl
	need_cmd chromium chromium # --timeline's page, opened headless by its spec
	need_cmd clang-format clang-format # style/clang-format: the C layout of .clang-format
	need_cmd perf linux-perf # bench's sched section: the Lua strategies' share of the tracer's CPU
fi
[ -z "$missing" ] && exit 0

names=""
pkgs=""
for m in $missing; do
	names="$names ${m%%:*}"
	case " $pkgs " in
	*" ${m#*:} "*) ;;
	*) pkgs="$pkgs ${m#*:}" ;;
	esac
done

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
	echo "revel: not found here:$names" >&2
	echo "revel: install them with your system's package manager if the build or the tests need them" >&2
	exit 0
fi

# Only the packages not installed: a tool can be missing from PATH while its
# package is there, and then apt-get cannot help.
install=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		install="$install $p"
done
if [ -z "$install" ]; then
	echo "revel: not found:$names, though their Debian packages are installed; check PATH" >&2
	exit 0
fi
if [ "$(id -u)" != 0 ]; then
	echo "revel needs:$install" >&2
	echo "run: sudo apt-get update && sudo apt-get install -y$install" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends $install
