#!/usr/bin/env bash
# Render the app icon's PNG sizes (resources/icons/) from its SVG, for desktops and
# docks that want bitmaps. The PNGs are committed: building a wheel or bundle then
# needs no SVG renderer. Rerun after editing resources/article-reader.svg.
# Needs rsvg-convert (Debian: apt install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/.."
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" resources/article-reader.svg \
    --output "resources/icons/article-reader-$size.png"
done
ls -l resources/icons
