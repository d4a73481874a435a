file(REMOVE_RECURSE
  "CMakeFiles/revel_bindings.dir/bindings/ffi_check.c.o"
  "CMakeFiles/revel_bindings.dir/bindings/ffi_check.c.o.d"
  "CMakeFiles/revel_bindings.dir/bindings/lua_api.c.o"
  "CMakeFiles/revel_bindings.dir/bindings/lua_api.c.o.d"
  "CMakeFiles/revel_bindings.dir/bindings/lua_format.c.o"
  "CMakeFiles/revel_bindings.dir/bindings/lua_format.c.o.d"
  "CMakeFiles/revel_bindings.dir/bindings/lua_revel.c.o"
  "CMakeFiles/revel_bindings.dir/bindings/lua_revel.c.o.d"
  "CMakeFiles/revel_bindings.dir/embedded_scripts.c.o"
  "CMakeFiles/revel_bindings.dir/embedded_scripts.c.o.d"
  "embedded_scripts.c"
  "librevel_bindings.a"
  "librevel_bindings.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/revel_bindings.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
