# Empty compiler generated dependencies file for guest_threads8.
# This may be replaced when dependencies are built.
