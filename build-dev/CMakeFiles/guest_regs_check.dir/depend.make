# Empty dependencies file for guest_regs_check.
# This may be replaced when dependencies are built.
