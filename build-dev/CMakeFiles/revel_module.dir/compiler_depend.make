# Empty compiler generated dependencies file for revel_module.
# This may be replaced when dependencies are built.
