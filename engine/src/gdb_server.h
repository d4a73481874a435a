/* gdb_server.h: revel --gdbserver, a GDB remote protocol server inside the
 * tracer. It is a guest of the tracer loop, not a second tracer: it looks at
 * each stop before the state machine (gdb_on_stop), holds the threads gdb
 * looks at (task.gdb_hold: the tracer's own resumes of them wait), and serves
 * gdb's packets while the guest is stopped. The protocol's framing is
 * gdb_packet.c; registers gdb_regs.c; stops, threads and breakpoints
 * gdb_run.c; files (auxv, exec-file, libraries, vFile) gdb_files.c. */
#ifndef REVEL_GDB_SERVER_H
#define REVEL_GDB_SERVER_H

#include <stdbool.h>
#include "engine_state.h"
#include "gdb_packet.h"
#include "stop.h"

struct gdb_bp {
	pid_t pid; /* breakpoints are per process (a fork copies them) */
	uint64_t addr;
	unsigned char orig;
};

/* A debug register's watch: addr/len the aligned piece, whole/whole_len
 * the Z packet's range it is part of; type 2 write, 3 read, 4 access. */
struct gdb_watch {
	uint64_t addr;
	int len, type;
	uint64_t whole, whole_len;
};

struct gdb_wake;

struct gdb_server {
	int listen_fd, fd;
	char where[160];     /* the address, as said on stderr */
	char sock_path[108]; /* a UNIX socket revel made: removed at the end */
	bool connected, finished, no_ack, kill_on_disconnect;
	bool gone_said; /* "gdb went away" is said (by either thread) */
	pid_t pid;      /* the process gdb debugs first (the root) */
	/* multiprocess: gdb said multiprocess+ (thread ids pPID.TID); with
	 * fork-events/exec-events, a fork's child joins the processes gdb
	 * debugs (pids) until gdb detaches it (D;PID) */
	bool multiprocess, fork_events, vfork_events, exec_events;
	bool fork_is_vfork; /* fork_child came by vfork: memory shared */
	/* vfork children sharing their parent's memory (and breakpoints),
	 * until they exec or exit: breakpoints are the parent's */
	pid_t vf_child[8], vf_parent[8];
	int nvf;
	pid_t pids[16];
	int npids;
	pid_t fork_child; /* a fork to report (gdb_after_stop), 0: none */
	pid_t exit_pid;   /* the process report_exit is about */
	bool report_exec;
	pid_t report_tid; /* a stop to tell gdb of, 0: none */
	int report_sig;   /* its signal (Linux numbering) */
	bool report_exit; /* the process is gone: report_status */
	int report_status;
	pid_t g_tid, c_tid; /* Hg, Hc (0 or -1: any) */
	size_t nstashed;    /* stops kept for the tracer (gdb_replay), at most */
	/* `monitor lua CODE` waits for the caller (REVEL_EV_GDB_MONITOR):
	 * monitor_out once the event is out; resume_serving when answered */
	bool monitor_pending, monitor_out, resume_serving;
	char monitor_cmd[GDB_PACKET_MAX / 2 + 1];
	bool catching, catch_all; /* QCatchSyscalls: on, for every call */
	unsigned char catch_set[REVEL_NR_MAX / 8];
	uint64_t pass_sigs;      /* QPassSignals: bit N, signal N goes on unreported */
	char report_extra[1024]; /* more of the stop reply ("watch:ADDR;") */
	struct gdb_watch dr[4];
	unsigned dr_gen; /* changes with dr[]: threads with another get it anew */
	struct gdb_bp *bps;
	size_t nbps, capbps;
	int vfile_fd[16];
	size_t rpos, rend;
	char rbuf[4096];
	size_t outlen; /* the last frame, for a '-' */
	char out[2 * GDB_PACKET_MAX + 64];
	size_t rlen; /* the reply being built */
	char reply[GDB_PACKET_MAX + 1];
	struct gdb_reader rd;
	struct gdb_wake *wake; /* the socket's watcher while the guest runs */
};

/* ---- the tracer's hooks ---- */

/* Listen on addr ("PORT", "HOST:PORT" or a path with a '/': a UNIX socket).
 * 0, or -1 with a message in err. */
int gdb_server_open(revel_engine *e, const char *addr, int disconnect_kill, char *err,
                    size_t errlen);
void gdb_server_free(revel_engine *e);
/* A stop, before the state machine: true when gdb took it. */
bool gdb_on_stop(revel_engine *e, pid_t tid, const struct stop *s);
/* After the state machine: a stop gdb is to hear of is served now. */
void gdb_after_stop(revel_engine *e);
/* A stop that came while gdb had all threads stopped, for the tracer now:
 * true with *tid and *status set. */
bool gdb_replay(revel_engine *e, pid_t *tid, int *status);

/* ---- inside (gdb_server.c) ---- */

/* Serve packets until gdb resumes the guest or leaves (or a monitor
 * command waits for the caller: monitor_pending). gdb_serve_more goes on
 * serving without a stop reply first. */
void gdb_serve(revel_engine *e);
void gdb_serve_more(revel_engine *e);
void gdb_reply(struct gdb_server *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void gdb_reply_bin(struct gdb_server *g, const void *p, size_t n);
/* A qXfer reply: the part of data[0..n) at offset, at most len bytes. */
void gdb_reply_xfer(struct gdb_server *g, const void *data, size_t n, uint64_t offset,
                    uint64_t len);
void gdb_say(revel_engine *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The client is gone: said once, from either thread; with
 * --gdb-disconnect=kill the debugged processes get SIGKILL at once. */
void gdb_gone(revel_engine *e, struct gdb_server *g);
/* A second client is told no, in one line. */
void gdb_refuse_others(revel_engine *e, struct gdb_server *g);

/* ---- while the guest runs (gdb_wake.c) ---- */

void gdb_wake_start(revel_engine *e);
void gdb_wake_watch(revel_engine *e, bool on);
void gdb_wake_stop(struct gdb_server *g);
/* gdb's ^C: SIGINT to the debugged processes. */
void gdb_interrupt(struct gdb_server *g);

/* ---- registers (gdb_regs.c) ---- */

/* qXfer:features:read:target.xml */
const char *gdb_target_xml(void);
void gdb_regs_read_all(revel_engine *e, struct task *t);                         /* g */
bool gdb_regs_write_all(revel_engine *e, struct task *t, const char *hex);       /* G */
bool gdb_reg_read(revel_engine *e, struct task *t, int regno);                   /* p */
bool gdb_reg_write(revel_engine *e, struct task *t, int regno, const char *hex); /* P */

/* ---- running (gdb_run.c) ---- */

struct task *gdb_thread(revel_engine *e, pid_t tid); /* of a debugged process */
bool gdb_debugs(const struct gdb_server *g, pid_t pid);
/* A thread id as gdb writes it: TID, or pPID.TID with multiprocess. */
const char *gdb_tid(const struct gdb_server *g, const struct task *t, pid_t tid);
/* D;PID: gdb lets go of one process. */
void gdb_detach_pid(revel_engine *e, pid_t pid);
void gdb_stop_all(revel_engine *e);
/* vCont's actions, c, s, C, S: threads let go. False: a bad packet. */
bool gdb_resume(revel_engine *e, const char *pkt);
void gdb_stop_reply(revel_engine *e);
void gdb_let_go(revel_engine *e, bool kill);
int gdb_bp_insert(revel_engine *e, pid_t pid, uint64_t addr);
int gdb_bp_remove(revel_engine *e, pid_t pid, uint64_t addr);
/* Guest memory as gdb sees it: its breakpoints' bytes shown as they were. */
ssize_t gdb_mem_read(revel_engine *e, pid_t tid, uint64_t addr, void *buf, size_t n);
ssize_t gdb_mem_write(revel_engine *e, pid_t tid, uint64_t addr, const void *buf, size_t n);
int gdb_sig_to_gdb(int sig);
int gdb_sig_from_gdb(int gsig);

/* ---- watchpoints (gdb_watch.c) ---- */

int gdb_watch_insert(revel_engine *e, int type, uint64_t addr, uint64_t len);
int gdb_watch_remove(revel_engine *e, int type, uint64_t addr, uint64_t len);
void gdb_watch_clear(revel_engine *e);
void gdb_watch_apply(revel_engine *e, struct task *t);
bool gdb_watch_hit(revel_engine *e, struct task *t, char *out, size_t n);
void gdb_watch_clear_dr6(struct task *t);

/* ---- monitor commands (gdb_monitor.c) ---- */

/* qRcmd,HEX */
void gdb_monitor(revel_engine *e, const char *hex);
/* In revel_next: a monitor command for the caller (true, *ev filled), or
 * serving goes on after its answer. */
bool gdb_event(revel_engine *e, revel_event *ev);

/* ---- files (gdb_files.c) ---- */

bool gdb_files_packet(revel_engine *e, const char *pkt); /* qXfer (not features), vFile */

#endif
