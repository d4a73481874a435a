# gen_xlat.cmake: turns a name list, xlat/NAME.in, into the C table x_NAME,
# as strace's xlat does: the list holds names, the values come from the
# system's headers when the table is compiled. Run by the build:
#   cmake -DIN=xlat/NAME.in -DOUT=NAME.c -P gen_xlat.cmake
#
# A line of NAME.in is one of:
#   # comment
#   #include <header.h>      headers that define the names (copied as is)
#   NAME                     NAME's value; left out where the headers lack it
#   NAME FALLBACK            NAME's value, FALLBACK where the headers lack it
#                            (a name newer than this system's headers)
#   SYMBOL "label"           SYMBOL's value (or a number), printed as label
#   #unconditional           the names below are enum constants, which the
#                            preprocessor cannot test: used as they are
# Order is kept: a flag set prints in table order.

get_filename_component(name ${IN} NAME_WE)
file(STRINGS ${IN} lines)
set(includes "")
set(body "")
set(unconditional OFF)
foreach(line IN LISTS lines)
  string(STRIP "${line}" line)
  if(line STREQUAL "")
    continue()
  elseif(line MATCHES "^#include[ \t]")
    string(APPEND includes "${line}\n")
  elseif(line STREQUAL "#unconditional")
    set(unconditional ON)
  elseif(line MATCHES "^#")
    # a comment
  elseif(line MATCHES "^([A-Za-z0-9_]+)[ \t]+\"([^\"]+)\"$")
    set(sym ${CMAKE_MATCH_1})
    set(entry "\t{(uint64_t)(${sym}), \"${CMAKE_MATCH_2}\"},\n")
    if(sym MATCHES "^[0-9]" OR unconditional)
      string(APPEND body "${entry}")
    else()
      string(APPEND body "#if defined(${sym})\n${entry}#endif\n")
    endif()
  elseif(line MATCHES "^([A-Za-z_][A-Za-z0-9_]*)[ \t]+(-?[0-9][0-9a-fA-FxX]*)$")
    set(sym ${CMAKE_MATCH_1})
    string(APPEND body "#if defined(${sym})\n\t{(uint64_t)(${sym}), \"${sym}\"},\n"
                       "#else\n\t{(uint64_t)(${CMAKE_MATCH_2}), \"${sym}\"},\n#endif\n")
  elseif(line MATCHES "^([A-Za-z_][A-Za-z0-9_]*)$")
    set(sym ${CMAKE_MATCH_1})
    if(unconditional)
      string(APPEND body "\t{(uint64_t)(${sym}), \"${sym}\"},\n")
    else()
      string(APPEND body "#if defined(${sym})\n\t{(uint64_t)(${sym}), \"${sym}\"},\n#endif\n")
    endif()
  else()
    message(FATAL_ERROR "${IN}: cannot read the line \"${line}\"")
  endif()
endforeach()

file(WRITE ${OUT}.tmp
  "/* Generated from ${IN} by gen_xlat.cmake: do not edit. */\n"
  "#define _GNU_SOURCE\n"
  "${includes}"
  "#include \"xlat.h\"\n\n"
  "const struct xlat x_${name}[] = {\n"
  "${body}"
  "\t{0, NULL},\n};\n")
# Only a changed table is recompiled.
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
file(REMOVE ${OUT}.tmp)
