file(REMOVE_RECURSE
  "CMakeFiles/guest_getppid_threads.dir/bench/guests/getppid_threads.c.o"
  "CMakeFiles/guest_getppid_threads.dir/bench/guests/getppid_threads.c.o.d"
  "guests/getppid_threads"
  "guests/getppid_threads.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_getppid_threads.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
