#!/usr/bin/env bash
# Install a PostgreSQL server for the store tests (tests/test_store_postgres.py starts its own private
# instance with initdb/pg_ctl on a temp dir; this only makes sure the binaries exist). Debian/Ubuntu, as root.
set -euo pipefail
have_pg() {
    command -v initdb >/dev/null 2>&1 && return 0
    command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ] && return 0
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}
if have_pg; then
    echo "postgres.sh: PostgreSQL binaries already installed"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Only the binaries: the package's own cluster is not used (the tests run initdb themselves).
$SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
have_pg && echo "postgres.sh: installed $(ls /usr/lib/postgresql/)"
