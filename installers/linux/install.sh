#!/bin/sh
# Install baocao for the current user from the unpacked folder (no root): a menu entry, the icon, and
# ~/.local/bin/baocao. The program stays in this folder; your data stays in ~/.local/share/baocao.
#   ./install.sh              install (run it again from a newer version's folder to upgrade)
#   ./install.sh --uninstall  remove the menu entry, icon and link; your data is kept
set -eu
APP_DIR=$(cd "$(dirname "$0")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
APPS="$DATA_HOME/applications"
ICONS="$DATA_HOME/icons/hicolor"
BIN="$HOME/.local/bin"

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$APPS/baocao.desktop" "$ICONS/scalable/apps/baocao.svg" "$BIN/baocao"
    for size in 16 32 48 64 128 256; do rm -f "$ICONS/${size}x${size}/apps/baocao.png"; done
    echo "baocao: đã gỡ lối tắt; dữ liệu trong $DATA_HOME/baocao được giữ nguyên."
    exit 0
fi

mkdir -p "$APPS" "$ICONS/scalable/apps" "$BIN"
cp "$APP_DIR/share/icons/baocao.svg" "$ICONS/scalable/apps/baocao.svg"
for size in 16 32 48 64 128; do
    mkdir -p "$ICONS/${size}x${size}/apps"
    cp "$APP_DIR/share/icons/baocao-$size.png" "$ICONS/${size}x${size}/apps/baocao.png"
done
mkdir -p "$ICONS/256x256/apps"
cp "$APP_DIR/share/icons/baocao.png" "$ICONS/256x256/apps/baocao.png"
# The entry points at this folder; quoted for the Exec key's rules (a path may hold spaces).
sed "s|^Exec=baocao\$|Exec=\"$APP_DIR/baocao\"|" "$APP_DIR/share/baocao.desktop" > "$APPS/baocao.desktop"
ln -sf "$APP_DIR/baocao-cli" "$BIN/baocao"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$APPS" >/dev/null 2>&1 || true
echo "baocao: đã cài cho người dùng $(id -un). Mở từ menu ứng dụng, hoặc chạy «baocao» trong terminal."
