file(REMOVE_RECURSE
  "CMakeFiles/revel_engine.dir/engine/src/answers.c.o"
  "CMakeFiles/revel_engine.dir/engine/src/answers.c.o.d"
  "CMakeFiles/revel_engine.dir/engine/src/engine.c.o"
  "CMakeFiles/revel_engine.dir/engine/src/engine.c.o.d"
  "CMakeFiles/revel_engine.dir/engine/src/faults.c.o"
  "CMakeFiles/revel_engine.dir/engine/src/faults.c.o.d"
  "CMakeFiles/revel_engine.dir/engine/src/filter.c.o"
  "CMakeFiles/revel_engine.dir/engine/src/filter.c.o.d"
  "CMakeFiles/revel_engine.dir/engine/src/inject.c.o"
  "CMakeFiles/revel_engine.dir/engine/src/inject.c.o.d"
  "CMakeFiles/revel_engine.dir/engine/src/memory.c.o"
  "CMakeFiles/revel_engine.dir/engine/src/memory.c.o.d"
  "CMakeFiles/revel_engine.dir/engine/src/queue.c.o"
  "CMakeFiles/revel_engine.dir/engine/src/queue.c.o.d"
  "CMakeFiles/revel_engine.dir/engine/src/resume.c.o"
  "CMakeFiles/revel_engine.dir/engine/src/resume.c.o.d"
  "CMakeFiles/revel_engine.dir/engine/src/stop.c.o"
  "CMakeFiles/revel_engine.dir/engine/src/stop.c.o.d"
  "CMakeFiles/revel_engine.dir/engine/src/task.c.o"
  "CMakeFiles/revel_engine.dir/engine/src/task.c.o.d"
  "CMakeFiles/revel_engine.dir/engine/src/tasks.c.o"
  "CMakeFiles/revel_engine.dir/engine/src/tasks.c.o.d"
  "CMakeFiles/revel_engine.dir/engine/src/tracer.c.o"
  "CMakeFiles/revel_engine.dir/engine/src/tracer.c.o.d"
  "CMakeFiles/revel_engine.dir/engine/src/tracer_rules.c.o"
  "CMakeFiles/revel_engine.dir/engine/src/tracer_rules.c.o.d"
  "CMakeFiles/revel_engine.dir/engine/src/tracer_states.c.o"
  "CMakeFiles/revel_engine.dir/engine/src/tracer_states.c.o.d"
  "librevel_engine.a"
  "librevel_engine.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/revel_engine.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
