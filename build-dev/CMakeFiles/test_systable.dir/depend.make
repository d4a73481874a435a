# Empty dependencies file for test_systable.
# This may be replaced when dependencies are built.
