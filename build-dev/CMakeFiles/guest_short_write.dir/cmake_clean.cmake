file(REMOVE_RECURSE
  "CMakeFiles/guest_short_write.dir/spec/guests/short_write.c.o"
  "CMakeFiles/guest_short_write.dir/spec/guests/short_write.c.o.d"
  "guests/short_write"
  "guests/short_write.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_short_write.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
