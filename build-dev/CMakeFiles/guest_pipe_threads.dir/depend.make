# Empty dependencies file for guest_pipe_threads.
# This may be replaced when dependencies are built.
