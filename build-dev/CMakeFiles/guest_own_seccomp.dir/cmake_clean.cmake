file(REMOVE_RECURSE
  "CMakeFiles/guest_own_seccomp.dir/spec/guests/own_seccomp.c.o"
  "CMakeFiles/guest_own_seccomp.dir/spec/guests/own_seccomp.c.o.d"
  "guests/own_seccomp"
  "guests/own_seccomp.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_own_seccomp.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
