file(REMOVE_RECURSE
  "CMakeFiles/guest_fifo_wait.dir/spec/guests/fifo_wait.c.o"
  "CMakeFiles/guest_fifo_wait.dir/spec/guests/fifo_wait.c.o.d"
  "guests/fifo_wait"
  "guests/fifo_wait.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_fifo_wait.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
