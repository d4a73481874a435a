file(REMOVE_RECURSE
  "CMakeFiles/guest_threads8.dir/spec/guests/threads8.c.o"
  "CMakeFiles/guest_threads8.dir/spec/guests/threads8.c.o.d"
  "guests/threads8"
  "guests/threads8.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_threads8.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
