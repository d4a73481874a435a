file(REMOVE_RECURSE
  "CMakeFiles/guest_forktree.dir/spec/guests/forktree.c.o"
  "CMakeFiles/guest_forktree.dir/spec/guests/forktree.c.o.d"
  "guests/forktree"
  "guests/forktree.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_forktree.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
