#!/bin/sh
# Make Debian's Chromium (and a CJK font for readable screenshots) available for the browser test.
# Never downloads a browser build of its own: it uses the distribution's package or nothing.
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = "0" ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "ensure-chromium: chromium is missing and this user cannot install it; the browser test will be skipped" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null \
    || echo "ensure-chromium: apt-get could not install chromium; the browser test will be skipped" >&2
exit 0
