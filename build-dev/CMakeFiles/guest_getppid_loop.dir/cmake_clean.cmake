file(REMOVE_RECURSE
  "CMakeFiles/guest_getppid_loop.dir/spec/guests/getppid_loop.c.o"
  "CMakeFiles/guest_getppid_loop.dir/spec/guests/getppid_loop.c.o.d"
  "guests/getppid_loop"
  "guests/getppid_loop.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_getppid_loop.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
