file(REMOVE_RECURSE
  "CMakeFiles/guest_vfork_variants.dir/spec/guests/vfork_variants.c.o"
  "CMakeFiles/guest_vfork_variants.dir/spec/guests/vfork_variants.c.o.d"
  "guests/vfork_variants"
  "guests/vfork_variants.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_vfork_variants.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
