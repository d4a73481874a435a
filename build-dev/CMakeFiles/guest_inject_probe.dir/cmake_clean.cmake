file(REMOVE_RECURSE
  "CMakeFiles/guest_inject_probe.dir/spec/guests/inject_probe.c.o"
  "CMakeFiles/guest_inject_probe.dir/spec/guests/inject_probe.c.o.d"
  "guests/inject_probe"
  "guests/inject_probe.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_inject_probe.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
