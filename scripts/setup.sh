#!/usr/bin/env bash
# Prepares this machine for OpsRelay's tests (Debian, as root): PostgreSQL with pgvector, and Debian's
# Chromium for the end-to-end tests (Playwright cannot download its own browser offline).
# Idempotent and quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "setup: installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

bash scripts/setup-pgvector.sh
