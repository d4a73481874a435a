# Empty dependencies file for guest_self_ptrace.
# This may be replaced when dependencies are built.
