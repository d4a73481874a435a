# Empty dependencies file for revel.
# This may be replaced when dependencies are built.
