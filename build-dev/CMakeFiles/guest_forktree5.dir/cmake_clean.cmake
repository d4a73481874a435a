file(REMOVE_RECURSE
  "CMakeFiles/guest_forktree5.dir/spec/guests/forktree5.c.o"
  "CMakeFiles/guest_forktree5.dir/spec/guests/forktree5.c.o.d"
  "guests/forktree5"
  "guests/forktree5.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_forktree5.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
