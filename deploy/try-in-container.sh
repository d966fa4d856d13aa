#!/bin/sh
# Tries the kiosk's Debian package on a booted Debian 12 without a venue PC:
# a debootstrapped root booted with systemd-nspawn, the package installed with
# apt, the display and the kiosk started by systemd, then checked: status,
# watchdog, a screenshot, exit keys, restarts after crashes, a crash loop
# (the start limit, then the retry timer), a clean stop.
#
# Usage (as root, on Debian 12): deploy/try-in-container.sh ROOTFS [DEB]
#   ROOTFS  a directory outside the source tree; debootstrapped when it has no
#           system yet (about 1 GB; reused by later runs, delete it when done)
#   DEB     the package (default: cpack in ./build, as README "Run it at the venue" says)
# Needs: apt-get install debootstrap systemd-container
# Prints what it finds; the screenshot is left as ROOTFS/root/kiosk-screen.png.
#
# The container is not a venue PC. It has no GPU and no virtual terminals, so
# two container-only files are added (never shipped): the Xorg dummy video
# driver at 1920x1080 with Mesa's software OpenGL, and a drop-in that runs the
# display unit without tty1 (in a container /dev/tty1 does not exist, and
# logind refuses a session on VT 1 of a seat with no VTs).
set -eu

[ "$(id -u)" -eq 0 ] || { echo "try-in-container.sh: run as root" >&2; exit 2; }
[ $# -ge 1 ] || { sed -n '2,13p' "$0" >&2; exit 2; }
for tool in debootstrap systemd-nspawn nsenter; do
    command -v "$tool" >/dev/null || { echo "try-in-container.sh: $tool is missing: apt-get install debootstrap systemd-container" >&2; exit 2; }
done
rootfs=$(realpath -m "$1")
source_dir=$(cd "$(dirname "$0")/.." && pwd)
case "$rootfs/" in "$source_dir"/*) echo "try-in-container.sh: $rootfs is inside the source tree" >&2; exit 2 ;; esac
machine=lvliang-kiosk-try

# --- The system ------------------------------------------------------------
if [ ! -e "$rootfs/etc/os-release" ]; then
    echo "== debootstrap Debian 12 into $rootfs"
    debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus,libpam-systemd,ca-certificates \
        bookworm "$rootfs" >"$rootfs.debootstrap.log" 2>&1 || { tail "$rootfs.debootstrap.log" >&2; exit 1; }
    rm -f "$rootfs.debootstrap.log"
    # The host's Debian sources (with its updates and security suites) when it has them.
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        cp /etc/apt/sources.list.d/debian.sources "$rootfs/etc/apt/sources.list.d/"
        rm -f "$rootfs/etc/apt/sources.list"
    fi
    echo "$machine" >"$rootfs/etc/hostname"
fi

# --- The package -------------------------------------------------------------
if [ $# -ge 2 ]; then
    deb=$(realpath "$2")
else
    deb=$(cd "$source_dir/build" && cpack -G DEB 2>&1 | sed -n 's/^CPack: - package: \(.*\) generated\.$/\1/p')
    [ -f "$deb" ] || { echo "try-in-container.sh: cpack in $source_dir/build made no package" >&2; exit 1; }
fi
echo "== installing $(basename "$deb") with apt (and, for this try only: the dummy X driver, xwd, xdotool, netpbm, procps)"
cp "$deb" "$rootfs/root/"
# A reused root: apt keeps an installed package of the same version, so a rebuilt .deb would not be tried.
reinstall=""
chroot "$rootfs" dpkg-query -W lvliang-kiosk >/dev/null 2>&1 && reinstall=--reinstall
chroot "$rootfs" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $reinstall \
    /root/$(basename "$deb") xserver-xorg-video-dummy x11-apps xdotool netpbm procps" >"$rootfs/root/apt.log" 2>&1 ||
    { tail "$rootfs/root/apt.log" >&2; exit 1; }

cat >"$rootfs/etc/X11/xorg.conf.d/20-container-dummy.conf" <<'EOF'
# Container only: no GPU, so the dummy driver at the venue screen's 1920x1080.
Section "Device"
    Identifier "dummy"
    Driver     "dummy"
    VideoRam   32768
EndSection
Section "Monitor"
    Identifier  "dummy-monitor"
    HorizSync   28.0-80.0
    VertRefresh 48.0-75.0
    Modeline "1920x1080" 148.50 1920 2008 2052 2200 1080 1084 1089 1125 +hsync +vsync
EndSection
Section "Screen"
    Identifier "dummy-screen"
    Device     "dummy"
    Monitor    "dummy-monitor"
    DefaultDepth 24
    SubSection "Display"
        Depth 24
        Modes "1920x1080"
    EndSubSection
EndSection
EOF
mkdir -p "$rootfs/etc/systemd/system/lvliang-kiosk-display.service.d"
cat >"$rootfs/etc/systemd/system/lvliang-kiosk-display.service.d/container.conf" <<'EOF'
# Container only: there is no /dev/tty1, and logind refuses a session on VT 1
# of a seat without VTs. Xorg's dummy driver needs no console.
[Service]
TTYPath=
StandardInput=null
TTYReset=no
TTYVHangup=no
TTYVTDisallocate=no
UtmpIdentifier=
EOF
chroot "$rootfs" systemctl enable lvliang-kiosk-display.service >/dev/null 2>&1

# --- Boot ------------------------------------------------------------------------
# --register=no --keep-unit: no systemd-machined needed on the host; a private
# network so the container's X server cannot meet the host's on :0.
echo "== booting $rootfs with systemd-nspawn"
setsid systemd-nspawn -b -D "$rootfs" -M "$machine" --register=no --keep-unit --private-network \
    --console=passive >"$rootfs/root/console.log" 2>&1 &
nspawn=$!
init=""
for _ in $(seq 1 100); do
    init=$(pgrep -P "$nspawn" | head -1 || true)
    [ -n "$init" ] && break
    sleep 0.1
done
[ -n "$init" ] || { cat "$rootfs/root/console.log" >&2; exit 1; }
inside() { nsenter -t "$init" -a env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
x11() { inside DISPLAY=:0 XAUTHORITY=/run/lvliang-kiosk/Xauthority "$@"; }
poweroff() {   # systemd-nspawn turns SIGTERM into a clean shutdown of the container
    kill -TERM "$nspawn" 2>/dev/null || true
    wait "$nspawn" || true
}
trap poweroff EXIT

# systemctl answers once the container's system bus is up; then wait for the boot to end.
for _ in $(seq 1 300); do
    case $(inside systemctl is-system-running 2>/dev/null || true) in starting|running|degraded) break ;; esac
    sleep 0.2
done
echo "system: $(inside systemctl is-system-running --wait 2>&1 || true)"
kiosk_ready() {   # waits until lvliang-kiosk.service runs a process other than $1 and has said READY
    for _ in $(seq 1 600); do
        pid=$(inside systemctl show -p MainPID --value lvliang-kiosk || echo 0)
        state=$(inside systemctl show -p ActiveState -p SubState --value lvliang-kiosk | tr '\n' ' ' || true)
        [ "$pid" != 0 ] && [ "$pid" != "$1" ] && [ "$state" = "active running " ] && return 0
        sleep 0.1
    done
    echo "the kiosk did not come back in 60 s" >&2
    return 1
}
kiosk_ready 0
unit_log() { inside journalctl --no-pager -o short-precise -b "$@" | grep -v '^-- ' || true; }

echo; echo "== dpkg -L lvliang-kiosk"; inside dpkg -L lvliang-kiosk
echo; echo "== systemctl status lvliang-kiosk-display lvliang-kiosk"
inside systemctl status --no-pager lvliang-kiosk-display lvliang-kiosk || true
echo; echo "== systemctl show"
inside systemctl show -p Type -p ActiveState -p NRestarts -p WatchdogUSec -p WatchdogTimestamp -p StatusText lvliang-kiosk
sleep 6
inside systemctl show -p WatchdogTimestamp lvliang-kiosk
echo; echo "== the start, from the journal"
unit_log -u lvliang-kiosk-display -u lvliang-kiosk -u systemd-logind | grep -v 'kiosk-session\[[0-9]*\]: ' | head -40

echo; echo "== screenshot"
x11 sh -c 'xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng >/root/kiosk-screen.png'
echo "$rootfs/root/kiosk-screen.png"

echo; echo "== exit keys (xdotool)"
pid=$(inside systemctl show -p MainPID --value lvliang-kiosk)
since=$(date +%s)
for key in Escape alt+F4 ctrl+q ctrl+w; do x11 xdotool key "$key"; sleep 1; done
sleep 1
unit_log -u lvliang-kiosk --since "@$since"
echo "main PID before $pid, after $(inside systemctl show -p MainPID --value lvliang-kiosk)"

restart_probe() {   # restart_probe WHAT SIGNAL PID: kills PID, times until the kiosk shows its first frame again
    what=$1 signal=$2 victim=$3
    old=$(inside systemctl show -p MainPID --value lvliang-kiosk)
    t0=$(date +%s.%N)
    inside sh -c "kill -$signal $victim"
    kiosk_ready "$old"
    sleep 0.3
    echo; echo "== $what: kill -$signal $victim at $(date -d "@$t0" +%T.%N)"
    unit_log -u lvliang-kiosk-display -u lvliang-kiosk --since "@$t0" | grep -v 'kiosk-session\[[0-9]*\]: '
    line=$(inside journalctl -o short-unix -b -u lvliang-kiosk --since "@$t0" | grep 'first frame after' | tail -1)
    shown=$(echo "$line" | cut -d' ' -f1)
    result="$what: content again $(awk "BEGIN { printf \"%.2f\", $shown - $t0 }") s after the kill (the kiosk's own start: $(echo "$line" | sed 's/.*first frame after //'))"
    echo "$result"; echo "$result" >>"$rootfs/root/restarts.txt"
}
main_pid() { inside systemctl show -p MainPID --value "$1"; }
: >"$rootfs/root/restarts.txt"
restart_probe "kiosk crash" KILL "$(main_pid lvliang-kiosk)"
restart_probe "kiosk segfault" SEGV "$(main_pid lvliang-kiosk)"
restart_probe "kiosk hung (watchdog)" STOP "$(main_pid lvliang-kiosk)"
restart_probe "X server crash" KILL "$(inside pgrep -x Xorg)"
restart_probe "xinit killed" KILL "$(main_pid lvliang-kiosk-display)"
# A few more crashes for the spread; 8 s apart, well under the unit's start limit (10 in 60 s).
for n in 1 2 3; do
    for signal in SEGV ABRT; do
        sleep 8
        restart_probe "kiosk crash $signal #$n" "$signal" "$(main_pid lvliang-kiosk)"
    done
done
inside systemctl show -p NRestarts lvliang-kiosk lvliang-kiosk-display
echo; echo "== restarts (also in ROOTFS/root/restarts.txt)"; cat "$rootfs/root/restarts.txt"

crash_loop() {   # crash_loop UNIT VICTIM...: kills (SEGV) the command VICTIM names at each start of UNIT until systemd gives up
    unit=$1; shift
    echo; echo "== crash loop: $unit, its process killed (SEGV) as soon as each start has one, up to 15 times"
    inside systemctl reset-failed lvliang-kiosk lvliang-kiosk-display   # a fresh start count, as after a quiet hour
    t0=$(date +%s.%N) kills=0 last=0 state=""
    while [ "$kills" -lt 15 ]; do
        state=$(inside systemctl show -p ActiveState --value "$unit")
        [ "$state" = failed ] && break
        pid=$("$@" 2>/dev/null || echo 0)
        if [ -n "$pid" ] && [ "$pid" != 0 ] && [ "$pid" != "$last" ]; then
            inside kill -SEGV "$pid" 2>/dev/null && kills=$((kills + 1)) && last=$pid
        fi
        sleep 0.05
    done
    gave_up=$(date +%s.%N)
    echo "$kills kills in $(awk "BEGIN { printf \"%.1f\", $gave_up - $t0 }") s; $unit: $(inside systemctl show -p ActiveState -p Result --value "$unit" | tr '\n' ' ')"
    if [ "$state" != failed ]; then
        echo "crash loop ($unit): systemd still restarts after $kills crashes (no start limit)"
        kiosk_ready 0
        return 0
    fi
    inside systemctl list-timers --all --no-pager lvliang-kiosk-retry.timer || true
    unit_log -u "$unit" --since "@$t0" | grep -v 'kiosk: \|kiosk-session\[' | tail -4
    echo "waiting for the retry (OnFailure=lvliang-kiosk-retry.timer) to bring the kiosk back"
    back=""
    for _ in $(seq 1 400); do
        [ "$(inside systemctl show -p ActiveState -p SubState --value lvliang-kiosk | tr '\n' ' ')" = "active running " ] && back=yes && break
        sleep 0.5
    done
    sleep 0.3
    shown=$(inside journalctl -o short-unix -b -u lvliang-kiosk --since "@$gave_up" | grep 'first frame after' | tail -1 | cut -d' ' -f1)
    if [ -n "$back" ] && [ -n "$shown" ]; then
        echo "crash loop ($unit): content again $(awk "BEGIN { printf \"%.1f\", $shown - $gave_up }") s after systemd gave up"
    else
        echo "crash loop ($unit): the kiosk did not come back in 200 s after systemd gave up"
    fi
}
crash_loop lvliang-kiosk main_pid lvliang-kiosk
# Not the display: an Xorg killed as it starts leaves "kiosk-session wait" waiting its full 30 s, so
# each start takes ~32 s and 5 in 60 s never happen (15 kills took 441 s with the old units).

echo; echo "== systemctl stop lvliang-kiosk-display"
t0=$(date +%s.%N)
inside systemctl stop lvliang-kiosk-display
echo "took $(awk "BEGIN { printf \"%.2f\", $(date +%s.%N) - $t0 }") s"
unit_log -u lvliang-kiosk-display -u lvliang-kiosk --since "@$t0" | grep -v 'kiosk-session\[[0-9]*\]: '
inside systemctl show -p ActiveState -p Result lvliang-kiosk-display lvliang-kiosk
echo "logind sessions left: $(inside loginctl list-sessions --no-legend | wc -l)"
echo "processes of the kiosk user left (its systemd --user ends 10 s after its last session):"
inside ps -u lvliang-kiosk -o pid=,comm= || true
