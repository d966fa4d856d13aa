#!/bin/sh
# Installs every Debian 12 package the kiosk's build, program and tests need.
# Idempotent and non-interactive; silent and fast when everything is there.
# Runs as root, or through sudo when started by another user.
set -eu

PACKAGES="
  g++ cmake make pkg-config git
  libimgui-dev libglfw3-dev libgl-dev libfreetype-dev libfontconfig-dev
  libcurl4-openssl-dev libssl-dev ca-certificates nlohmann-json3-dev libvalijson-dev
  libcli11-dev libstb-dev libpng-dev libqrcodegencpp-dev libsystemd-dev libicu-dev
  fonts-noto-cjk fonts-noto-core tzdata
  catch2 libcpp-httplib-dev zlib1g-dev xvfb xauth libgl1-mesa-dri zbar-tools
  dpkg-dev file systemd shellcheck libx11-dev libxrandr-dev libxext-dev x11-xserver-utils xdotool python3
  tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng
  prometheus prometheus-node-exporter
  clang-14 libclang-rt-14-dev llvm
"

missing=""
for p in $PACKAGES; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *" installed") ;;
    *) missing="$missing $p" ;;
  esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then as_root=""; else as_root="sudo"; fi
echo "deploy/setup.sh: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update -qq
# shellcheck disable=SC2086  # the list is meant to split into words
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
