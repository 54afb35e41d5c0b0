#!/bin/bash
# Writes the AppCDS archive IMAGE/lib/app/APP_ID.jsa: runs the app image once, headless under Xvfb, with
# --smoke-test (open the main window, load the sample data, exit) and -XX:ArchiveClassesAtExit, so the
# classes loaded up to a working first window (JavaFX, AtlantaFX, Tablesaw, the app) come from a
# memory-mapped archive on every later start instead of being read, verified and parsed from the jars.
#   installer/linux/train-cds.sh IMAGE APP_ID
# Exit status 0 when the archive was written. Called by build.sh.
set -uo pipefail
image=$(cd "$1" && pwd)
app_id=$2
archive=$image/lib/app/$app_id.jsa
here=$(cd "$(dirname "$0")" && pwd)
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null 2>&1 || { echo "train-cds.sh: $tool is missing (apt-get install xvfb xdotool)" >&2; exit 1; }
done
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
rm -f "$archive"

# The jpackage launcher ignores JDK_JAVA_OPTIONS, but the JVM itself reads JAVA_TOOL_OPTIONS.
# HOME and XDG_DATA_HOME point at a throw-away folder: the training run leaves nothing in the builder's home.
JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$archive" HOME="$home" XDG_DATA_HOME="$home/data" \
  "$here/with-xvfb.sh" bash -c '
    "$1" --smoke-test >"$2/out.log" 2>&1 &
    app=$!
    shown=""
    for i in $(seq 1200); do                       # up to 120 s on a busy machine
      kill -0 "$app" 2>/dev/null || break
      if [ -z "$shown" ] && xdotool search --onlyvisible --pid "$app" >/dev/null 2>&1; then shown=$i; fi
      # An app without a working --smoke-test keeps its window open: close it 30 s after it is shown.
      if [ -n "$shown" ] && [ $((i - shown)) -ge 300 ]; then break; fi
      sleep 0.1
    done
    if kill -0 "$app" 2>/dev/null; then
      echo "train-cds.sh: the app did not exit by itself after its window was shown; closing it" >&2
      kill -TERM "$app"                             # a SIGTERM exit still writes the archive
    fi
    wait "$app"
    echo "training run exit status: $?"
  ' _ "$image/bin/$app_id" "$home"
cat "$home/out.log" | grep -v '^\[' | tail -n 5
if [ -s "$archive" ]; then
  echo "train-cds.sh: wrote $archive ($(du -h "$archive" | cut -f1))"
else
  echo "train-cds.sh: no archive was written" >&2
  exit 1
fi
