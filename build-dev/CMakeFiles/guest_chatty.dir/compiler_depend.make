# Empty compiler generated dependencies file for guest_chatty.
# This may be replaced when dependencies are built.
