file(REMOVE_RECURSE
  "CMakeFiles/guest_rtsig.dir/spec/guests/rtsig.c.o"
  "CMakeFiles/guest_rtsig.dir/spec/guests/rtsig.c.o.d"
  "guests/rtsig"
  "guests/rtsig.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_rtsig.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
