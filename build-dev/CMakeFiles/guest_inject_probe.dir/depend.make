# Empty dependencies file for guest_inject_probe.
# This may be replaced when dependencies are built.
