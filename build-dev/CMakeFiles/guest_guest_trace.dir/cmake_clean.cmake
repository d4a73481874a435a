file(REMOVE_RECURSE
  "CMakeFiles/guest_guest_trace.dir/spec/guests/guest_trace.c.o"
  "CMakeFiles/guest_guest_trace.dir/spec/guests/guest_trace.c.o.d"
  "guests/guest_trace"
  "guests/guest_trace.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_guest_trace.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
