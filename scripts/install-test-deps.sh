#!/usr/bin/env bash
# Installs what the test suite needs on a Debian 12 machine: PostgreSQL 15, pgvector 0.8.0 (built from
# Debian's trixie source package, since bookworm has none), Redis and PgBouncer. Idempotent: does nothing when all
# four are already there. Needs root (or sudo) only when something is missing.
set -euo pipefail

PGVECTOR_VERSION=0.8.0
PG_MAJOR=15

log() { printf '[install-test-deps] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

pg_bindir() { echo "/usr/lib/postgresql/${PG_MAJOR}/bin"; }

have_postgres() { [ -x "$(pg_bindir)/postgres" ] && [ -x "$(pg_bindir)/initdb" ]; }
have_redis() { command -v redis-server >/dev/null 2>&1; }
have_pgbouncer() { command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ]; }
have_pgvector() {
  local control="/usr/share/postgresql/${PG_MAJOR}/extension/vector.control"
  [ -f "$control" ] && grep -q "default_version = '${PGVECTOR_VERSION}'" "$control"
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# The trixie source entry reuses the mirror this machine already uses for Debian, so no host is hard-coded.
debian_mirror() {
  local uri
  uri=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' \
    | grep -E '/debian/?$' | head -n 1 || true)
  if [ -z "$uri" ]; then
    uri=$(grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | grep -E '/debian/?$' | head -n 1 || true)
  fi
  [ -n "$uri" ] || { log "cannot find the Debian mirror in apt's sources"; exit 1; }
  echo "$uri"
}

build_pgvector() {
  local list=/etc/apt/sources.list.d/agentstore-trixie-src.sources
  if [ ! -f "$list" ]; then
    printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$(debian_mirror)" | as_root tee "$list" >/dev/null
    apt_updated=0
  fi
  apt_install "postgresql-server-dev-${PG_MAJOR}" make gcc dpkg-dev
  local work
  work=$(mktemp -d)
  (
    cd "$work"
    apt-get source -qq --download-only "pgvector=${PGVECTOR_VERSION}*" >/dev/null 2>&1 \
      || apt-get source -qq --download-only pgvector >/dev/null
    dpkg-source -x --no-check ./*.dsc src >/dev/null
    cd src
    make -s PG_CONFIG="$(pg_bindir)/pg_config" >/dev/null
    as_root make -s PG_CONFIG="$(pg_bindir)/pg_config" install >/dev/null
  )
  rm -rf "$work"
}

have_postgres || { log "installing postgresql-${PG_MAJOR}"; apt_install "postgresql-${PG_MAJOR}"; }
have_redis || { log "installing redis-server"; apt_install redis-server redis-tools; }
have_pgbouncer || { log "installing pgbouncer"; apt_install pgbouncer; }
have_pgvector || { log "building pgvector ${PGVECTOR_VERSION} from Debian's source package"; build_pgvector; }
have_pgvector || { log "pgvector ${PGVECTOR_VERSION} is still missing after the build"; exit 1; }
log "PostgreSQL ${PG_MAJOR}, pgvector ${PGVECTOR_VERSION}, Redis and PgBouncer are ready"
