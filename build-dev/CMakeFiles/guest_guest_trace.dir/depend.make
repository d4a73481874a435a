# Empty dependencies file for guest_guest_trace.
# This may be replaced when dependencies are built.
