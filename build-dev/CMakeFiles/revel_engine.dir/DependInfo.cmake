
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/engine/src/answers.c" "CMakeFiles/revel_engine.dir/engine/src/answers.c.o" "gcc" "CMakeFiles/revel_engine.dir/engine/src/answers.c.o.d"
  "/work/main/engine/src/engine.c" "CMakeFiles/revel_engine.dir/engine/src/engine.c.o" "gcc" "CMakeFiles/revel_engine.dir/engine/src/engine.c.o.d"
  "/work/main/engine/src/faults.c" "CMakeFiles/revel_engine.dir/engine/src/faults.c.o" "gcc" "CMakeFiles/revel_engine.dir/engine/src/faults.c.o.d"
  "/work/main/engine/src/filter.c" "CMakeFiles/revel_engine.dir/engine/src/filter.c.o" "gcc" "CMakeFiles/revel_engine.dir/engine/src/filter.c.o.d"
  "/work/main/engine/src/inject.c" "CMakeFiles/revel_engine.dir/engine/src/inject.c.o" "gcc" "CMakeFiles/revel_engine.dir/engine/src/inject.c.o.d"
  "/work/main/engine/src/memory.c" "CMakeFiles/revel_engine.dir/engine/src/memory.c.o" "gcc" "CMakeFiles/revel_engine.dir/engine/src/memory.c.o.d"
  "/work/main/engine/src/queue.c" "CMakeFiles/revel_engine.dir/engine/src/queue.c.o" "gcc" "CMakeFiles/revel_engine.dir/engine/src/queue.c.o.d"
  "/work/main/engine/src/resume.c" "CMakeFiles/revel_engine.dir/engine/src/resume.c.o" "gcc" "CMakeFiles/revel_engine.dir/engine/src/resume.c.o.d"
  "/work/main/engine/src/stop.c" "CMakeFiles/revel_engine.dir/engine/src/stop.c.o" "gcc" "CMakeFiles/revel_engine.dir/engine/src/stop.c.o.d"
  "/work/main/engine/src/task.c" "CMakeFiles/revel_engine.dir/engine/src/task.c.o" "gcc" "CMakeFiles/revel_engine.dir/engine/src/task.c.o.d"
  "/work/main/engine/src/tasks.c" "CMakeFiles/revel_engine.dir/engine/src/tasks.c.o" "gcc" "CMakeFiles/revel_engine.dir/engine/src/tasks.c.o.d"
  "/work/main/engine/src/tracer.c" "CMakeFiles/revel_engine.dir/engine/src/tracer.c.o" "gcc" "CMakeFiles/revel_engine.dir/engine/src/tracer.c.o.d"
  "/work/main/engine/src/tracer_rules.c" "CMakeFiles/revel_engine.dir/engine/src/tracer_rules.c.o" "gcc" "CMakeFiles/revel_engine.dir/engine/src/tracer_rules.c.o.d"
  "/work/main/engine/src/tracer_states.c" "CMakeFiles/revel_engine.dir/engine/src/tracer_states.c.o" "gcc" "CMakeFiles/revel_engine.dir/engine/src/tracer_states.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build-dev/engine/decode/CMakeFiles/revel_decode.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
