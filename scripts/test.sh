#!/usr/bin/env bash
# The full test suite: installs what is missing (PostgreSQL 15, pgvector, Redis), then builds and tests.
# Fails too if HikariCP's leak detection (on in the test fixtures) reported a connection never returned.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
mvn -B verify 2>&1 | tee "$log"
if grep -q "Connection leak detection triggered" "$log"; then
    echo "HikariCP reported a connection leak during the tests (see above)" >&2
    exit 1
fi
bash scripts/check-generated.sh
