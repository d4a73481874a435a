file(REMOVE_RECURSE
  "CMakeFiles/guest_vfork_clone.dir/spec/guests/vfork_clone.c.o"
  "CMakeFiles/guest_vfork_clone.dir/spec/guests/vfork_clone.c.o.d"
  "guests/vfork_clone"
  "guests/vfork_clone.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_vfork_clone.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
