#!/usr/bin/env bash
# Debian/Ubuntu packages the tests and the demo need: poppler (pdftotext, pdffonts, pdftoppm, pdfsig),
# the Tinos font (metric-compatible with Times New Roman), Xvfb, a window manager, xdotool, xprop and
# ImageMagick (screenshots) for the end-to-end run of the real window, PostgreSQL for the server's PostgreSQL path, LibreOffice to open
# the workbooks and Word files we write, Chromium and its driver for the console's browser tests,
# SoftHSM2 (a PKCS#11 token) for digital signatures, NSS's certutil (a trust store for pdfsig),
# and the X/GL libraries Qt loads even when offscreen.
set -euo pipefail
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    poppler-utils fonts-croscore xvfb xauth xdotool openbox x11-utils imagemagick postgresql \
    libreoffice-calc-nogui libreoffice-writer-nogui chromium chromium-driver softhsm2 opensc libnss3-tools \
    libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 \
    libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 >/dev/null
