# Empty compiler generated dependencies file for guest_exit_group_blocked.
# This may be replaced when dependencies are built.
