file(REMOVE_RECURSE
  "CMakeFiles/guest_getppid_print.dir/spec/guests/getppid_print.c.o"
  "CMakeFiles/guest_getppid_print.dir/spec/guests/getppid_print.c.o.d"
  "guests/getppid_print"
  "guests/getppid_print.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_getppid_print.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
