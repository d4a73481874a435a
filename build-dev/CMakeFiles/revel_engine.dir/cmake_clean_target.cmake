file(REMOVE_RECURSE
  "librevel_engine.a"
)
