# Empty dependencies file for test_shared.
# This may be replaced when dependencies are built.
