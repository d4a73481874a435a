# Empty compiler generated dependencies file for guest_restart_read.
# This may be replaced when dependencies are built.
