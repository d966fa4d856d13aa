# Empty dependencies file for test_kiosk.
# This may be replaced when dependencies are built.
