# Empty compiler generated dependencies file for guest_die.
# This may be replaced when dependencies are built.
