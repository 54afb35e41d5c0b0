#!/bin/sh
# Regenerates every raster icon from the SVG sources in this folder.
#
#   icons/build-icons.sh            (from anywhere; needs Debian's librsvg2-bin, imagemagick, icnsutils)
#
# Sources:  app-icon.svg (24 px and up), app-icon-16.svg (hand-hinted 16 px),
#           mwb-file.svg (24 px and up), mwb-file-16.svg (hand-hinted 16 px).
# Outputs:  png/app-icon-<size>.png, png/mwb-file-<size>.png   (Linux packages, desktop files, docs)
#           app-icon.ico, mwb-file.ico                           (Windows installer and file association)
#           app-icon.icns, mwb-file.icns                         (macOS bundle and file association)
#           src/main/resources/org/marketingworkbench/app/icons/app-<size>.png
#                                                                (window icons, 16/32/48/64/128/256)
# The outputs are committed (see README.md): the Windows and macOS installer builds use them as they are.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
window_icons="$repo/src/main/resources/org/marketingworkbench/app/icons"

for tool in rsvg-convert convert png2icns; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build-icons.sh: '$tool' is missing; on Debian/Ubuntu: apt-get install librsvg2-bin imagemagick icnsutils" >&2
    exit 1
  fi
done

mkdir -p "$here/png" "$window_icons"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# render NAME SIZE: draws one size, from the hand-hinted 16 px source where there is one.
render() {
  name=$1 size=$2
  src="$here/$name.svg"
  if [ "$size" -le 16 ] && [ -f "$here/$name-16.svg" ]; then
    src="$here/$name-16.svg"
  fi
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio --format png \
    "$src" --output "$here/png/$name-$size.png"
}

for name in app-icon mwb-file; do
  for size in 16 24 32 48 64 128 256 512 1024; do
    render "$name" "$size"
  done

  # Windows: one .ico holding 16…256 (ImageMagick stores the 256 px entry PNG-compressed, as Vista+ expects).
  convert $(for s in 16 24 32 48 64 128 256; do echo "$here/png/$name-$s.png"; done) \
    -define png:exclude-chunks=date,time "$here/$name.ico"

  # macOS: png2icns picks the icon type from each PNG's size (16, 32, 48, 128, 256, 512, 1024).
  png2icns "$here/$name.icns" $(for s in 16 32 48 128 256 512 1024; do echo "$here/png/$name-$s.png"; done) >"$work/png2icns.log"
done

# Window icons on the classpath: Stage.getIcons() picks the best size for title bar, task bar and Alt-Tab.
for size in 32 128; do   # the sizes JavaFX hands to the window system (see WorkbenchWindow.addIcons)
  cp "$here/png/app-icon-$size.png" "$window_icons/app-$size.png"
done

echo "icons written to $here and $window_icons"
