# Empty dependencies file for guest_own_seccomp.
# This may be replaced when dependencies are built.
