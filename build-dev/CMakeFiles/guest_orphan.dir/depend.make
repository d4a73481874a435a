# Empty dependencies file for guest_orphan.
# This may be replaced when dependencies are built.
