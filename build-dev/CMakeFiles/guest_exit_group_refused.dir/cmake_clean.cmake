file(REMOVE_RECURSE
  "CMakeFiles/guest_exit_group_refused.dir/spec/guests/exit_group_refused.c.o"
  "CMakeFiles/guest_exit_group_refused.dir/spec/guests/exit_group_refused.c.o.d"
  "guests/exit_group_refused"
  "guests/exit_group_refused.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_exit_group_refused.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
