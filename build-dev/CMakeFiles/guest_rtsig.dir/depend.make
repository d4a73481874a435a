# Empty dependencies file for guest_rtsig.
# This may be replaced when dependencies are built.
