file(REMOVE_RECURSE
  "CMakeFiles/guest_threads_alive.dir/spec/guests/threads_alive.c.o"
  "CMakeFiles/guest_threads_alive.dir/spec/guests/threads_alive.c.o.d"
  "guests/threads_alive"
  "guests/threads_alive.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_threads_alive.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
