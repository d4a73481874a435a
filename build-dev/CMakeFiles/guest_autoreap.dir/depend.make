# Empty dependencies file for guest_autoreap.
# This may be replaced when dependencies are built.
