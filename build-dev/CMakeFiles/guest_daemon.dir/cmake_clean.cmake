file(REMOVE_RECURSE
  "CMakeFiles/guest_daemon.dir/spec/guests/daemon.c.o"
  "CMakeFiles/guest_daemon.dir/spec/guests/daemon.c.o.d"
  "guests/daemon"
  "guests/daemon.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_daemon.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
