# Empty compiler generated dependencies file for guest_stopcont.
# This may be replaced when dependencies are built.
