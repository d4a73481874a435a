# Empty compiler generated dependencies file for guest_vfork_exec.
# This may be replaced when dependencies are built.
