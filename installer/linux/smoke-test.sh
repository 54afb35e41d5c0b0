#!/bin/bash
# Smoke test of the Linux package: installs the .deb (as root; otherwise unpacks the app-image tarball),
# checks what the package put on the system, then starts the INSTALLED launcher headless under Xvfb with
# --smoke-test (open the main window, load the sample data, exit 0) and takes a screenshot of its window.
#
#   installer/linux/smoke-test.sh [PACKAGE]     # .deb or .tar.xz; default: the one in installer/build/dist
#
# Needs: xvfb, xdotool, imagemagick (import) and, for the .deb, root and apt-get (or dpkg with the
# package's dependencies already present). openbox, when present, frames the window so the screenshot
# shows its title bar and icon. Leaves the package installed. Screenshot: installer/build/smoke-test.png
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
app_id=marketing-workbench
dist=$repo/installer/build/dist
shot=$repo/installer/build/smoke-test.png
package=${1:-}
fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }
ok() { echo "smoke-test: ok: $*"; }

if [ -z "$package" ]; then
  if [ "$(id -u)" = 0 ] && command -v dpkg >/dev/null; then package=$(ls "$dist"/"$app_id"_*.deb 2>/dev/null | tail -n 1)
  else package=$(ls "$dist"/"$app_id"-*-linux-x64.tar.xz 2>/dev/null | tail -n 1); fi
fi
[ -f "$package" ] || fail "no package found (build one with installer/linux/build.sh)"
for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install xvfb xdotool imagemagick)"
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

case "$package" in
  *.deb)
    [ "$(id -u)" = 0 ] || fail "installing a .deb needs root; pass the .tar.xz instead"
    echo "smoke-test: installing $package"
    # apt-get resolves the declared dependencies (GTK, a CJK font, xdg-utils); dpkg alone needs them present.
    if command -v apt-get >/dev/null; then
      # --reinstall: a rebuilt package of the same version is installed too, not skipped as "newest"
      DEBIAN_FRONTEND=noninteractive apt-get install -y --reinstall --no-install-recommends "$(readlink -f "$package")" \
        >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "apt-get install"; }
    else
      dpkg -i "$package" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "dpkg -i"; }
    fi
    grep -iE "error|warning|No writable" "$work/install.log" && fail "the install printed errors (above)"
    dpkg-query -W -f='${Status}\n' "$app_id" | grep -q "install ok installed" || fail "package not installed"
    ok "installed $(dpkg-query -W -f='${Package} ${Version}, depends: ${Depends}' "$app_id")"
    launcher=/opt/$app_id/bin/$app_id
    desktop=$(ls /usr/share/applications/*"$app_id"*.desktop 2>/dev/null | head -n 1)
    [ -n "$desktop" ] || fail "no menu entry in /usr/share/applications"
    grep -q "^Exec=$launcher" "$desktop" || fail "menu entry does not start $launcher"
    grep -q "^Exec=$launcher %F" "$desktop" || fail "menu entry does not pass the opened files (%F)"
    grep -q "^Name=Marketing Workbench" "$desktop" || fail "menu entry is not named Marketing Workbench"
    grep -q "MimeType=application/x-marketing-workbench" "$desktop" || fail "menu entry does not claim .mwb files"
    ok "menu entry $desktop"
    grep -rqs "application/x-marketing-workbench" /usr/share/mime/packages/ || fail ".mwb MIME type not registered"
    grep -qs "application/x-marketing-workbench:\*.mwb" /usr/share/mime/globs2 \
      || fail "*.mwb is not in the shared MIME database (update-mime-database from shared-mime-info)"
    ok ".mwb MIME type registered (*.mwb in /usr/share/mime/globs2)"
    [ "$(xdg-mime query default application/x-marketing-workbench 2>/dev/null)" = "$(basename "$desktop")" ] \
      || fail ".mwb files do not open with $(basename "$desktop")"
    ok ".mwb files open with $(basename "$desktop")"
    ;;
  *.tar.xz|*.tar.gz)
    tar -C "$work" -xf "$package" || fail "cannot unpack $package"
    launcher=$work/$app_id/bin/$app_id
    ok "unpacked $package"
    ;;
  *) fail "unknown package type: $package" ;;
esac
[ -x "$launcher" ] || fail "no launcher at $launcher"

# The app under a private Xvfb, a throw-away home (settings, Weka folder), a window manager if there is one.
export HOME=$work/home XDG_DATA_HOME=$work/home/data
mkdir -p "$HOME"
"$here/with-xvfb.sh" bash -c '
  launcher=$1 shot=$2 work=$3
  if command -v openbox >/dev/null; then openbox >/dev/null 2>&1 & wm=$!; sleep 0.5; fi
  start=$EPOCHREALTIME
  JAVA_TOOL_OPTIONS="-Dmwb.smokeTest.linger=3" "$launcher" --smoke-test >"$work/app.log" 2>&1 &
  app=$!
  shot_taken=""
  for i in $(seq 1800); do                              # 180 s at most
    kill -0 "$app" 2>/dev/null || break
    # the screenshot once the app reports the sample data on screen (it lingers 3 s before exiting)
    if [ -z "$shot_taken" ] && grep -q "^smoke-test: ok" "$work/app.log" 2>/dev/null; then
      sleep 0.5
      import -window root "$shot" && shot_taken=1
      # the window class, which docks match against StartupWMClass in the menu entry
      if command -v xdotool >/dev/null && command -v xprop >/dev/null; then
        window=$(xdotool search --name "Marketing Workbench" 2>/dev/null | head -n 1)
        [ -n "$window" ] && xprop -id "$window" WM_CLASS | sed -n "s/.*= \"\([^\"]*\)\".*/\1/p" >"$work/wmclass"
      fi
    fi
    sleep 0.1
  done
  if kill -0 "$app" 2>/dev/null; then
    echo "smoke-test: the app did not exit within 180 s" >&2; kill -TERM "$app"; wait "$app"; status=124
  else
    wait "$app"; status=$?
  fi
  echo "$status" >"$work/status"
  awk -v a="$start" -v b="$EPOCHREALTIME" "BEGIN { printf \"smoke-test: the app ran %.1f s\\n\", b - a }"
  [ -n "${wm:-}" ] && kill "$wm" 2>/dev/null
  exit 0
' _ "$launcher" "$shot" "$work"
status=$(cat "$work/status" 2>/dev/null || echo 1)
grep -v '^\[' "$work/app.log" | tail -n 20
[ -f "$shot" ] && ok "screenshot $shot" || echo "smoke-test: no screenshot (the window never showed)" >&2
[ "$status" = 0 ] || fail "$launcher --smoke-test exited with $status"
if [ -n "${desktop:-}" ]; then
  wm_class=$(sed -n 's/^StartupWMClass=//p' "$desktop")
  [ -n "$wm_class" ] || fail "menu entry has no StartupWMClass (docks would not match the window to it)"
  if [ -s "$work/wmclass" ]; then
    [ "$(cat "$work/wmclass")" = "$wm_class" ] \
      || fail "the window's WM_CLASS $(cat "$work/wmclass") is not the menu entry's StartupWMClass $wm_class"
    ok "the window's WM_CLASS matches the menu entry ($wm_class)"
  else
    echo "smoke-test: WM_CLASS not checked (needs xdotool and xprop from x11-utils)" >&2
  fi
fi
ok "$launcher --smoke-test exited 0"
