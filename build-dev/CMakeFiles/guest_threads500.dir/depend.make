# Empty dependencies file for guest_threads500.
# This may be replaced when dependencies are built.
