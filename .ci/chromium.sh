#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (tests/test_browser.py drives it with Playwright by its
# executable path; no browser is downloaded by Playwright). Debian/Ubuntu, as root; the tests skip without it.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
    echo "chromium.sh: chromium already installed"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
command -v chromium && echo "chromium.sh: installed $(chromium --version 2>/dev/null || true)"
