#!/bin/bash
# Runs a command with DISPLAY set to a private Xvfb server (1280x800x24) on a free display number,
# and stops that server afterwards. Exit status: the command's. Needs Debian's xvfb.
#   installer/linux/with-xvfb.sh COMMAND [ARG...]
set -uo pipefail
command -v Xvfb >/dev/null 2>&1 || { echo "with-xvfb.sh: Xvfb is missing (apt-get install xvfb)" >&2; exit 127; }
displayfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$displayfile" 2>/dev/null &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; rm -f "$displayfile"' EXIT
for _ in $(seq 100); do
  [ -s "$displayfile" ] && break
  kill -0 "$xvfb" 2>/dev/null || { echo "with-xvfb.sh: Xvfb did not start" >&2; exit 127; }
  sleep 0.05
done
[ -s "$displayfile" ] || { echo "with-xvfb.sh: Xvfb did not report a display" >&2; exit 127; }
export DISPLAY=":$(head -n 1 "$displayfile")"
"$@"
