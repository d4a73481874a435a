# Empty compiler generated dependencies file for guest_signals.
# This may be replaced when dependencies are built.
