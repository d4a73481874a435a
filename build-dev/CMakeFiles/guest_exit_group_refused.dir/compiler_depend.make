# Empty compiler generated dependencies file for guest_exit_group_refused.
# This may be replaced when dependencies are built.
