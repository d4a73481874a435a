# Empty dependencies file for guest_vfork_clone.
# This may be replaced when dependencies are built.
