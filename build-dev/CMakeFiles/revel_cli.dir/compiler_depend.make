# Empty compiler generated dependencies file for revel_cli.
# This may be replaced when dependencies are built.
