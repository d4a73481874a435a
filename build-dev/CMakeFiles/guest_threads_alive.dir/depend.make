# Empty dependencies file for guest_threads_alive.
# This may be replaced when dependencies are built.
