#!/bin/sh
# The Debian package: built with cpack into a temporary directory, then checked
# unpacked with dpkg-deb -x (a chroot install would be too slow for CI): the
# exact file list, conffiles, Depends, the systemd units (systemd-analyze
# verify against the unpacked tree), the kiosk user (systemd-sysusers --root),
# the maintainer scripts (shellcheck), and the installed program running on
# the installed demo feed and config.
# Usage: package_test.sh BUILD_DIR SOURCE_DIR VERSION
set -eu

build=$1 source=$2 version=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-deb-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
check() { # check DESCRIPTION COMMAND...: fails with DESCRIPTION when COMMAND fails
    what=$1; shift
    "$@" >"$work/out" 2>&1 || { fail "$what"; sed 's/^/    /' "$work/out" >&2; }
}

# --- Build ---------------------------------------------------------------
(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; exit 1; }
set -- "$work"/pkg/*.deb
if [ $# -ne 1 ] || [ ! -f "$1" ]; then echo "FAIL: expected one .deb, got: $*" >&2; exit 1; fi
deb=$1
[ "$(basename "$deb")" = "lvliang-kiosk_${version}-1_amd64.deb" ] || fail "package file name $(basename "$deb")"

# --- Control fields ------------------------------------------------------
[ "$(dpkg-deb --field "$deb" Package)" = lvliang-kiosk ] || fail "Package field"
[ "$(dpkg-deb --field "$deb" Version)" = "${version}-1" ] || fail "Version field"
depends=$(dpkg-deb --field "$deb" Depends)
echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//' >"$work/depends"   # package names only
for p in libc6 libstdc++6 libglfw3 libgl1 libfontconfig1 libfreetype6 libstb0 libpng16-16 libssl3 \
         fonts-noto-cjk fonts-noto-core tzdata ca-certificates libgl1-mesa-dri xserver-xorg-core xserver-xorg-input-libinput \
         xinit xauth x11-xserver-utils systemd libpam-systemd; do
    grep -qxF "$p" "$work/depends" || fail "Depends lacks $p: $depends"
done

dpkg-deb -e "$deb" "$work/control"
printf '%s\n' /etc/lvliang-kiosk/kiosk.json /etc/pam.d/lvliang-kiosk /etc/X11/xorg.conf.d/50-lvliang-kiosk.conf \
    >"$work/conffiles.expected"
check "conffiles are the /etc files" diff -u "$work/conffiles.expected" "$work/control/conffiles"
for script in postinst prerm postrm; do
    [ -x "$work/control/$script" ] || fail "$script missing or not executable"
done
check "maintainer scripts and kiosk-session pass shellcheck" \
    shellcheck "$work/control/postinst" "$work/control/prerm" "$work/control/postrm" "$source/deploy/kiosk-session"

# --- Files -----------------------------------------------------------------
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $1, $6, $7, $8 }' | sed 's| \./| /|' | sed 's/ *$//' | sort >"$work/files"
cat >"$work/files.expected" <<'LIST'
-rw-r--r-- /etc/X11/xorg.conf.d/50-lvliang-kiosk.conf
-rw-r--r-- /etc/lvliang-kiosk/kiosk.json
-rw-r--r-- /etc/pam.d/lvliang-kiosk
-rw-r--r-- /lib/systemd/system/lvliang-kiosk-display.service
-rw-r--r-- /lib/systemd/system/lvliang-kiosk-retry.service
-rw-r--r-- /lib/systemd/system/lvliang-kiosk-retry.timer
-rw-r--r-- /lib/systemd/system/lvliang-kiosk.service
-rw-r--r-- /usr/lib/sysusers.d/lvliang-kiosk.conf
-rw-r--r-- /usr/share/doc/lvliang-kiosk/README-venue.md
-rw-r--r-- /usr/share/doc/lvliang-kiosk/feed-format.md
-rw-r--r-- /usr/share/lvliang-kiosk/announcements.schema.json
-rw-r--r-- /usr/share/lvliang-kiosk/demo-feed.json
-rw-r--r-- /usr/share/lvliang-kiosk/feed.schema.json
-rw-r--r-- /usr/share/lvliang-kiosk/kiosk.json
-rw-r--r-- /usr/share/lvliang-kiosk/live.schema.json
-rw-r--r-- /usr/share/lvliang-kiosk/monitoring/grafana-kiosk-fleet.json
-rw-r--r-- /usr/share/lvliang-kiosk/monitoring/kiosk-alerts.yml
-rw-r--r-- /usr/share/lvliang-kiosk/monitoring/prometheus.yml
-rwxr-xr-x /usr/lib/lvliang-kiosk/kiosk
-rwxr-xr-x /usr/lib/lvliang-kiosk/kiosk-session
lrwxrwxrwx /usr/bin/lvliang-kiosk -> ../lib/lvliang-kiosk/kiosk
LIST
sort -o "$work/files.expected" "$work/files.expected"
check "the package holds exactly the expected files" diff -u "$work/files.expected" "$work/files"

root="$work/root"
dpkg-deb -x "$deb" "$root"
check "installed kiosk.json is config/kiosk.json" cmp "$source/config/kiosk.json" "$root/etc/lvliang-kiosk/kiosk.json"
check "installed demo feed is config/demo-feed.json" cmp "$source/config/demo-feed.json" "$root/usr/share/lvliang-kiosk/demo-feed.json"
for f in kiosk-alerts.yml prometheus.yml grafana-kiosk-fleet.json; do
    check "installed monitoring/$f is deploy/monitoring/$f" cmp "$source/deploy/monitoring/$f" "$root/usr/share/lvliang-kiosk/monitoring/$f"
done
# The installed pair is usable as shipped: the example config finds the rules beside it.
if command -v promtool >/dev/null; then
    check "promtool checks the installed monitoring/prometheus.yml and its rules" \
        promtool check config "$root/usr/share/lvliang-kiosk/monitoring/prometheus.yml"
else
    fail "promtool not found (deploy/setup.sh installs prometheus)"
fi
check "the kiosk binary is stripped" sh -c "file '$root/usr/lib/lvliang-kiosk/kiosk' | grep -q ', stripped'"

# --- The installed program -------------------------------------------------
kiosk="$root/usr/bin/lvliang-kiosk"   # through the symlink, as staff run it
[ "$("$kiosk" --version 2>&1)" = "kiosk $version" ] || fail "--version says: $("$kiosk" --version 2>&1)"
check "kiosk check passes the installed demo feed" "$kiosk" check "$root/usr/share/lvliang-kiosk/demo-feed.json"
"$kiosk" --config "$root/etc/lvliang-kiosk/kiosk.json" --print-config >"$work/config.out" 2>"$work/config.err" ||
    fail "--print-config on the installed config exits $?"
[ -s "$work/config.err" ] && fail "the installed config draws complaints: $(cat "$work/config.err")"
grep -q '"idle_seconds": 90' "$work/config.out" || fail "--print-config output lacks the defaults"
hash=$(echo 2468 | "$kiosk" hash-pin) || fail "hash-pin from a pipe"
case $hash in pbkdf2-sha256\$*) ;; *) fail "hash-pin printed: $hash" ;; esac

# --- systemd ---------------------------------------------------------------
# verify resolves units and ExecStart paths under --root; give it the host's units to depend on.
cp -rn /lib/systemd/system/. "$root/lib/systemd/system/"
# and systemctl, which lvliang-kiosk-retry.service runs (systemd, a dependency, installs it there).
mkdir -p "$root/bin" && cp /bin/systemctl "$root/bin/"
systemd-analyze verify --root="$root" lvliang-kiosk.service lvliang-kiosk-display.service lvliang-kiosk-retry.timer \
    lvliang-kiosk-retry.service \
    >"$work/verify" 2>&1 ||
    fail "systemd-analyze verify exits $?"
[ -s "$work/verify" ] && fail "systemd-analyze verify complains: $(cat "$work/verify")"

unit="$root/lib/systemd/system/lvliang-kiosk.service"
# A short RestartSec (issue 17: back on screen in 1.5 s), a start limit against a crash loop, a slow retry after it.
for line in Type=notify Restart=always RestartSec=0 WatchdogSec=10 User=lvliang-kiosk CacheDirectory=lvliang-kiosk \
            StateDirectory=lvliang-kiosk BindsTo=lvliang-kiosk-display.service \
            StartLimitIntervalSec=60 StartLimitBurst=10 OnFailure=lvliang-kiosk-retry.timer \
            "ExecStart=/usr/lib/lvliang-kiosk/kiosk --kiosk --config /etc/lvliang-kiosk/kiosk.json"; do
    grep -qx "$line" "$unit" || fail "lvliang-kiosk.service lacks $line"
done
grep -q '^Environment=DISPLAY=:0 ' "$unit" || fail "lvliang-kiosk.service does not set DISPLAY=:0"
timer="$root/lib/systemd/system/lvliang-kiosk-retry.timer"
for line in OnActiveSec=2min RemainAfterElapse=no PartOf=lvliang-kiosk-display.service; do
    grep -qx "$line" "$timer" || fail "lvliang-kiosk-retry.timer lacks $line"
done
# Without reset-failed the retry's start would be refused inside the start limit (seen in try-in-container).
for line in "ExecStart=/bin/systemctl reset-failed lvliang-kiosk.service lvliang-kiosk-display.service" \
            "ExecStart=/bin/systemctl start --no-block lvliang-kiosk.service"; do
    grep -qx "$line" "$root/lib/systemd/system/lvliang-kiosk-retry.service" || fail "lvliang-kiosk-retry.service lacks $line"
done
display="$root/lib/systemd/system/lvliang-kiosk-display.service"
# "+" on the helpers: no PAM session of their own, and root to end an orphaned Xorg (see the unit).
for line in Conflicts=getty@tty1.service TTYPath=/dev/tty1 PAMName=lvliang-kiosk Wants=lvliang-kiosk.service \
            WantedBy=multi-user.target SuccessExitStatus=1 RestartSec=100ms StartLimitIntervalSec=60 StartLimitBurst=5 \
            OnFailure=lvliang-kiosk-retry.timer \
            "ExecStartPost=+/usr/lib/lvliang-kiosk/kiosk-session wait" \
            "ExecStopPost=+/usr/lib/lvliang-kiosk/kiosk-session cleanup"; do
    grep -qx "$line" "$display" || fail "lvliang-kiosk-display.service lacks $line"
done
for option in BlankTime StandbyTime SuspendTime OffTime; do
    grep -Eq "Option +\"$option\" +\"0\"" "$root/etc/X11/xorg.conf.d/50-lvliang-kiosk.conf" || fail "xorg snippet lacks $option 0"
done

systemd-sysusers --root="$root" lvliang-kiosk.conf >"$work/sysusers" 2>&1 || fail "systemd-sysusers: $(cat "$work/sysusers")"
grep -q '^lvliang-kiosk:x:[0-9]*:[0-9]*:[^:]*:/var/lib/lvliang-kiosk:/usr/sbin/nologin$' "$root/etc/passwd" ||
    fail "the kiosk user is not created as expected: $(cat "$root/etc/passwd" 2>/dev/null)"
for group in video render input; do
    grep -q "^$group:x:[0-9]*:.*lvliang-kiosk" "$root/etc/group" || fail "the kiosk user is not in $group"
done

# --- The session script's own modes ------------------------------------------
session="$root/usr/lib/lvliang-kiosk/kiosk-session"
if "$session" bogus 2>/dev/null; then fail "kiosk-session accepts an unknown mode"; fi
mkdir "$work/run" && : >"$work/run/display-ready"
check "kiosk-session wait returns once the display is ready" env RUNTIME_DIRECTORY="$work/run" "$session" wait

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed" >&2; exit 1; }
echo "package OK: $(basename "$deb")"
