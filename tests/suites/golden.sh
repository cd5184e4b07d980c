#!/bin/sh
# golden.sh - every rule's golden Go files (tests/golden/<RULE>/): each
# `// want` line must be reported and nothing else (TAP).
exec "${BUILD:-build}/asan/tools/golden" tests/golden
