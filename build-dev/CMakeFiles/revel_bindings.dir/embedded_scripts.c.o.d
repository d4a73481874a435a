CMakeFiles/revel_bindings.dir/embedded_scripts.c.o: \
 /work/main/build-dev/embedded_scripts.c /usr/include/stdc-predef.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \
 /work/main/bindings/embedded.h
