file(REMOVE_RECURSE
  "CMakeFiles/guest_autoreap.dir/spec/guests/autoreap.c.o"
  "CMakeFiles/guest_autoreap.dir/spec/guests/autoreap.c.o.d"
  "guests/autoreap"
  "guests/autoreap.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_autoreap.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
