file(REMOVE_RECURSE
  "CMakeFiles/guest_stopcont.dir/spec/guests/stopcont.c.o"
  "CMakeFiles/guest_stopcont.dir/spec/guests/stopcont.c.o.d"
  "guests/stopcont"
  "guests/stopcont.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_stopcont.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
