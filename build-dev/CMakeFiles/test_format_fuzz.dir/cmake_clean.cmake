file(REMOVE_RECURSE
  "CMakeFiles/test_format_fuzz.dir/engine/tests/test_format_fuzz.c.o"
  "CMakeFiles/test_format_fuzz.dir/engine/tests/test_format_fuzz.c.o.d"
  "test_format_fuzz"
  "test_format_fuzz.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_format_fuzz.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
