file(REMOVE_RECURSE
  "CMakeFiles/guest_restart_read.dir/spec/guests/restart_read.c.o"
  "CMakeFiles/guest_restart_read.dir/spec/guests/restart_read.c.o.d"
  "guests/restart_read"
  "guests/restart_read.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_restart_read.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
