# Installation layout and the Debian package (cpack -G DEB in the build dir).
# The program lives in /usr/lib/lvliang-kiosk/kiosk with /usr/bin/lvliang-kiosk
# pointing at it: "kiosk" alone is too generic a name for /usr/bin.
set(KIOSK_LIB_DIR lib/lvliang-kiosk)

install(TARGETS kiosk RUNTIME DESTINATION ${KIOSK_LIB_DIR})
install(PROGRAMS deploy/kiosk-session DESTINATION ${KIOSK_LIB_DIR})
file(CREATE_LINK ../${KIOSK_LIB_DIR}/kiosk ${CMAKE_BINARY_DIR}/lvliang-kiosk SYMBOLIC)
install(FILES ${CMAKE_BINARY_DIR}/lvliang-kiosk DESTINATION bin)

# The demo event, the schemas and the guides, for staff to copy and read
# (the program itself has the demo feed and schemas compiled in).
install(FILES config/demo-feed.json config/feed.schema.json config/live.schema.json config/announcements.schema.json config/kiosk.json
        DESTINATION share/lvliang-kiosk)
install(FILES config/feed-format.md deploy/README-venue.md DESTINATION share/doc/lvliang-kiosk)
# Fleet monitoring, for the monitoring machine (README "Many kiosks"): a kiosk PC never loads them,
# but staff who have the package have them without a checkout.
install(FILES deploy/monitoring/kiosk-alerts.yml deploy/monitoring/prometheus.yml deploy/monitoring/grafana-kiosk-fleet.json
        DESTINATION share/lvliang-kiosk/monitoring)

# System integration. Absolute paths: these belong where Debian 12 looks.
install(FILES config/kiosk.json DESTINATION /etc/lvliang-kiosk)
install(FILES deploy/lvliang-kiosk.service deploy/lvliang-kiosk-display.service deploy/lvliang-kiosk-retry.timer
        deploy/lvliang-kiosk-retry.service DESTINATION /lib/systemd/system)
install(FILES deploy/lvliang-kiosk.sysusers DESTINATION lib/sysusers.d RENAME lvliang-kiosk.conf)
install(FILES deploy/lvliang-kiosk.pam DESTINATION /etc/pam.d RENAME lvliang-kiosk)
install(FILES deploy/xorg-kiosk.conf DESTINATION /etc/X11/xorg.conf.d RENAME 50-lvliang-kiosk.conf)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lvliang-kiosk)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Lüliang Square live-commerce venue kiosk")
set(CPACK_PACKAGE_DESCRIPTION "Fullscreen touchscreen kiosk for the 15-19 May 2020 live-stream commerce \
event at Lüliang Square: schedule, county products with order QR codes and live sales, from a JSON feed.")
set(CPACK_PACKAGE_CONTACT "Lüliang kiosk maintainers <lvliang-kiosk@localhost>")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# Shared libraries come from dpkg-shlibdeps; these are what the program and
# the session use without linking them (Dear ImGui is linked statically).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "fonts-noto-cjk, fonts-noto-core, tzdata, ca-certificates, libgl1-mesa-dri, xserver-xorg-core, xserver-xorg-input-libinput, xinit, xauth, x11-xserver-utils, systemd, libpam-systemd")
# Files under /etc are conffiles: an upgrade keeps the venue's edits.
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_SOURCE_DIR}/deploy/debian/conffiles
  ${CMAKE_SOURCE_DIR}/deploy/debian/postinst ${CMAKE_SOURCE_DIR}/deploy/debian/prerm ${CMAKE_SOURCE_DIR}/deploy/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
