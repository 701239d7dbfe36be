#!/usr/bin/env bash
# Makes the local PostgreSQL server ready for OpsRelay: running, with the pgvector extension available.
# Debian bookworm has no pgvector package, so we build trixie's source package against PostgreSQL 15.
# Idempotent: exits in well under a second when `vector` is already available.
set -euo pipefail

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER

pg_version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1 || true)
if [ -z "$pg_version" ]; then
  echo "setup-pgvector: no PostgreSQL cluster under /etc/postgresql; install PostgreSQL first" >&2
  exit 1
fi

if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  echo "setup-pgvector: starting PostgreSQL $pg_version"
  pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start
  for _ in $(seq 1 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 0.5; done
fi

available() {
  psql -d postgres -tAc "select 1 from pg_available_extensions where name = 'vector'" 2>/dev/null | grep -q 1
}

if available; then
  echo "setup-pgvector: pgvector already available"
  exit 0
fi

pg_config=/usr/lib/postgresql/$pg_version/bin/pg_config
work=$(mktemp -d)
chmod 755 "$work"  # apt downloads as the _apt user
trap 'rm -rf "$work"' EXIT

export DEBIAN_FRONTEND=noninteractive
if [ ! -x "$pg_config" ] || ! dpkg -s "postgresql-server-dev-$pg_version" >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq "postgresql-server-dev-$pg_version" make gcc >/dev/null
fi

# The mirror the system already uses, read at run time (never hard-coded).
mirror=$( { grep -rhoE '^(URIs:|deb(-src)?)\s+\S+' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null || true; } \
  | awk '{print $2}' | grep -v security | grep -E '/debian/?$' | head -1 || true)
if [ -z "$mirror" ]; then
  echo "setup-pgvector: could not find the Debian mirror in the apt sources" >&2
  exit 1
fi

# A private source list used only for this download; trixie never enters the system's binary sources.
mkdir -p "$work/lists/partial" "$work/parts"
echo "deb-src $mirror trixie main" > "$work/sources.list"
apt_opts=(-o "Dir::Etc::sourcelist=$work/sources.list" -o "Dir::Etc::sourceparts=$work/parts" -o "Dir::State::Lists=$work/lists")
apt-get "${apt_opts[@]}" update -qq
(cd "$work" && apt-get "${apt_opts[@]}" source --download-only pgvector >/dev/null)

tarball=$(ls "$work"/pgvector_*.orig.tar.* | head -1)
mkdir -p "$work/src"
tar -xf "$tarball" -C "$work/src" --strip-components=1
make -s -C "$work/src" PG_CONFIG="$pg_config" >/dev/null
make -s -C "$work/src" install PG_CONFIG="$pg_config" >/dev/null

available && echo "setup-pgvector: pgvector installed from $(basename "$tarball")"
