#!/bin/sh
# fuzz.sh - every libFuzzer target: its regression inputs replayed, then a
# short fixed budget of fuzzing (FUZZ_TEST_SECONDS, default 5 s each) from a
# fixed seed, so a CI run does not depend on a lucky draw; the
# long runs are `make fuzz FUZZ_SECONDS=N` (TAP).
exec sh tests/fuzz/run.sh -t "${FUZZ_TEST_SECONDS:-5}" -s 1
