file(REMOVE_RECURSE
  "librevel_cli.a"
)
