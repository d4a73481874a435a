file(REMOVE_RECURSE
  "CMakeFiles/revel.dir/bindings/cli/main.c.o"
  "CMakeFiles/revel.dir/bindings/cli/main.c.o.d"
  "revel"
  "revel.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/revel.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
