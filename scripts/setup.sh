#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine: Chromium and ffmpeg from apt when missing,
# then the exact npm dependencies. Optional native packages (tfjs-node,
# ffmpeg-static) install where their downloads work and are skipped elsewhere;
# which install scripts run is decided in package.json's allowScripts.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || [ -n "${CHROME_PATH:-}" ] || need+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || [ -n "${FFMPEG_PATH:-}" ] || need+=(ffmpeg)
if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${need[*]} with apt-get"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "setup: please install: ${need[*]} (or set CHROME_PATH / FFMPEG_PATH)" >&2
    exit 1
  fi
fi

npm ci --no-audit --no-fund
