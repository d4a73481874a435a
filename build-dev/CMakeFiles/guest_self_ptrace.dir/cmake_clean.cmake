file(REMOVE_RECURSE
  "CMakeFiles/guest_self_ptrace.dir/spec/guests/self_ptrace.c.o"
  "CMakeFiles/guest_self_ptrace.dir/spec/guests/self_ptrace.c.o.d"
  "guests/self_ptrace"
  "guests/self_ptrace.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_self_ptrace.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
