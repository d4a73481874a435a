# Empty compiler generated dependencies file for revel_engine.
# This may be replaced when dependencies are built.
