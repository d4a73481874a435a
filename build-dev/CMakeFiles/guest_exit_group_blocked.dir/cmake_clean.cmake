file(REMOVE_RECURSE
  "CMakeFiles/guest_exit_group_blocked.dir/spec/guests/exit_group_blocked.c.o"
  "CMakeFiles/guest_exit_group_blocked.dir/spec/guests/exit_group_blocked.c.o.d"
  "guests/exit_group_blocked"
  "guests/exit_group_blocked.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_exit_group_blocked.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
