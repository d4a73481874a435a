# Empty compiler generated dependencies file for guest_fifo_wait.
# This may be replaced when dependencies are built.
