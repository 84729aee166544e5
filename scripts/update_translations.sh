#!/bin/sh
# Refresh the English translation source from the views (Vietnamese is the source language), then compile it,
# and compile qt_vi.ts (Qt's own texts in Vietnamese, edited by hand).
# Usage: scripts/update_translations.sh   (then fill new <translation> entries in desktop/resources/translations/baocao_en.ts
# with Qt Linguist or an editor, and run it again to compile).
set -eu
cd "$(dirname "$0")/.."
BIN="${PYSIDE6_BIN:-$(dirname "$(command -v python)")}"
[ -x "$BIN/pyside6-lupdate" ] || BIN=.venv/bin
"$BIN/pyside6-lupdate" -source-language vi -target-language en desktop/app.py desktop/views/*.py desktop/views/*/*.py \
    -ts desktop/resources/translations/baocao_en.ts
"$BIN/pyside6-lrelease" desktop/resources/translations/baocao_en.ts -qm desktop/resources/translations/baocao_en.qm
"$BIN/pyside6-lrelease" desktop/resources/translations/qt_vi.ts -qm desktop/resources/translations/qt_vi.qm
