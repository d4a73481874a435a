# Empty dependencies file for guest_exec_thread.
# This may be replaced when dependencies are built.
