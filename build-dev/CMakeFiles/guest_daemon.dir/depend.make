# Empty dependencies file for guest_daemon.
# This may be replaced when dependencies are built.
