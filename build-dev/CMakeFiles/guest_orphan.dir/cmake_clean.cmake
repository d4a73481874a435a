file(REMOVE_RECURSE
  "CMakeFiles/guest_orphan.dir/spec/guests/orphan.c.o"
  "CMakeFiles/guest_orphan.dir/spec/guests/orphan.c.o.d"
  "guests/orphan"
  "guests/orphan.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_orphan.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
