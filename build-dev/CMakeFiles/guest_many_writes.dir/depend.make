# Empty dependencies file for guest_many_writes.
# This may be replaced when dependencies are built.
