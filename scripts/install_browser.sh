#!/bin/sh
# Install headless Chromium for the audit's browser test (tests/audit/test_browser.py,
# scripts/browser_check.py). Debian/Ubuntu package `chromium`. Does nothing when a Chromium is
# already on PATH. Meant for CI (the test command runs it when CI=true and chromium is missing).
set -eu
for name in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$name" >/dev/null 2>&1; then
        echo "install_browser: $name already installed: $(command -v "$name")"
        exit 0
    fi
done
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser: no apt-get here; install Chromium with your package manager" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
    SUDO="sudo"
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-noto-color-emoji
command -v chromium
