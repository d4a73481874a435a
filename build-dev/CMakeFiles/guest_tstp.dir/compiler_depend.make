# Empty compiler generated dependencies file for guest_tstp.
# This may be replaced when dependencies are built.
