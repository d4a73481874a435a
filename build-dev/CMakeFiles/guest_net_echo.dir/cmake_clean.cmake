file(REMOVE_RECURSE
  "CMakeFiles/guest_net_echo.dir/spec/guests/net_echo.c.o"
  "CMakeFiles/guest_net_echo.dir/spec/guests/net_echo.c.o.d"
  "guests/net_echo"
  "guests/net_echo.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_net_echo.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
