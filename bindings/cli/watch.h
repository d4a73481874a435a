/* watch.h: what hot reload (revel --watch) needs from C: a tick that wakes
 * the tracer loop out of waitpid every few milliseconds (SIGALRM, no
 * SA_RESTART: the engine's revel_next returns -EINTR and the loop looks
 * around), and a cheap stamp of the tool file to compare. */
#ifndef REVEL_WATCH_H
#define REVEL_WATCH_H

/* Start ticking every ms milliseconds; 0 or a negative errno. */
int revel_tick_start(int ms);
/* Stop ticking and put SIGALRM back as it was. */
void revel_tick_stop(void);
/* Has a tick come since the last call? Clears it. */
int revel_tick_take(void);
/* out[0..3] = mtime seconds, mtime nanoseconds, size, inode of path;
 * 0 or a negative errno. */
int revel_file_stamp(const char *path, double out[4]);

#endif
