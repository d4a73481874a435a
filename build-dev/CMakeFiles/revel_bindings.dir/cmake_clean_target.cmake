file(REMOVE_RECURSE
  "librevel_bindings.a"
)
