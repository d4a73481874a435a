file(REMOVE_RECURSE
  "librevel_decode.a"
)
