file(REMOVE_RECURSE
  "CMakeFiles/guest_replay_probe.dir/spec/guests/replay_probe.c.o"
  "CMakeFiles/guest_replay_probe.dir/spec/guests/replay_probe.c.o.d"
  "guests/replay_probe"
  "guests/replay_probe.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/guest_replay_probe.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
