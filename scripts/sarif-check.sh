#!/bin/sh
# sarif-check.sh - install the test-only SARIF validator under build/:
# ajv + ajv-formats (pinned by tests/sarif/package-lock.json, `npm ci`) and
# the SARIF 2.1.0 JSON schema as Microsoft's SARIF SDK ships it in
# @microsoft/sarif-multitool-linux@5.7.0 (MIT), fetched with `npm pack`,
# checked against its published sha512, of which only sarif-2.1.0.json is
# kept. Does nothing when already installed; nothing here is committed.
#
# usage: scripts/sarif-check.sh DIR    (make test passes build/sarif-check)
set -eu

out=${1:-build/sarif-check}
SCHEMA_PKG=@microsoft/sarif-multitool-linux
SCHEMA_VERSION=5.7.0
SCHEMA_TGZ=microsoft-sarif-multitool-linux-$SCHEMA_VERSION.tgz
# sha512 of the tarball: its npm dist.integrity in hex
TGZ_SHA512=37151ba6ae884825a84d0fcd7ce604c040caab51de91afeb3282794792ccc9d7006505ff5fb8399961dc8310ee6fed0cd3b2c2f7ab59e4b647bc5d50cb78234c
SCHEMA_SHA512=e5a582588fe2ec1eacb88c636a0b352411511ea06bba208ae141f1e786e899f172c2d1d9a64847709d56e26111ccc8f07984355dc8437c13f24be12e78c5e99a

src=$(cd "$(dirname "$0")/../tests/sarif" && pwd)
stamp="$out/.ok-$SCHEMA_VERSION-$(cat "$src/package-lock.json" | cksum | cut -d' ' -f1)"
[ -f "$stamp" ] && exit 0

rm -rf "$out"
mkdir -p "$out"
cp "$src/package.json" "$src/package-lock.json" "$out/"
echo "sarif-check: installing ajv (tests only)" >&2
(cd "$out" && npm ci --silent --no-audit --no-fund --ignore-scripts >/dev/null)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "sarif-check: fetching the SARIF 2.1.0 schema ($SCHEMA_PKG@$SCHEMA_VERSION)" >&2
(cd "$tmp" && npm pack --silent "$SCHEMA_PKG@$SCHEMA_VERSION" >/dev/null)
got=$(sha512sum "$tmp/$SCHEMA_TGZ" | cut -d' ' -f1)
if [ "$got" != "$TGZ_SHA512" ]; then
	echo "leakhound: '$SCHEMA_TGZ': sha512 mismatch (got $got)" >&2
	exit 2
fi
tar -xzf "$tmp/$SCHEMA_TGZ" -C "$tmp" package/sarif-2.1.0.json
got=$(sha512sum "$tmp/package/sarif-2.1.0.json" | cut -d' ' -f1)
if [ "$got" != "$SCHEMA_SHA512" ]; then
	echo "leakhound: 'sarif-2.1.0.json': sha512 mismatch (got $got)" >&2
	exit 2
fi
cp "$tmp/package/sarif-2.1.0.json" "$out/sarif-2.1.0.json"
touch "$stamp"
