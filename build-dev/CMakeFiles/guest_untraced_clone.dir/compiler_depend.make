# Empty compiler generated dependencies file for guest_untraced_clone.
# This may be replaced when dependencies are built.
