# Empty dependencies file for guest_det.
# This may be replaced when dependencies are built.
