file(REMOVE_RECURSE
  "CMakeFiles/guest_signals.dir/spec/guests/signals.c.o"
  "CMakeFiles/guest_signals.dir/spec/guests/signals.c.o.d"
  "guests/signals"
  "guests/signals.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_signals.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
