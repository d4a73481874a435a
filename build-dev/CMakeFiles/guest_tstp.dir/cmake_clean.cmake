file(REMOVE_RECURSE
  "CMakeFiles/guest_tstp.dir/spec/guests/tstp.c.o"
  "CMakeFiles/guest_tstp.dir/spec/guests/tstp.c.o.d"
  "guests/tstp"
  "guests/tstp.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_tstp.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
