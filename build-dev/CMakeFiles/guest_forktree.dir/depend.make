# Empty dependencies file for guest_forktree.
# This may be replaced when dependencies are built.
