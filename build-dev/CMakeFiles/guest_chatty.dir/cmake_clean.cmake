file(REMOVE_RECURSE
  "CMakeFiles/guest_chatty.dir/spec/guests/chatty.c.o"
  "CMakeFiles/guest_chatty.dir/spec/guests/chatty.c.o.d"
  "guests/chatty"
  "guests/chatty.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_chatty.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
