# Empty compiler generated dependencies file for guest_vfork_variants.
# This may be replaced when dependencies are built.
