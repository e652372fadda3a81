#!/usr/bin/env bash
# Set up Article Reader from a clean clone on Debian (12 or newer) or Ubuntu:
# the system libraries Qt needs, then a virtual environment in .venv with the app.
#
#   ./install.sh           the app          (then: .venv/bin/article-reader)
#   ./install.sh --tests   the app + tests  (then: .venv/bin/python -m pytest)
#
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")"

extras=""
[ "${1:-}" = "--tests" ] && extras="[test]"

# Qt's libraries for the window (X11/xcb and Wayland) and for headless tests,
# python3-venv (Debian ships venv separately) and a serif face for reading.
packages=(
  python3 python3-venv
  libgl1 libegl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xfixes0
  libxcb-xkb1 libwayland-client0 libwayland-cursor0 fonts-noto-core
)
# The tests also run freedesktop's validators on the .desktop entry and the metainfo,
# and trace the window's file opens with strace.
if [ -n "$extras" ]; then packages+=(desktop-file-utils appstream strace); fi

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
      || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
else
  echo "Not a Debian system: install Qt 6's runtime libraries and python3-venv yourself." >&2
fi

python3 - <<'PY'
import sys
if sys.version_info < (3, 11):
    sys.exit(f"Article Reader needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
PY

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet --editable ".${extras}"
# The French interface: compile the translation sources (.ts, in the repo) into the
# .qm files the app loads (a build output, so not in the repo), with Qt's lrelease.
# The editable install above does it too (setup.py); this makes sure after a pull.
.venv/bin/python -m reader.i18n build >/dev/null
echo "Article Reader is installed in .venv"
