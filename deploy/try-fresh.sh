#!/bin/sh
# shellcheck disable=SC2317  # cleanup and the helpers run through trap and step
# Tries the README's two commands exactly as written on a fresh Debian 12: a debootstrap
# root (its default set plus git, made once and cached outside the work tree), a fresh
# copy of it for each try, a clone of the current commit, and the two commands run as
# root inside it. Prints each step's wall time and exit code. For people, not CI: it
# needs root, debootstrap and the network to the Debian archive, and takes ~40 minutes.
#
#   sudo deploy/try-fresh.sh [--keep]
#
# --keep leaves the tried root (and its build) in place. KIOSK_FRESH_CACHE sets where the
# pristine root and the tries live (default /var/cache/lvliang-kiosk-try-fresh). The
# archive is the one this machine's apt uses. Only committed work is tried.
set -eu

keep=no
[ "${1:-}" = "--keep" ] && keep=yes
[ "$(id -u)" -eq 0 ] || { echo "try-fresh: run as root (sudo $0)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "try-fresh: needs debootstrap (apt-get install debootstrap)" >&2; exit 2; }
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse HEAD)
cache=${KIOSK_FRESH_CACHE:-/var/cache/lvliang-kiosk-try-fresh}
base=$cache/bookworm-base
root=$cache/try-$$
log=$cache/try-$$.log
mkdir -p "$cache"
: >"$log"
[ -z "$(git -C "$repo" status --porcelain --untracked-files=no)" ] ||
    echo "try-fresh: uncommitted changes are not tried, only $commit" >&2

# The archive this machine's apt uses (a local mirror stays local).
mirror=$( (cat /etc/apt/sources.list.d/*.sources 2>/dev/null; sed -n 's/^deb \([^ ]*\) bookworm .*/URIs: \1/p' \
          /etc/apt/sources.list 2>/dev/null) | sed -n 's/^URIs: *//p' | grep -v security | head -n 1)
[ -n "$mirror" ] || { echo "try-fresh: no Debian mirror in this machine's apt sources" >&2; exit 2; }

step() {   # step NAME COMMAND...: runs it, prints the wall time and exit code
    name=$1; shift
    start=$(date +%s)
    set +e
    "$@" >>"$log" 2>&1
    rc=$?
    set -e
    printf '%-44s %6d s   exit %d\n' "$name" $(($(date +%s) - start)) "$rc"
    return "$rc"
}

xvfb_pid=""
cleanup() {
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    for p in /proc/[0-9]*; do   # what still runs inside (Ctrl-C in the middle of a build)
        [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -KILL "${p#/proc/}" 2>/dev/null
    done
    for m in tmp/.X11-unix dev/shm dev/pts dev sys proc; do
        mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m"
    done
    if grep -q " $root/" /proc/mounts; then   # never delete through a mount into this machine's /dev or /sys
        echo "try-fresh: $root still has mounts; left in place" >&2
    elif [ "$keep" = no ] && [ -d "$root" ]; then
        rm -rf "$root"
    else
        echo "try-fresh: the tried root stays in $root"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "try-fresh: commit $commit, archive $mirror, output in $log"
if [ ! -x "$base/usr/bin/git" ]; then
    rm -rf "$base.partial"
    step "debootstrap bookworm (default set + git)" \
        debootstrap --include=git bookworm "$base.partial" "$mirror" || exit 1
    mv "$base.partial" "$base"
else
    echo "debootstrap bookworm: reusing $base"
fi
step "fresh copy of the root" cp -a "$base" "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# Apt reaches the archive as this machine's does (its sources and network settings).
cp /etc/apt/sources.list.d/*.sources "$root/etc/apt/sources.list.d/" 2>/dev/null && rm -f "$root/etc/apt/sources.list"
grep -l '^Acquire' /etc/apt/apt.conf.d/* 2>/dev/null | while read -r f; do cp "$f" "$root/etc/apt/apt.conf.d/"; done
step "clone $commit" sh -c "git clone -q --no-local '$repo' '$root/root/kiosk' && git -C '$root/root/kiosk' checkout -q '$commit'"

mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t tmpfs shm "$root/dev/shm"

# The first command ends by running the kiosk: it gets a display of this machine's (Xvfb),
# and a clean SIGTERM once its first frame is on screen.
display=""
if command -v Xvfb >/dev/null; then
    mkdir -p /tmp/.X11-unix "$root/tmp/.X11-unix"
    mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
    n=77
    while [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
    Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    display=":$n"
fi

readme_command() {   # the Nth ```sh block's first line in the README
    awk -v want="$1" '/^```sh$/ { n++; getline; if (n == want) { print; exit } }' "$repo/README.md"
}
inside() {   # a clean root shell in the clone, as a new user's would be
    chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 TERM=dumb ${display:+DISPLAY=$display} sh -c "cd /root/kiosk && $1"
}
stop_kiosk_after_first_frame() {
    while sleep 1; do
        if grep -q "kiosk: first frame after" "$log"; then
            sleep 3
            for p in /proc/[0-9]*; do
                [ "$(readlink "$p/exe" 2>/dev/null)" = "$root/root/kiosk/build/kiosk" ] && kill -TERM "${p#/proc/}"
            done
            return
        fi
    done
}

first=$(readme_command 1)
second=$(readme_command 2)
echo "README command 1: $first" >>"$log"
stop_kiosk_after_first_frame &
watcher=$!
status=0
step "README command 1 (install, build, run)" inside "$first" || status=1
kill "$watcher" 2>/dev/null || true
# The tests start their own Xvfb inside: they get a /tmp/.X11-unix of their own.
[ -n "$xvfb_pid" ] && kill "$xvfb_pid" && xvfb_pid=""
mountpoint -q "$root/tmp/.X11-unix" && umount -l "$root/tmp/.X11-unix"
grep -E "^kiosk: (first frame|stopping|no X display)" "$log" | sed 's/^/  /'
echo "README command 2: $second" >>"$log"
step "README command 2 (install, build, every test)" inside "$second" || status=1
grep -E "tests passed|tests failed|setup coverage:" "$log" | sed 's/^/  /'
[ "$status" -eq 0 ] && echo "try-fresh: both README commands passed on a fresh Debian 12" ||
    echo "try-fresh: FAILED; the output is in $log"
exit "$status"
