#!/bin/sh
# bad_input.sh - the bad-input table, tests/bad_input/run.sh (TAP).
exec sh tests/bad_input/run.sh
