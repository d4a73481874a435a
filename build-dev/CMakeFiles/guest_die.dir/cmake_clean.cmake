file(REMOVE_RECURSE
  "CMakeFiles/guest_die.dir/spec/guests/die.c.o"
  "CMakeFiles/guest_die.dir/spec/guests/die.c.o.d"
  "guests/die"
  "guests/die.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_die.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
