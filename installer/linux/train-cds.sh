#!/bin/bash
# Replaces the bundled runtime's default class-data-sharing archive (IMAGE/lib/runtime/lib/server/classes.jsa,
# which jlink fills with the few hundred JDK classes of a hello-world) by one holding every JDK and JavaFX
# class the app loads up to a working window with the sample data, so they are mapped from the archive at
# each start instead of being read from the modules file, parsed and verified.
#
#   installer/linux/train-cds.sh IMAGE
#
# How: one training run of the image, headless under Xvfb, with --smoke-test (open the main window, load the
# sample data, exit) and -XX:DumpLoadedClassList; then `java -Xshare:dump` with that list.
# Why not an AppCDS archive of the class path too (-XX:ArchiveClassesAtExit): JDK 17 records the jars' absolute
# paths in it and refuses it once the app is installed anywhere else ("Required classpath entry does not
# exist"), which is always the case for a package. The runtime's own archive only refers to the runtime's
# modules file, so it works wherever the app is installed or unpacked.
# The default archive is kept as installer/build/classes-default.jsa for measure-startup.sh.
# Exit status 0 when the archive was replaced. Called by build.sh.
set -uo pipefail
image=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$here/.." && pwd)/build
runtime=$image/lib/runtime
launcher=$(ls "$image"/bin/* | head -n 1)
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null 2>&1 || { echo "train-cds.sh: $tool is missing (apt-get install xvfb xdotool)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The jpackage launcher ignores JDK_JAVA_OPTIONS, but the JVM itself reads JAVA_TOOL_OPTIONS (which splits at
# spaces: the list's path is relative to the working folder). HOME and XDG_DATA_HOME point at a throw-away
# folder: the training run leaves nothing in the builder's home.
(
  cd "$work" || exit 1
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=classes.lst" HOME="$work/home" XDG_DATA_HOME="$work/home/data" \
    timeout 180 "$here/with-xvfb.sh" "$launcher" --smoke-test >"$work/out.log" 2>&1
  echo "train-cds.sh: training run (--smoke-test) exit status $?"
)
grep -v '^\[' "$work/out.log" | tail -n 5
[ -s "$work/classes.lst" ] || { echo "train-cds.sh: the training run wrote no class list" >&2; exit 1; }
echo "train-cds.sh: $(grep -c . "$work/classes.lst") classes loaded by the training run"

[ -f "$build/classes-default.jsa" ] || cp "$runtime/lib/server/classes.jsa" "$build/classes-default.jsa"
# Classes from the class path are not found by this dump (no -cp): they are skipped, which is the point.
java_options=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) ;; *) java_options+=("$line") ;; esac
done < "$here/../java-options.txt"
"$runtime/bin/java" -Xshare:dump "${java_options[@]}" \
  -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$work/classes.jsa" >"$work/dump.log" 2>&1 \
  || { tail -n 20 "$work/dump.log"; echo "train-cds.sh: -Xshare:dump failed" >&2; exit 1; }
grep -E "^Number of classes|total.*bytes" "$work/dump.log" | head -n 3
cp "$work/classes.jsa" "$runtime/lib/server/classes.jsa"
echo "train-cds.sh: wrote $runtime/lib/server/classes.jsa ($(du -h "$runtime/lib/server/classes.jsa" | cut -f1))"
