file(REMOVE_RECURSE
  "CMakeFiles/guest_guard_page.dir/spec/guests/guard_page.c.o"
  "CMakeFiles/guest_guard_page.dir/spec/guests/guard_page.c.o.d"
  "guests/guard_page"
  "guests/guard_page.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_guard_page.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
