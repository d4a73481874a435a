/* sched_log.c: --sched's decisions, logged and replayed. The engine holds
 * no strategy: a contested decision (more than one thread to pick from) is
 * the caller's (REVEL_EV_SCHEDULE; revel's strategies are Lua,
 * scripts/revel/sched/); without one, or on an answer of 0, the first
 * started thread runs. The log (--sched-log) has a line per decision: its
 * number, the chosen thread and those that could run, each by its number
 * in start order (0: the root). A replay makes the log's choices again. */
#define _GNU_SOURCE
#include <stdlib.h>
#include "sched.h"

int sched_log_init(struct sched *S, const struct revel_options *o, const char **err)
{
	if (o->sched != REVEL_SCHED_RANDOM && o->sched != REVEL_SCHED_PCT) {
		*err = "unknown --sched strategy";
		return -1;
	}
	if (o->sched_replay && o->sched_replay_n > 0) {
		S->replay = malloc((size_t)o->sched_replay_n * sizeof *S->replay);
		if (!S->replay) {
			*err = "out of memory";
			return -1;
		}
		for (int i = 0; i < o->sched_replay_n; i++)
			S->replay[i] = o->sched_replay[i];
		S->nreplay = o->sched_replay_n;
	}
	if (S->replay && o->sched_replay_runnable && o->sched_replay_runnable_n > 0) {
		int n = o->sched_replay_runnable_n;
		S->rrun = malloc((size_t)n * sizeof *S->rrun);
		S->rrun_at = malloc((size_t)n * sizeof *S->rrun_at);
		if (!S->rrun || !S->rrun_at) {
			*err = "out of memory";
			return -1;
		}
		long lists = 0;
		for (int i = 0; i < n; i++) {
			S->rrun[i] = o->sched_replay_runnable[i];
			if (i == 0 || S->rrun[i - 1] < 0)
				S->rrun_at[lists++] = i;
		}
		if (S->rrun[n - 1] >= 0)
			lists--; /* an unended last list: left out */
		S->nrrun_at = lists;
	}
	if (o->sched_log) {
		S->log = fopen(o->sched_log, "we");
		if (!S->log) {
			*err = "cannot create the --sched-log file";
			return -1;
		}
		/* Format 2: the strategies are Lua's (their draws differ from
		 * format 1's, made in C). The header names the strategy. */
		fprintf(S->log, "# revel schedule log 2\n# strategy=%s",
		        o->sched == REVEL_SCHED_PCT ? "pct" : "random");
		if (o->sched == REVEL_SCHED_PCT)
			fprintf(S->log, ":%d:%d", o->sched_depth, o->sched_steps);
		fprintf(S->log, " seed=%llu\n# decision thread runnable\n",
		        (unsigned long long)o->sched_seed);
	}
	return 0;
}

int sched_find_ord(const struct sched *S, int ord)
{
	for (int i = 0; i < S->nparked; i++)
		if (S->parked[i]->sched_ord == ord)
			return i;
	return -1;
}

static void list_ords(const struct sched *S, FILE *f)
{
	for (int i = 0; i < S->nparked; i++)
		fprintf(f, "%s%d", i ? "," : "", S->parked[i]->sched_ord);
}

int sched_replay_next(const struct sched *S)
{
	if (!S->replay || S->diverged || S->step >= S->nreplay)
		return -1;
	return S->replay[S->step];
}

const int *sched_replay_runnable(const struct sched *S)
{
	if (!S->rrun || S->diverged || S->step >= S->nrrun_at)
		return NULL;
	return S->rrun + S->rrun_at[S->step];
}

static int replayed(struct sched *S, FILE *warn)
{
	if (!S->replay || S->diverged)
		return -1;
	long at = S->step - 1;
	if (at >= S->nreplay) {
		fprintf(warn,
		        "revel: --sched-replay: diverged at decision %ld: the log ends there\n",
		        S->step);
		S->diverged = true;
		return -1;
	}
	int k = sched_find_ord(S, S->replay[at]);
	if (k < 0) {
		fprintf(
		    warn,
		    "revel: --sched-replay: diverged at decision %ld: the log chooses thread %d, "
		    "which cannot run (runnable: ",
		    S->step, S->replay[at]);
		list_ords(S, warn);
		fputs(")\n", warn);
		S->diverged = true;
	}
	return k;
}

int sched_pick(struct sched *S, FILE *warn, int chosen)
{
	S->step++;
	if (S->nparked > 1)
		S->contested++;
	int k = chosen >= 0 ? chosen : replayed(S, warn);
	if (k < 0)
		k = 0; /* the first started (after a divergence too) */
	if (S->log) {
		fprintf(S->log, "%ld %d ", S->step, S->parked[k]->sched_ord);
		list_ords(S, S->log);
		fputc('\n', S->log);
	}
	return k;
}

void sched_log_end(struct sched *S, FILE *warn)
{
	if (S->replay && !S->diverged && S->step < S->nreplay)
		fprintf(
		    warn,
		    "revel: --sched-replay: diverged: the run ended after decision %ld, the log "
		    "has %d\n",
		    S->step, S->nreplay);
}
