# Empty compiler generated dependencies file for revel_decode.
# This may be replaced when dependencies are built.
