#!/usr/bin/env bash
# Draws packaging/digitcam.png, the app's 256x256 icon (committed; rerun only to change it):
# a dark rounded tile with a camera viewfinder's corners and a green box round a handwritten-
# looking "5" with its label, as the app draws on each digit. Needs ImageMagick's convert.
set -euo pipefail
cd "$(dirname "$0")"
convert -size 256x256 xc:none \
  -fill '#20262e' -draw 'roundrectangle 8,8 247,247 40,40' \
  -fill '#d8dee6' \
  -draw 'rectangle 32,32 70,40' -draw 'rectangle 32,32 40,70' \
  -draw 'rectangle 186,32 224,40' -draw 'rectangle 216,32 224,70' \
  -draw 'rectangle 32,216 70,224' -draw 'rectangle 32,186 40,224' \
  -draw 'rectangle 186,216 224,224' -draw 'rectangle 216,186 224,224' \
  -stroke '#3ddc84' -strokewidth 8 -fill none -draw 'rectangle 76,84 180,204' \
  -stroke none -fill '#f4f4f0' -font DejaVu-Sans-Bold -pointsize 120 -gravity center -annotate +0+16 '5' \
  -fill '#3ddc84' -pointsize 30 -gravity northwest -annotate +76+44 '5 99%' \
  -depth 8 -strip digitcam.png
# Windows wants an .ico with several sizes, macOS an .icns (png2icns is in Debian's icnsutils).
convert digitcam.png -define icon:auto-resize=256,64,48,32,16 digitcam.ico
png2icns digitcam.icns digitcam.png >/dev/null
