file(REMOVE_RECURSE
  "CMakeFiles/guest_exec_thread.dir/spec/guests/exec_thread.c.o"
  "CMakeFiles/guest_exec_thread.dir/spec/guests/exec_thread.c.o.d"
  "guests/exec_thread"
  "guests/exec_thread.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_exec_thread.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
