#!/bin/bash
# Builds the macOS installer of Marketing Workbench (.dmg) and a zipped .app.
#
#   installer/macos/build.sh
#
# Run it ON A MAC (jpackage cannot cross-build; Maven must resolve the -mac or -mac-aarch64 JavaFX jars, so
# an Apple-silicon Mac builds an arm64 app and an Intel Mac an x64 one).
# Needs: a JDK 17 with jmods (e.g. Eclipse Temurin 17 for the Mac's architecture) as JAVA_HOME or on PATH,
# Maven, and the Xcode command line tools (jpackage uses hdiutil, codesign, SetFile).
# Environment: SKIP_MAVEN=1 reuses target/; MAVEN_ARGS (default "-q") is passed to Maven;
# MAC_APP_VERSION overrides the bundle version (see below).
# The steps mirror installer/linux/build.sh. Output: installer/build/dist/
# Signing and notarisation are not wired in: the .dmg is unsigned (see installer/README.md).
# NOT RUN HERE: written and reviewed against the jpackage 17 documentation on Linux; see installer/README.md.
set -euo pipefail
{ # the whole script is one block, so bash reads it all before running (safe to edit while it runs)

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
build=installer/build
dist=$build/dist

prop() { sed -n "s/^$1=//p" installer/app.properties; }
NAME=$(prop DISPLAY_NAME)              # "Marketing Workbench.app"
APP_ID=$(prop APP_ID)
MAIN_JAR=$(prop MAIN_JAR)

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }
[ "$(uname -s)" = Darwin ] || { echo "build.sh: run this on macOS (installer/linux/build.sh builds the Linux packages)" >&2; exit 1; }
JAVA_HOME=${JAVA_HOME:-$(/usr/libexec/java_home -v 17)}
bin=$JAVA_HOME/bin
[ -d "$JAVA_HOME/jmods" ] || { echo "build.sh: $JAVA_HOME/jmods is missing: install a full JDK 17" >&2; exit 1; }

if [ "${SKIP_MAVEN:-0}" != 1 ]; then
  step "Maven package"
  # shellcheck disable=SC2086
  mvn ${MAVEN_ARGS:--q} -DskipTests package
fi
version=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)
version=${version%-SNAPSHOT}
# jpackage 17 on macOS refuses a version whose first number is 0 ("The first number in an app-version cannot
# be zero or negative"). Until 1.0, the bundle says 1.0.0 unless MAC_APP_VERSION is given; the app's
# About dialog and --version always show the real version from the jar.
mac_version=${MAC_APP_VERSION:-$version}
case "$mac_version" in 0|0.*) mac_version=1.0.0; echo "build.sh: bundle version 1.0.0 for $version (see the comment above)" ;; esac

rm -rf "$build"
mkdir -p "$build/input/lib" "$build/input/legal" "$dist"

step "Stage the application jars (JavaFX goes into the runtime, everything else stays on the class path)"
cp "target/$MAIN_JAR" "$build/input/"
fx_jars=()
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-mac.jar|javafx-*-mac-aarch64.jar) fx_jars+=("$jar") ;;
    javafx-*.jar) ;;
    *) cp "$jar" "$build/input/lib/" ;;
  esac
done
[ ${#fx_jars[@]} -gt 0 ] || { echo "build.sh: no javafx-*-mac*.jar in target/lib: run Maven on the Mac" >&2; exit 1; }
notices=src/main/resources/org/marketingworkbench/legal/THIRD-PARTY-NOTICES.txt
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in javafx-*) continue ;; esac
  grep -qF "$(basename "$jar")" "$notices" || { echo "build.sh: $notices does not list $(basename "$jar")" >&2; exit 1; }
done
cp LICENSE "$build/input/legal/LICENSE"
cp "$notices" "$build/input/legal/"
for jar in "$build"/input/lib/*.jar; do
  name=$(basename "$jar" .jar)
  entries=$(unzip -Z1 "$jar" | grep -iE '^(META-INF/)?(LICEN[CS]E|NOTICE|COPYING)[^/]*$' || true)
  if [ -n "$entries" ]; then
    mkdir -p "$build/input/legal/third-party/$name"
    # shellcheck disable=SC2086
    unzip -q -o -j "$jar" $entries -d "$build/input/legal/third-party/$name"
  fi
done
# Stored (uncompressed) jars: the .dmg's compression then reaches the classes themselves (see store-jars.py).
python3 installer/store-jars.py "$build/input/$MAIN_JAR" "$build"/input/lib/*.jar
fx_path=$(IFS=:; echo "${fx_jars[*]}")

step "jdeps"
# jdeps resolves jars with a module-info as modules (and fails on their requirements): analyse copies
# without module-info (see installer/linux/build.sh)
mkdir -p "$build/jdeps"
cp "$build/input/$MAIN_JAR" "$build"/input/lib/*.jar "$build/jdeps/"
for jar in "$build"/jdeps/*.jar; do
  zip -q -d "$jar" 'module-info.class' 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
done
modules=$("$bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
  --module-path "$fx_path" --class-path "$build/jdeps/*" "$build"/jdeps/*.jar | tail -n 1)
rm -rf "$build/jdeps"
modules="$modules,$(prop EXTRA_MODULES)"
echo "$modules"

step "jlink"
runtime=$build/runtime
"$bin/jlink" --module-path "$JAVA_HOME/jmods:$fx_path" --add-modules "$modules" \
  --include-locales="$(prop LOCALES)" \
  --exclude-resources='glob:/javafx.*/*.dylib,glob:/javafx.graphics/javafx-swt.jar' \
  --strip-debug --no-header-files --no-man-pages --compress=1 \
  --generate-cds-archive --output "$runtime"
for jar in "${fx_jars[@]}"; do unzip -q -o "$jar" '*.dylib' -d "$runtime/lib" 2>/dev/null || true; done
rm -f "$runtime/lib/server/classes_nocoops.jsa"

java_options=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) ;; *) java_options+=(--java-options "$line") ;; esac
done < installer/java-options.txt

step "jpackage: application bundle (the icon and the .mwb association live in its Info.plist)"
"$bin/jpackage" --type app-image --dest "$build/image" \
  --name "$NAME" --app-version "$mac_version" --vendor "$(prop VENDOR)" \
  --description "$(prop DESCRIPTION)" --copyright "$(prop COPYRIGHT)" \
  --icon icons/app-icon.icns \
  --file-associations installer/macos/mwb-file-association.properties \
  --mac-package-identifier "$(prop MAC_BUNDLE_ID)" \
  --input "$build/input" --main-jar "$MAIN_JAR" --main-class "$(prop MAIN_CLASS)" \
  --runtime-image "$runtime" "${java_options[@]}"
app="$build/image/$NAME.app"

step "CDS: one training run, then the runtime archive is rebuilt with every JDK and JavaFX class it loaded"
# As installer/linux/train-cds.sh explains: an AppCDS archive of the class path would name the jars' build-time
# paths, which JDK 17 rejects once the app is copied to /Applications; the runtime's own archive works anywhere.
# The launcher ignores JDK_JAVA_OPTIONS; the JVM reads JAVA_TOOL_OPTIONS, which splits at spaces, so the class
# list's path is relative to the training run's working folder. The window shows for a few seconds.
training=$(mktemp -d)
( cd "$training" && JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=classes.lst -Dmwb.home=home" \
    "$repo/$app/Contents/MacOS/$NAME" --smoke-test ) || echo "build.sh: the training run exited with $?" >&2
app_home="$app/Contents/runtime/Contents/Home"
java_bin="$app_home/bin/java"
[ -x "$java_bin" ] || java_bin="$runtime/bin/java"      # the same runtime, in case jpackage left out bin/
dump_options=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) ;; *) dump_options+=("$line") ;; esac
done < installer/java-options.txt
if [ -s "$training/classes.lst" ] && "$java_bin" -Xshare:dump "${dump_options[@]}" \
     -XX:SharedClassListFile="$training/classes.lst" -XX:SharedArchiveFile="$training/classes.jsa" >/dev/null; then
  cp "$training/classes.jsa" "$app_home/lib/server/classes.jsa"
else
  echo "build.sh: the runtime keeps jlink's default CDS archive: the app works, it only starts slower" >&2
fi
rm -rf "$training"

step "zip of the .app"
ditto -c -k --keepParent "$app" "$dist/$APP_ID-$version-macos-$(uname -m).zip"

step ".dmg"
"$bin/jpackage" --type dmg --dest "$dist" --app-image "$app" \
  --name "$NAME" --app-version "$mac_version" --vendor "$(prop VENDOR)" \
  --description "$(prop DESCRIPTION)" --copyright "$(prop COPYRIGHT)" \
  --license-file LICENSE --mac-package-identifier "$(prop MAC_BUNDLE_ID)"

step "done"
ls -l "$dist"
exit 0
}
