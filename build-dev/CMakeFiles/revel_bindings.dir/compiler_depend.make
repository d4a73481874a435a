# Empty compiler generated dependencies file for revel_bindings.
# This may be replaced when dependencies are built.
