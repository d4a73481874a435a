# Empty dependencies file for guest_getppid_threads.
# This may be replaced when dependencies are built.
