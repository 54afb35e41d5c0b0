#!/bin/bash
# Builds the Linux installers of Marketing Workbench:
#
#   installer/linux/build.sh                 # app-image tarball, .deb and .rpm
#   installer/linux/build.sh app-image deb   # only some of them
#
# Needs: JDK 17 with jmods (Debian 12: openjdk-17-jdk; later releases also openjdk-17-jmods), Maven, zip,
# python3, fakeroot (for .deb),
# rpm (Debian's `rpm` package provides rpmbuild; for .rpm), xvfb + xdotool (optional: the class-data-sharing
# training run; without them the image still works, it just starts slower).
# Environment: SKIP_MAVEN=1 reuses target/ as it is; MAVEN_ARGS (default "-o -q") is passed to Maven.
#
# Output names: marketing-workbench-<v>-linux-x64.tar.xz, marketing-workbench_<v>-1_amd64.deb,
# marketing-workbench-<v>-1.x86_64.rpm.
# Steps: Maven package -> stage the input jars -> jdeps picks the JDK modules -> jlink builds a trimmed
# runtime with JavaFX from the Maven platform jars, plus its default CDS archive -> jpackage app-image ->
# its native launcher replaced by a script (script-launcher.sh) ->
# one training run rebuilds the runtime's CDS archive with the JDK and JavaFX classes the app loads -> tarball,
# .deb, .rpm from that image.
# Output: installer/build/dist/
set -euo pipefail
{ # the whole script is one block, so bash reads it all before running (safe to edit while it runs)

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
build=installer/build
dist=$build/dist
types=("$@")
[ ${#types[@]} -gt 0 ] || types=(app-image deb rpm)

prop() { sed -n "s/^$1=//p" installer/app.properties; }
APP_NAME=$(prop APP_NAME)
APP_ID=$(prop APP_ID)
VENDOR=$(prop VENDOR)
DESCRIPTION=$(prop DESCRIPTION)
COPYRIGHT=$(prop COPYRIGHT)
MAIN_JAR=$(prop MAIN_JAR)
MAIN_CLASS=$(prop MAIN_CLASS)
WM_CLASS=$(prop WM_CLASS)
EXTRA_MODULES=$(prop EXTRA_MODULES)
LOCALES=$(prop LOCALES)

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "build.sh: '$1' not found. $2" >&2; exit 1; }; }
need jpackage "Install a JDK 17 (Debian: openjdk-17-jdk)."
need jlink "Install a JDK 17 (Debian: openjdk-17-jdk)."
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")}
[ -d "$JAVA_HOME/jmods" ] || { echo "build.sh: $JAVA_HOME/jmods is missing (Debian 12: openjdk-17-jdk-headless; newer Debian/Ubuntu: openjdk-17-jmods)" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------
if [ "${SKIP_MAVEN:-0}" != 1 ]; then
  step "Maven package"
  # shellcheck disable=SC2086
  mvn ${MAVEN_ARGS:--o -q} -DskipTests package
fi
[ -f "target/$MAIN_JAR" ] || { echo "build.sh: target/$MAIN_JAR is missing; run without SKIP_MAVEN=1" >&2; exit 1; }
version=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)
version=${version%-SNAPSHOT}

rm -rf "$build"
mkdir -p "$build/input/lib" "$build/input/legal" "$dist"

step "Stage the application jars (JavaFX goes into the runtime, everything else stays on the class path)"
cp "target/$MAIN_JAR" "$build/input/"
fx_jars=()
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar) fx_jars+=("$jar") ;;
    javafx-*.jar) ;;                                   # empty parent artefacts of the platform jars
    *) cp "$jar" "$build/input/lib/" ;;
  esac
done
notices=src/main/resources/org/marketingworkbench/legal/THIRD-PARTY-NOTICES.txt
missing=""
for jar in target/lib/*.jar; do
  grep -qF "$(basename "$jar")" "$notices" || missing="$missing $(basename "$jar")"
done
if [ -n "$missing" ]; then
  echo "build.sh: $notices does not list:$missing (add each with its licence)" >&2
  exit 1
fi
cp LICENSE "$build/input/legal/LICENSE"
cp "$notices" "$build/input/legal/"
# the licence and notice files the jars carry themselves
for jar in "$build"/input/lib/*.jar; do
  name=$(basename "$jar" .jar)
  entries=$(unzip -Z1 "$jar" | grep -iE '^(META-INF/)?(LICEN[CS]E|NOTICE|COPYING)[^/]*$' || true)
  if [ -n "$entries" ]; then
    mkdir -p "$build/input/legal/third-party/$name"
    # shellcheck disable=SC2086
    unzip -q -o -j "$jar" $entries -d "$build/input/legal/third-party/$name"
  fi
done
# Stored (uncompressed) jars: the packages' xz then compresses the classes themselves (see store-jars.py).
need python3 "apt-get install python3"
python3 installer/store-jars.py "$build/input/$MAIN_JAR" "$build"/input/lib/*.jar
fx_path=$(IFS=:; echo "${fx_jars[*]}")

step "jdeps: which JDK and JavaFX modules the application needs"
# jdeps reads jars that carry a module-info as modules and then insists on resolving their requirements as
# modules too (POI requires "commons.math3", java-cup has no valid module name, ...). The class-level
# analysis below only needs the classes, so it reads copies of the jars without their module-info.
need zip "apt-get install zip"
mkdir -p "$build/jdeps"
cp "$build/input/$MAIN_JAR" "$build"/input/lib/*.jar "$build/jdeps/"
for jar in "$build"/jdeps/*.jar; do
  zip -q -d "$jar" 'module-info.class' 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
done
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
  --module-path "$fx_path" --class-path "$build/jdeps/*" "$build"/jdeps/*.jar | tail -n 1)
rm -rf "$build/jdeps"
modules="$modules,$EXTRA_MODULES"
echo "$modules" | tr ',' '\n' | sort -u | tr '\n' ' '; echo

step "jlink: trimmed runtime with JavaFX and its default CDS archive"
runtime=$build/runtime
jlink --module-path "$JAVA_HOME/jmods:$fx_path" --add-modules "$modules" \
  --include-locales="$LOCALES" \
  --exclude-resources='glob:/javafx.graphics/*.so,glob:/javafx.*/*.so,glob:/javafx.graphics/javafx-swt.jar' \
  --strip-debug --no-header-files --no-man-pages --compress=1 \
  --generate-cds-archive --output "$runtime"
# JavaFX looks for its natives in the runtime's lib folder first; without them there it would unpack
# them into ~/.openjfx/cache on every new user's first start.
for jar in "${fx_jars[@]}"; do
  unzip -q -o "$jar" '*.so' -d "$runtime/lib" 2>/dev/null || true
done
# The archive for heaps over 32 GB (no compressed oops) is of no use to a desktop app: 11 MB saved.
rm -f "$runtime/lib/server/classes_nocoops.jsa"

java_options=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) ;; *) java_options+=(--java-options "$line") ;; esac
done < installer/java-options.txt

step "jpackage: application image"
jpackage --type app-image --dest "$build/image" \
  --name "$APP_ID" --app-version "$version" --vendor "$VENDOR" \
  --description "$DESCRIPTION" --copyright "$COPYRIGHT" \
  --icon icons/png/app-icon-256.png \
  --input "$build/input" --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS" \
  --runtime-image "$runtime" "${java_options[@]}"
image=$build/image/$APP_ID

step "Launcher: a shell script instead of jpackage's native launcher (saves its package-manager queries)"
installer/linux/script-launcher.sh "$image"

step "CDS: one training run, then the runtime's archive is rebuilt with every JDK and JavaFX class it loaded"
installer/linux/train-cds.sh "$image" \
  || echo "build.sh: the runtime keeps jlink's default CDS archive (see above); the app works, it starts slower" >&2

# The resource folder: jpackage's own postinst and spec templates (from the JDK that runs, so they always
# match it) with one line added: xdg-desktop-menu refuses to install a menu entry on minimal systems that
# lack /usr/share/desktop-directories ("No writable system menu directory found").
resources=$build/resources
mkdir -p "$resources"
jimage extract --dir "$build/jdk-templates" \
  --include 'regex:.*/jdk/jpackage/internal/resources/template\.(postinst|spec|desktop)' "$JAVA_HOME/lib/modules"
templates=$build/jdk-templates/jdk.jpackage/jdk/jpackage/internal/resources
fix='mkdir -p /usr/share/desktop-directories /usr/share/applications'
sed "s|^DESKTOP_COMMANDS_INSTALL|    $fix\nDESKTOP_COMMANDS_INSTALL|" "$templates/template.postinst" > "$resources/postinst"
# rpm: also an xz payload (as dpkg-deb uses) instead of rpmbuild's default, which left the .rpm 15 MB bigger
sed -e "s|^%post$|%post\n$fix|" -e '1i %define _binary_payload w6.xzdio' \
  "$templates/template.spec" > "$resources/$APP_ID.spec"
# The menu entry: jpackage 17 names it after the package (lower case) and starts the launcher without the
# files the desktop passes, so a double-clicked .mwb would open an empty window.
# StartupWMClass: without it GNOME's dock shows the window as "org.marketingworkbench.app.WorkbenchApp" with
# a generic icon instead of as the menu entry.
sed -e "s|^Name=APPLICATION_NAME|Name=$APP_NAME|" -e "s|^Exec=APPLICATION_LAUNCHER$|Exec=APPLICATION_LAUNCHER %F|" \
  -e "s|^Terminal=false$|Terminal=false\nStartupWMClass=$WM_CLASS|" \
  "$templates/template.desktop" > "$resources/$APP_ID.desktop"
grep -q "%F" "$resources/$APP_ID.desktop" && grep -q "^StartupWMClass=" "$resources/$APP_ID.desktop" \
  || { echo "build.sh: could not patch jpackage's desktop template" >&2; exit 1; }
grep -q "desktop-directories" "$resources/postinst" && grep -q "desktop-directories" "$resources/$APP_ID.spec" \
  || { echo "build.sh: could not patch jpackage's postinst/spec templates" >&2; exit 1; }

package() { # TYPE DEPENDENCIES
  jpackage --type "$1" --dest "$dist" --app-image "$image" \
    --name "$APP_ID" --app-version "$version" --vendor "$VENDOR" \
    --description "$DESCRIPTION" --copyright "$COPYRIGHT" \
    --license-file LICENSE --resource-dir "$resources" \
    --icon icons/png/app-icon-256.png \
    --file-associations installer/linux/mwb-file-association.properties \
    --linux-package-name "$APP_ID" --linux-menu-group "Office;Science;DataVisualization;" \
    --linux-app-category misc --linux-shortcut \
    --linux-package-deps "$2"
}

for type in "${types[@]}"; do
  case "$type" in
    app-image)
      step "app-image tarball"
      # xz like the packages: with stored jars it is 40 % smaller than gzip
      XZ_OPT=${XZ_OPT:--6 -T0} tar -C "$build/image" -cJf "$dist/$APP_ID-$version-linux-x64.tar.xz" "$APP_ID"
      ;;
    deb)
      step ".deb"
      need fakeroot "apt-get install fakeroot"
      # GTK 3 for the window; a CJK font or Chinese text shows as boxes.
      package deb "libgtk-3-0, fonts-wqy-microhei | fonts-noto-cjk"
      ;;
    rpm)
      step ".rpm"
      need rpmbuild "On Debian: apt-get install rpm"
      package rpm "gtk3, (wqy-microhei-fonts or google-noto-sans-cjk-fonts or google-noto-sans-cjk-ttc-fonts)"
      ;;
    *) echo "build.sh: unknown type '$type' (app-image, deb, rpm)" >&2; exit 2 ;;
  esac
done

step "done"
ls -l "$dist"
du -sh "$image" "$runtime"
exit 0
}
