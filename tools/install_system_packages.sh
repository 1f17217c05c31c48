#!/usr/bin/env bash
# Installs the Debian packages Shuwu needs (Qt runtime libraries, a CJK font, test checkers).
# Usage: tools/install_system_packages.sh run|test
set -euo pipefail
mode=${1:-test}
runtime=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-image0 libxcb-render-util0
  libxcb-xinerama0 libxcb-randr0 libnss3 libasound2 libxrandr2 libxcomposite1 libxdamage1
  libxtst6 libxi6 fonts-wqy-microhei libyaz5)
checkers=(xvfb xauth zbar-tools poppler-utils yaz libnet-z3950-simpleserver-perl chromium)
wanted=("${runtime[@]}")
[ "$mode" = test ] && wanted+=("${checkers[@]}")
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Not a Debian/Ubuntu system: install the equivalents of: ${missing[*]}" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
