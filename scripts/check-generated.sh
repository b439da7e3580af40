#!/usr/bin/env bash
# Regenerates the committed jOOQ sources from the migrations and fails when they differ from what is committed:
# a migration changed without regenerating, or generated code edited by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl codegen -am compile exec:exec
changes=$(git status --porcelain -- '*/src/main/jooq/*')
if [ -n "$changes" ]; then
  echo "The committed jOOQ sources differ from a fresh generation. Regenerate with:" >&2
  echo "  mvn -B -q -pl codegen -am compile exec:exec" >&2
  echo "$changes" >&2
  git --no-pager diff --stat -- '*/src/main/jooq/*' >&2
  exit 1
fi
echo "[check-generated] jOOQ sources match the migrations"
