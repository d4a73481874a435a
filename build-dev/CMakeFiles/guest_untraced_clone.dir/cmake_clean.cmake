file(REMOVE_RECURSE
  "CMakeFiles/guest_untraced_clone.dir/spec/guests/untraced_clone.c.o"
  "CMakeFiles/guest_untraced_clone.dir/spec/guests/untraced_clone.c.o.d"
  "guests/untraced_clone"
  "guests/untraced_clone.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_untraced_clone.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
