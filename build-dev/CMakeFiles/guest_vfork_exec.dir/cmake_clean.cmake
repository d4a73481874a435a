file(REMOVE_RECURSE
  "CMakeFiles/guest_vfork_exec.dir/spec/guests/vfork_exec.c.o"
  "CMakeFiles/guest_vfork_exec.dir/spec/guests/vfork_exec.c.o.d"
  "guests/vfork_exec"
  "guests/vfork_exec.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_vfork_exec.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
