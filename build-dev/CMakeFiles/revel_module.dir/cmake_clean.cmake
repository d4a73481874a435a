file(REMOVE_RECURSE
  "CMakeFiles/revel_module.dir/bindings/module.c.o"
  "CMakeFiles/revel_module.dir/bindings/module.c.o.d"
  "lua/revel.pdb"
  "lua/revel.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/revel_module.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
