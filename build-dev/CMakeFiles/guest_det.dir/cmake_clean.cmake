file(REMOVE_RECURSE
  "CMakeFiles/guest_det.dir/spec/guests/det.c.o"
  "CMakeFiles/guest_det.dir/spec/guests/det.c.o.d"
  "guests/det"
  "guests/det.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_det.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
