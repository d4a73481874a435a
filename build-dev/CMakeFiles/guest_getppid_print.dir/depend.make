# Empty dependencies file for guest_getppid_print.
# This may be replaced when dependencies are built.
