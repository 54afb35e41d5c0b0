# Builds the Windows installer of Marketing Workbench (.msi) and a zipped app image.
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 [-SkipMaven] [-PerMachine]
#
# Run it ON WINDOWS (jpackage cannot cross-build; Maven must resolve the -win JavaFX jars).
# Needs: a JDK 17 with jmods (e.g. Eclipse Temurin 17 JDK) in JAVA_HOME, Maven on PATH, and WiX Toolset 3.x
# (candle.exe and light.exe on PATH; jpackage 17 does not support WiX 4+).
# -PerMachine installs into Program Files for all users (needs administrator rights); the default is a
#  per-user install into %LOCALAPPDATA%, which a marketer without admin rights can run.
# The steps mirror installer/linux/build.sh. Output: installer\build\dist\
# NOT RUN HERE: written and reviewed against the jpackage 17 documentation on Linux; see installer/README.md.
param([switch]$SkipMaven, [switch]$PerMachine)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3

$repo = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
Set-Location $repo

$props = @{}
foreach ($line in Get-Content 'installer\app.properties' -Encoding UTF8) {
    if ($line -match '^([A-Z_]+)=(.*)$') { $props[$Matches[1]] = $Matches[2] }
}
$name = $props['DISPLAY_NAME']      # launcher "Marketing Workbench.exe", Start menu entry, install folder
$appId = $props['APP_ID']
$mainJar = $props['MAIN_JAR']

function Step($text) { Write-Host "`n== $text" }
function Invoke-Tool($exe) {
    & $exe @args
    if ($LASTEXITCODE -ne 0) { throw "$exe failed with exit code $LASTEXITCODE" }
}

if (-not $env:JAVA_HOME) { throw 'Set JAVA_HOME to a JDK 17 (with its jmods folder).' }
$jdkBin = Join-Path $env:JAVA_HOME 'bin'
if (-not (Test-Path (Join-Path $env:JAVA_HOME 'jmods'))) { throw "$env:JAVA_HOME\jmods is missing: install a full JDK 17." }
if (-not (Get-Command 'candle.exe' -ErrorAction SilentlyContinue) -or -not (Get-Command 'light.exe' -ErrorAction SilentlyContinue)) {
    throw 'WiX Toolset 3.x is needed for the .msi: install it and put its bin folder (candle.exe, light.exe) on PATH.'
}

if (-not $SkipMaven) {
    Step 'Maven package'
    Invoke-Tool 'mvn' '-q' '-DskipTests' 'package'
}
$version = ((Get-Content 'target\maven-archiver\pom.properties' | Where-Object { $_ -like 'version=*' }) -replace '^version=', '') -replace '-SNAPSHOT$', ''

$build = Join-Path $repo 'installer\build'
$dist = Join-Path $build 'dist'
if (Test-Path $build) { Remove-Item -Recurse -Force $build }
New-Item -ItemType Directory -Force "$build\input\lib", "$build\input\legal", $dist | Out-Null

Step 'Stage the application jars (JavaFX goes into the runtime, everything else stays on the class path)'
Copy-Item "target\$mainJar" "$build\input\"
$fxJars = @()
foreach ($jar in Get-ChildItem 'target\lib\*.jar') {
    if ($jar.Name -match '^javafx-.*-win\.jar$') { $fxJars += $jar.FullName }
    elseif ($jar.Name -like 'javafx-*') { }                 # empty parent artefacts of the platform jars
    else { Copy-Item $jar.FullName "$build\input\lib\" }
}
if ($fxJars.Count -eq 0) { throw 'No javafx-*-win.jar in target\lib: run Maven on Windows.' }
$notices = 'src\main\resources\org\marketingworkbench\legal\THIRD-PARTY-NOTICES.txt'
$noticeText = Get-Content $notices -Raw -Encoding UTF8
$missing = @(Get-ChildItem 'target\lib\*.jar' | Where-Object { $_.Name -notlike 'javafx-*' -and -not $noticeText.Contains($_.Name) } | ForEach-Object Name)
if ($missing.Count -gt 0) { throw "$notices does not list: $($missing -join ', ')" }
Copy-Item 'LICENSE' "$build\input\legal\LICENSE.txt"
Copy-Item $notices "$build\input\legal\"

Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
function Expand-Entries($jar, $pattern, $dest) {
    $zip = [System.IO.Compression.ZipFile]::OpenRead($jar)
    try {
        foreach ($entry in $zip.Entries) {
            if ($entry.FullName -match $pattern) {
                New-Item -ItemType Directory -Force $dest | Out-Null
                [System.IO.Compression.ZipFileExtensions]::ExtractToFile($entry, (Join-Path $dest $entry.Name), $true)
            }
        }
    } finally { $zip.Dispose() }
}
foreach ($jar in Get-ChildItem "$build\input\lib\*.jar") {
    Expand-Entries $jar.FullName '^(?i)(META-INF/)?(LICEN[CS]E|NOTICE|COPYING)[^/]*$' "$build\input\legal\third-party\$($jar.BaseName)"
}
# Stored (uncompressed) jars: the .msi's cabinet compression then reaches the classes themselves
# (see installer/store-jars.py, which does the same on Linux and macOS).
foreach ($jar in @(Get-Item "$build\input\$mainJar") + @(Get-ChildItem "$build\input\lib\*.jar")) {
    $stored = "$($jar.FullName).stored"
    $src = [System.IO.Compression.ZipFile]::OpenRead($jar.FullName)
    $dst = [System.IO.Compression.ZipFile]::Open($stored, 'Create')
    try {
        foreach ($entry in $src.Entries) {
            $copy = $dst.CreateEntry($entry.FullName, [System.IO.Compression.CompressionLevel]::NoCompression)
            $copy.LastWriteTime = $entry.LastWriteTime
            $in = $entry.Open(); $out = $copy.Open()
            try { $in.CopyTo($out) } finally { $in.Dispose(); $out.Dispose() }
        }
    } finally { $src.Dispose(); $dst.Dispose() }
    Move-Item -Force $stored $jar.FullName
}
$fxPath = $fxJars -join ';'

Step 'jdeps: which JDK and JavaFX modules the application needs'
# jdeps resolves jars with a module-info as modules (and fails on their requirements): analyse copies
# without module-info (see installer/linux/build.sh)
New-Item -ItemType Directory -Force "$build\jdeps" | Out-Null
Copy-Item "$build\input\$mainJar", "$build\input\lib\*.jar" "$build\jdeps\"
foreach ($jar in Get-ChildItem "$build\jdeps\*.jar") {
    $zip = [System.IO.Compression.ZipFile]::Open($jar.FullName, 'Update')
    try {
        @($zip.Entries | Where-Object { $_.FullName -match '^(META-INF/versions/\d+/)?module-info\.class$' }) | ForEach-Object { $_.Delete() }
    } finally { $zip.Dispose() }
}
$appJars = @(Get-ChildItem "$build\jdeps\*.jar" | ForEach-Object FullName)
$ErrorActionPreference = 'Continue'     # Windows PowerShell 5.1 turns a native tool's stderr into errors
$modules = & "$jdkBin\jdeps.exe" --multi-release 17 --ignore-missing-deps --print-module-deps --module-path $fxPath `
    --class-path "$build\jdeps\*" @appJars 2>$null | Select-Object -Last 1
$ErrorActionPreference = 'Stop'
Remove-Item -Recurse -Force "$build\jdeps"
if (-not $modules) { throw 'jdeps found no modules' }
$modules = "$modules,$($props['EXTRA_MODULES'])"
Write-Host $modules

Step 'jlink: trimmed runtime with JavaFX and its default CDS archive'
$runtime = "$build\runtime"
Invoke-Tool "$jdkBin\jlink.exe" --module-path "$env:JAVA_HOME\jmods;$fxPath" --add-modules $modules `
    "--include-locales=$($props['LOCALES'])" '--exclude-resources=glob:/javafx.*/*.dll,glob:/javafx.graphics/javafx-swt.jar' `
    --strip-debug --no-header-files --no-man-pages --compress=1 --generate-cds-archive --output $runtime
# On Windows JavaFX looks for its DLLs in the runtime's bin folder before unpacking them into the user profile.
foreach ($jar in $fxJars) { Expand-Entries $jar '^[^/]+\.dll$' "$runtime\bin" }
Remove-Item -Force "$runtime\bin\server\classes_nocoops.jsa" -ErrorAction SilentlyContinue

$javaOptions = @()
foreach ($line in Get-Content 'installer\java-options.txt') {
    if ($line.Trim() -and -not $line.StartsWith('#')) { $javaOptions += '--java-options'; $javaOptions += $line.Trim() }
}

Step 'jpackage: application image'
Invoke-Tool "$jdkBin\jpackage.exe" --type app-image --dest "$build\image" --name $name --app-version $version `
    --vendor $props['VENDOR'] --description $props['DESCRIPTION'] --copyright $props['COPYRIGHT'] `
    --icon 'icons\app-icon.ico' --input "$build\input" --main-jar $mainJar --main-class $props['MAIN_CLASS'] `
    --runtime-image $runtime @javaOptions
$image = "$build\image\$name"

Step 'CDS: one training run, then the runtime archive is rebuilt with every JDK and JavaFX class it loaded'
# As installer/linux/train-cds.sh explains: an AppCDS archive of the class path would name the jars' build-time
# paths, which JDK 17 rejects once installed elsewhere; the runtime's own archive works wherever it is installed.
# The launcher ignores JDK_JAVA_OPTIONS; the JVM reads JAVA_TOOL_OPTIONS, which splits at spaces, so the
# class list's path is relative to the training run's working folder. The window shows for a few seconds.
$training = Join-Path $build 'cds'
New-Item -ItemType Directory -Force "$training\home" | Out-Null
$env:JAVA_TOOL_OPTIONS = '-XX:DumpLoadedClassList=classes.lst -Dmwb.home=home'
try {
    $process = Start-Process -FilePath "$image\$name.exe" -ArgumentList '--smoke-test' -WorkingDirectory $training -PassThru
    if (-not $process.WaitForExit(180000)) { Stop-Process -Id $process.Id -Force; Write-Warning 'the smoke test did not finish within 180 s' }
    elseif ($process.ExitCode -ne 0) { Write-Warning "the training run (--smoke-test) exited with $($process.ExitCode)" }
} finally { Remove-Item Env:\JAVA_TOOL_OPTIONS }
if (Test-Path "$training\classes.lst") {
    $dumpOptions = @('-Xshare:dump') + ($javaOptions | Where-Object { $_ -ne '--java-options' }) +
        @("-XX:SharedClassListFile=$training\classes.lst", "-XX:SharedArchiveFile=$training\classes.jsa")
    & "$image\runtime\bin\java.exe" @dumpOptions | Out-Null
    if ($LASTEXITCODE -eq 0) { Copy-Item -Force "$training\classes.jsa" "$image\runtime\bin\server\classes.jsa" }
    else { Write-Warning '-Xshare:dump failed: the runtime keeps the default archive (slower start)' }
} else {
    Write-Warning 'no class list from the training run: the runtime keeps the default archive (slower start)'
}

Step 'app image zip'
Compress-Archive -Path $image -DestinationPath "$dist\$appId-$version-windows-x64.zip" -Force

Step '.msi'
$scope = @('--win-per-user-install')
if ($PerMachine) { $scope = @() }
Invoke-Tool "$jdkBin\jpackage.exe" --type msi --dest $dist --app-image $image --name $name --app-version $version `
    --vendor $props['VENDOR'] --description $props['DESCRIPTION'] --copyright $props['COPYRIGHT'] `
    --license-file 'LICENSE' --icon 'icons\app-icon.ico' `
    --file-associations 'installer\windows\mwb-file-association.properties' `
    --win-menu --win-menu-group $name --win-shortcut --win-dir-chooser `
    --win-upgrade-uuid $props['WIN_UPGRADE_UUID'] @scope

Step 'done'
Get-ChildItem $dist | Format-Table Name, Length
