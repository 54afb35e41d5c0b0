#!/bin/bash
# Cold start to first window: the installed app against a bare JavaFX window, in the same run, under Xvfb.
#
#   installer/linux/measure-startup.sh [LAUNCHER] [RUNS]
#
# LAUNCHER defaults to the installed /opt/marketing-workbench/bin/marketing-workbench, else the app image in
# installer/build/image. RUNS (default 7) runs of each contender, interleaved, after one discarded warm-up
# round; prints each contender's median and its ratio to the bare window.
#
# "First window" is the moment the X server maps the program's first top-level window, seen by
# `xev -root -event substructure` (blocked on the X connection, so the watcher costs no CPU while the
# program starts) and stamped with the shell's $EPOCHREALTIME; the start is stamped just before the
# program is launched. The same clock and the same event for every contender.
# Contenders:
#   bare-classpath   BareWindow.java (installer/bench) on the builder's JDK, JavaFX jars on the class path
#                    (the "0.9 s" baseline of TOOLCHAIN.md)
#   bare-runtime     the same window on the installed app's bundled runtime (JavaFX as modules, trained CDS)
#   app-installed    the installed launcher (its runtime's CDS archive trained at build time)
#   app-default-cds  the same launcher with jlink's default CDS archive instead (_JAVA_OPTIONS, which comes
#                    after the launcher's own options), when installer/build/classes-default.jsa exists
#   app-options      the same launcher with _JAVA_OPTIONS=$MEASURE_APP_OPTIONS, when that is set (experiments,
#                    e.g. an AppCDS archive: MEASURE_APP_OPTIONS=-XX:SharedArchiveFile=top.jsa)
# Needs: xvfb, x11-utils (xev), a JDK 17 (javac), target/lib from `mvn package`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
app_id=marketing-workbench
launcher=${1:-}
runs=${2:-7}
if [ -z "$launcher" ]; then
  if [ -x "/opt/$app_id/bin/$app_id" ]; then launcher=/opt/$app_id/bin/$app_id
  else launcher=$repo/installer/build/image/$app_id/bin/$app_id; fi
fi
[ -x "$launcher" ] || { echo "measure-startup.sh: no launcher at $launcher (build or install first)" >&2; exit 1; }
if [ -z "${DISPLAY:-}" ] || [ "${MEASURE_IN_XVFB:-}" != 1 ]; then
  MEASURE_IN_XVFB=1 exec "$here/with-xvfb.sh" "$0" "$launcher" "$runs"
fi
command -v xev >/dev/null || { echo "measure-startup.sh: xev is missing (apt-get install x11-utils)" >&2; exit 1; }

appdir=$(dirname "$(dirname "$launcher")")
runtime_java=$appdir/lib/runtime/bin/java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fx_cp=$(ls "$repo"/target/lib/javafx-*-linux.jar | tr '\n' ':')
javac -d "$work/bare" --class-path "$fx_cp" "$repo/installer/bench/BareWindow.java"
default_jsa=$repo/installer/build/classes-default.jsa    # jlink's archive, kept by train-cds.sh

# time_to_window CMD...: prints the milliseconds from launch to the first mapped top-level window.
time_to_window() {
  rm -f "$work/mapped" "$work/events"
  mkfifo "$work/events"
  xev -root -event substructure >"$work/events" 2>/dev/null &
  local xev_pid=$!
  ( { while IFS= read -r line; do
        case "$line" in
          MapNotify*) read -r detail; case "$detail" in *"override NO"*) echo "$EPOCHREALTIME" > "$work/mapped"; break ;; esac ;;
        esac
      done; cat >/dev/null; } < "$work/events" ) &         # keep reading until xev is stopped
  local watcher=$!
  sleep 0.3                                          # let xev select the root window's events
  local start=$EPOCHREALTIME
  HOME="$work/home" XDG_DATA_HOME="$work/home/data" "$@" >"$work/out.log" 2>&1 &
  local app=$!
  for _ in $(seq 600); do [ -s "$work/mapped" ] && break; sleep 0.05; done
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  kill "$xev_pid" 2>/dev/null || true
  wait "$xev_pid" 2>/dev/null || true
  wait "$watcher" 2>/dev/null || true
  if [ -s "$work/mapped" ]; then
    awk -v a="$start" -v b="$(cat "$work/mapped")" 'BEGIN { printf "%d\n", (b - a) * 1000 }'
  else
    echo "measure-startup.sh: no window within 30 s from: $*" >&2; cat "$work/out.log" >&2; echo 99999
  fi
}

contenders=(bare-classpath bare-runtime app-installed)
[ -f "$default_jsa" ] && contenders+=(app-default-cds)
[ -n "${MEASURE_APP_OPTIONS:-}" ] && contenders+=(app-options)
run() {
  case "$1" in
    bare-classpath) time_to_window java -cp "$work/bare:$fx_cp" BareWindowLauncher ;;
    bare-runtime)   time_to_window "$runtime_java" -cp "$work/bare" BareWindowLauncher ;;
    app-installed)  time_to_window "$launcher" ;;
    app-options)    _JAVA_OPTIONS="$MEASURE_APP_OPTIONS" time_to_window "$launcher" ;;
    app-default-cds) _JAVA_OPTIONS="-XX:SharedArchiveFile=$default_jsa" time_to_window "$launcher" ;;
  esac
}

mkdir -p "$work/home"
for c in "${contenders[@]}"; do run "$c" >/dev/null; done       # warm-up round: disk cache, settings folder
for i in $(seq "$runs"); do
  for c in "${contenders[@]}"; do echo "$c $(run "$c")" >> "$work/results"; done
done

median() { grep "^$1 " "$work/results" | cut -d' ' -f2 | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
base=$(median bare-classpath)
echo "launcher: $launcher ($runs runs each, interleaved; milliseconds from launch to first mapped window)"
printf '%-16s %8s %8s   %s\n' contender median ratio "all runs"
for c in "${contenders[@]}"; do
  m=$(median "$c")
  printf '%-16s %8d %8s   %s\n' "$c" "$m" "$(awk -v m="$m" -v b="$base" 'BEGIN { printf "%.2f", m / b }')" \
    "$(grep "^$c " "$work/results" | cut -d' ' -f2 | tr '\n' ' ')"
done
