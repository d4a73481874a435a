file(REMOVE_RECURSE
  "CMakeFiles/guest_regs_check.dir/spec/guests/regs_check.c.o"
  "CMakeFiles/guest_regs_check.dir/spec/guests/regs_check.c.o.d"
  "guests/regs_check"
  "guests/regs_check.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_regs_check.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
