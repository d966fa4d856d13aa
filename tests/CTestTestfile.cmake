# CMake generated Testfile for 
# Source directory: /work/main/tests
# Build directory: /work/main/tests
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
include("/work/main/tests/test_shared_include-b12d07c.cmake")
include("/work/main/tests/test_kiosk_include-b12d07c.cmake")
