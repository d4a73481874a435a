# Empty dependencies file for guest_forktree5.
# This may be replaced when dependencies are built.
