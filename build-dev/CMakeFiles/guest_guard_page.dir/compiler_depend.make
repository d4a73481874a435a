# Empty compiler generated dependencies file for guest_guard_page.
# This may be replaced when dependencies are built.
