#!/usr/bin/env bash
# The full test suite: installs what is missing (PostgreSQL 15, pgvector, Redis), then builds and tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
mvn -B verify
bash scripts/check-generated.sh
