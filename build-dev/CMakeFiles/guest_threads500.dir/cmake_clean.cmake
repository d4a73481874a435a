file(REMOVE_RECURSE
  "CMakeFiles/guest_threads500.dir/spec/guests/threads500.c.o"
  "CMakeFiles/guest_threads500.dir/spec/guests/threads500.c.o.d"
  "guests/threads500"
  "guests/threads500.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_threads500.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
