file(REMOVE_RECURSE
  "CMakeFiles/guest_pipe_threads.dir/spec/guests/pipe_threads.c.o"
  "CMakeFiles/guest_pipe_threads.dir/spec/guests/pipe_threads.c.o.d"
  "guests/pipe_threads"
  "guests/pipe_threads.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_pipe_threads.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
