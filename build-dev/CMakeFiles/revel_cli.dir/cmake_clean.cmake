file(REMOVE_RECURSE
  "CMakeFiles/revel_cli.dir/bindings/cli/cli_api.c.o"
  "CMakeFiles/revel_cli.dir/bindings/cli/cli_api.c.o.d"
  "CMakeFiles/revel_cli.dir/bindings/cli/readline.c.o"
  "CMakeFiles/revel_cli.dir/bindings/cli/readline.c.o.d"
  "CMakeFiles/revel_cli.dir/bindings/cli/signals.c.o"
  "CMakeFiles/revel_cli.dir/bindings/cli/signals.c.o.d"
  "CMakeFiles/revel_cli.dir/bindings/cli/watch.c.o"
  "CMakeFiles/revel_cli.dir/bindings/cli/watch.c.o.d"
  "librevel_cli.a"
  "librevel_cli.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/revel_cli.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
