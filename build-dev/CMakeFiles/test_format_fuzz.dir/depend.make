# Empty dependencies file for test_format_fuzz.
# This may be replaced when dependencies are built.
