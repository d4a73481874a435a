/* gdb_wake.c: the gdb connection while the guest runs. The tracer's thread
 * waits for stops then, not on the socket; a second thread watches the
 * socket meanwhile: gdb's ^C (0x03) interrupts the guest as gdbserver does
 * (SIGINT to the debugged processes; the stop that makes is gdb's), and a
 * second client is refused at once, a client that leaves is said at once
 * (with --gdb-disconnect=kill the guest is killed). It makes no ptrace call, and stands
 * still while the tracer serves packets (it never takes a packet's bytes). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>
#include "gdb_server.h"

struct gdb_wake {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int pipe[2];   /* the tracer wakes the watcher out of its poll */
	bool watching; /* the guest runs: the watcher may look */
	bool idle;     /* the watcher is not polling */
	bool quit;
	struct gdb_server *g;
	revel_engine *e;
};

void gdb_interrupt(struct gdb_server *g)
{
	for (int i = 0; i < g->npids; i++)
		kill(g->pids[i], SIGINT);
}

static void *watch(void *arg)
{
	struct gdb_wake *w = arg;
	struct gdb_server *g = w->g;
	pthread_mutex_lock(&w->mu);
	for (;;) {
		w->idle = true;
		pthread_cond_broadcast(&w->cv);
		while (!w->watching && !w->quit)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->quit)
			break;
		w->idle = false;
		pthread_mutex_unlock(&w->mu);
		struct pollfd p[3] = {
		    {w->pipe[0], POLLIN, 0}, {g->fd, POLLIN, 0}, {g->listen_fd, POLLIN, 0}};
		bool rest = false; /* data that is not ours: wait for the tracer */
		while (!rest && poll(p, 3, -1) >= 0) {
			if (p[0].revents)
				break;
			if (p[2].revents & POLLIN)
				gdb_refuse_others(w->e, g);
			if (p[1].revents) {
				char c;
				ssize_t n = recv(g->fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
				if (n == 1 && c == 0x03) {
					(void)!recv(g->fd, &c, 1, MSG_DONTWAIT);
					gdb_interrupt(g);
				} else {
					/* gone while the guest runs: said now (and
					 * killed, if so asked), not at its next stop */
					if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
						gdb_gone(w->e, g);
					rest = true; /* a packet, or the end: the tracer reads it */
				}
			}
		}
		char buf[16];
		while (read(w->pipe[0], buf, sizeof buf) > 0)
			;
		pthread_mutex_lock(&w->mu);
		if (rest)
			while (w->watching && !w->quit) { /* until the tracer serves again */
				w->idle = true;
				pthread_cond_broadcast(&w->cv);
				pthread_cond_wait(&w->cv, &w->mu);
			}
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

void gdb_wake_start(revel_engine *e)
{
	struct gdb_server *g = e->gdb;
	if (g->wake || g->fd < 0)
		return;
	struct gdb_wake *w = calloc(1, sizeof *w);
	if (!w || pipe2(w->pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
		free(w);
		return;
	}
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	w->g = g;
	w->e = e;
	/* The watcher takes no signal of revel's: they stay the tracer's. */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	int rc = pthread_create(&w->thread, NULL, watch, w);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc) {
		close(w->pipe[0]);
		close(w->pipe[1]);
		free(w);
		return;
	}
	g->wake = w;
}

/* The guest runs (on) or the tracer is about to read the socket (off: it
 * returns once the watcher stands still). */
void gdb_wake_watch(revel_engine *e, bool on)
{
	struct gdb_wake *w = e->gdb ? e->gdb->wake : NULL;
	if (!w)
		return;
	pthread_mutex_lock(&w->mu);
	w->watching = on;
	pthread_cond_broadcast(&w->cv);
	if (!on) {
		(void)!write(w->pipe[1], "x", 1);
		while (!w->idle)
			pthread_cond_wait(&w->cv, &w->mu);
	}
	pthread_mutex_unlock(&w->mu);
}

void gdb_wake_stop(struct gdb_server *g)
{
	struct gdb_wake *w = g->wake;
	if (!w)
		return;
	pthread_mutex_lock(&w->mu);
	w->quit = true;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
	(void)!write(w->pipe[1], "x", 1);
	pthread_join(w->thread, NULL);
	close(w->pipe[0]);
	close(w->pipe[1]);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->cv);
	free(w);
	g->wake = NULL;
}
