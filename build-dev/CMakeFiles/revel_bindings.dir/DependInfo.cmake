
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/bindings/ffi_check.c" "CMakeFiles/revel_bindings.dir/bindings/ffi_check.c.o" "gcc" "CMakeFiles/revel_bindings.dir/bindings/ffi_check.c.o.d"
  "/work/main/bindings/lua_api.c" "CMakeFiles/revel_bindings.dir/bindings/lua_api.c.o" "gcc" "CMakeFiles/revel_bindings.dir/bindings/lua_api.c.o.d"
  "/work/main/bindings/lua_format.c" "CMakeFiles/revel_bindings.dir/bindings/lua_format.c.o" "gcc" "CMakeFiles/revel_bindings.dir/bindings/lua_format.c.o.d"
  "/work/main/bindings/lua_revel.c" "CMakeFiles/revel_bindings.dir/bindings/lua_revel.c.o" "gcc" "CMakeFiles/revel_bindings.dir/bindings/lua_revel.c.o.d"
  "/work/main/build-dev/embedded_scripts.c" "CMakeFiles/revel_bindings.dir/embedded_scripts.c.o" "gcc" "CMakeFiles/revel_bindings.dir/embedded_scripts.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build-dev/CMakeFiles/revel_engine.dir/DependInfo.cmake"
  "/work/main/build-dev/engine/decode/CMakeFiles/revel_decode.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
