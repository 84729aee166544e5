#!/usr/bin/env bash
# Build the Linux one-folder app and its tarball, then prove the unpacked tarball is whole: its self-test
# passes in a fresh folder with a clean environment (no virtualenv on PATH), it upgrades a first-release
# store, and the folder holds no test files, caches or key material. Prints size and start-time ratios.
#
#   scripts/build_linux_bundle.sh
#
# Environment: PYTHON (a Python with the project and PyInstaller installed; default .venv/bin/python, else
# python3), BAOCAO_DIST (output folder, default dist/), BAOCAO_BUILD (PyInstaller's work folder, kept
# between runs as a cache, default build/pyinstaller), BAOCAO_MEASURE_RUNS (default 5; 0 skips timing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
if [ -z "${PYTHON:-}" ]; then
    if [ -x .venv/bin/python ]; then PYTHON=$ROOT/.venv/bin/python; else PYTHON=python3; fi
fi
DIST=${BAOCAO_DIST:-$ROOT/dist}
WORK=${BAOCAO_BUILD:-$ROOT/build/pyinstaller}
RUNS=${BAOCAO_MEASURE_RUNS:-5}
V1_STORE=$ROOT/tests/data/store_v1
V1_PASSPHRASE=kho-v1-2026
VERSION=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
APP=$DIST/baocao
TARBALL=$DIST/baocao-$VERSION-linux-x86_64.tar.gz

step() { printf '\n== %s\n' "$*"; }

step "PyInstaller: baocao $VERSION"
started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" installers/baocao.spec
build_seconds=$(( $(date +%s) - started ))

step "Desktop entry, icons, install script"
mkdir -p "$APP/share/icons"
cp installers/linux/baocao.desktop "$APP/share/"
cp desktop/resources/icons/baocao.svg desktop/resources/icons/baocao.png desktop/resources/icons/baocao-*.png "$APP/share/icons/"
cp installers/linux/install.sh "$APP/"

step "Nothing that must not ship (tests, caches, key material)"
"$PYTHON" installers/bundle_hygiene.py "$APP"
echo "clean"

step "Tarball"
rm -f "$TARBALL"
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$DIST" -czf "$TARBALL" baocao
echo "$TARBALL"

step "Self-test of the unpacked tarball in a fresh folder, clean environment"
FRESH=$(mktemp -d)
trap 'rm -rf "$FRESH"' EXIT
mkdir "$FRESH/home"
tar -C "$FRESH" -xzf "$TARBALL"
clean=(env -i HOME="$FRESH/home" PATH=/usr/bin:/bin LANG="${LANG:-C.UTF-8}" QT_QPA_PLATFORM=offscreen)
"${clean[@]}" "$FRESH/baocao/baocao-cli" --version
"${clean[@]}" BAOCAO_PASSPHRASE=$V1_PASSPHRASE "$FRESH/baocao/baocao-cli" self-test --store "$V1_STORE"

step "Upgrade: a first-release store opens, migrates and verifies under the built app"
cp -r "$V1_STORE" "$FRESH/store_v1"
"${clean[@]}" BAOCAO_PASSPHRASE=$V1_PASSPHRASE "$FRESH/baocao/baocao-cli" audit verify --data-dir "$FRESH/store_v1"
"$PYTHON" installers/bundle_hygiene.py "$FRESH/baocao"

step "Size"
app_bytes=$(du -sb "$APP" | cut -f1)
tar_bytes=$(stat -c %s "$TARBALL")
echo "folder:  $(( app_bytes / 1048576 )) MB ($app_bytes bytes)"
echo "tarball: $(( tar_bytes / 1048576 )) MB ($tar_bytes bytes)"
echo "PyInstaller build: ${build_seconds}s"

if [ "$RUNS" -gt 0 ]; then
    step "Start time: built app vs source tree, same run, clean environment ($RUNS runs each)"
    "$PYTHON" installers/measure_start.py "$FRESH/baocao" --python "$PYTHON" --runs "$RUNS"
fi
