#!/bin/sh
# deps.sh - make sure the Debian packages leakhound builds and tests with are
# installed. As root, installs what is missing with apt-get; otherwise prints
# the exact apt-get line and exits 2.
#
# usage: scripts/deps.sh [build|test|bench]
#   build: what `make` needs; test: also what `make test` needs;
#   bench: also what bench/scan-std compares with (staticcheck, go vet,
#   GNU time for peak RSS).
set -eu

mode=${1:-build}

build_pkgs="gcc make pkg-config libtree-sitter-dev zlib1g-dev libcurl4-openssl-dev \
libjansson-dev libxxhash-dev libprotobuf-c-dev protobuf-c-compiler \
libmicrohttpd-dev libelf-dev ca-certificates"
test_pkgs="libcmocka-dev golang-go clang libclang-rt-14-dev valgrind"
bench_pkgs="golang-go go-staticcheck time"

pkgs=$build_pkgs
[ "$mode" = test ] && pkgs="$pkgs $test_pkgs"
[ "$mode" = bench ] && pkgs="$pkgs $bench_pkgs"

missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
# npm fetches the grammar; a node install of its own (not Debian's) is fine
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "leakhound: missing packages; run as root:" >&2
	echo "  apt-get update && apt-get install -y$missing" >&2
	exit 2
fi
echo "deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# an old package list finds nothing: refresh it once per run
apt-get update -qq >&2
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >&2
