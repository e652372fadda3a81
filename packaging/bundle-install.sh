#!/usr/bin/env bash
# Install Article Reader from this unpacked bundle for the current user (no root, no
# Python needed): the app goes to ~/.local/lib/article-reader, its command to
# ~/.local/bin/article-reader, its menu entry, icons and metainfo under ~/.local/share.
#
#   ./install.sh              install (or update)
#   ./install.sh --uninstall  remove all of it (your libraries' data stays in
#                             ~/.local/share/article-reader)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
lib="$HOME/.local/lib/article-reader"
bin="$HOME/.local/bin"

if [ "${1:-}" = "--uninstall" ]; then
  [ -x "$lib/article-reader" ] && XDG_DATA_HOME="$data" "$lib/article-reader" desktop uninstall
  rm -f "$bin/article-reader"
  rm -rf "$lib"
  echo "Article Reader is uninstalled."
  exit 0
fi

mkdir -p "$bin" "$(dirname "$lib")"
if [ "$here" != "$lib" ]; then
  rm -rf "$lib.new"
  cp -a "$here" "$lib.new"
  rm -rf "$lib"
  mv "$lib.new" "$lib"
fi
ln -sfn "$lib/article-reader" "$bin/article-reader"
XDG_DATA_HOME="$data" "$lib/article-reader" desktop install --launcher "$lib/article-reader" >/dev/null
echo "Article Reader is installed: the applications menu has it, and so does"
echo "  $bin/article-reader   (article-reader --help)"
case ":$PATH:" in *":$bin:"*) ;; *) echo "Add $bin to your PATH to run it by name." ;; esac
