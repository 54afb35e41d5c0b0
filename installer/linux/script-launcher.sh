#!/bin/bash
# Replaces the native launcher of a jpackage Linux application image by a shell script that starts the
# bundled runtime directly, with the same class path, main class and JVM options (read from jpackage's
# IMAGE/lib/app/APP.cfg, which this script then removes with the native launcher's library).
#
#   installer/linux/script-launcher.sh IMAGE
#
# Why: jpackage 17's Linux launcher asks the package managers which package it belongs to before it starts
# Java, and its launcher library asks again: `rpm -qf` then `dpkg -S` on itself, twice (see
# LinuxPackage.c in the JDK's jdk.jpackage module). `dpkg -S` reads every package's file list; measured on
# this machine (883 packages) it takes 0.21 s, so about 0.5 s of each start went into those queries before
# the first line of Java ran; on a desktop with a few thousand packages it is more. The script does none
# of that. Windows and macOS keep jpackage's launcher: they have no such queries.
#
# The process is named after the application, not "java": the script starts the runtime's java through a
# symbolic link named like the launcher (the kernel names a process after the file it was started from;
# the runtime still finds itself through /proc/self/exe).
# Called by build.sh after `jpackage --type app-image`.
set -euo pipefail
image=$(cd "$1" && pwd)
name=$(basename "$(ls "$image"/bin/* | head -n 1)")
cfg=$image/lib/app/$name.cfg
[ -f "$cfg" ] || { echo "script-launcher.sh: $cfg is missing" >&2; exit 1; }

main_class=$(sed -n 's/^app\.mainclass=//p' "$cfg")
[ -n "$main_class" ] || { echo "script-launcher.sh: no app.mainclass in $cfg" >&2; exit 1; }
# $APPDIR is jpackage's name for lib/app; nothing else may need the shell's attention inside the quotes
check() {
  case "${1//\$APPDIR/}" in
    *'"'*|*'$'*|*'`'*|*'\'*) echo "script-launcher.sh: cannot quote '$1' from $cfg" >&2; exit 1 ;;
  esac
}
classpath=""
while IFS= read -r entry; do
  check "$entry"
  classpath=${classpath:+$classpath:}${entry//\$APPDIR/\$app}
done < <(sed -n 's/^app\.classpath=//p' "$cfg")
options=""
while IFS= read -r option; do
  check "$option"
  options="$options \\
  \"${option//\$APPDIR/\$app}\""
done < <(sed -n 's/^java-options=//p' "$cfg")

launcher=$image/bin/$name
rm -f "$launcher" "$image/lib/libapplauncher.so" "$cfg"
ln -s java "$image/lib/runtime/bin/$name"
cat > "$launcher" <<EOF
#!/bin/sh
# Starts $name with the runtime bundled in this folder. Generated from jpackage's $name.cfg by
# installer/linux/script-launcher.sh, which explains why it replaces jpackage's native launcher.
here=\$(dirname "\$(readlink -f "\$0")")
app=\$(dirname "\$here")/lib/app
exec "\$app/../runtime/bin/$name"$options \\
  "-Djpackage.app-path=\$here/$name" \\
  -cp "$classpath" \\
  $main_class "\$@"
EOF
chmod 755 "$launcher"
entries=${classpath//[^:]/}
echo "script-launcher.sh: $launcher now starts the runtime directly ($(( ${#entries} + 1 )) class-path entries)"
