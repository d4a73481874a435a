# Empty dependencies file for guest_short_write.
# This may be replaced when dependencies are built.
