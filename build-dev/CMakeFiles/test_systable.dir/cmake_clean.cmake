file(REMOVE_RECURSE
  "CMakeFiles/test_systable.dir/engine/tests/test_systable.c.o"
  "CMakeFiles/test_systable.dir/engine/tests/test_systable.c.o.d"
  "test_systable"
  "test_systable.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_systable.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
