file(REMOVE_RECURSE
  "CMakeFiles/guest_many_writes.dir/spec/guests/many_writes.c.o"
  "CMakeFiles/guest_many_writes.dir/spec/guests/many_writes.c.o.d"
  "guests/many_writes"
  "guests/many_writes.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_many_writes.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
