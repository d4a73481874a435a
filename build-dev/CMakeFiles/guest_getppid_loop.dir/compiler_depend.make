# Empty compiler generated dependencies file for guest_getppid_loop.
# This may be replaced when dependencies are built.
