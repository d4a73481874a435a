/* sched_pick.c: --sched's strategies, and its log and replay.
 *
 * random: each contested decision picks uniformly among the parked threads.
 * pct: probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi,
 * Nagarakatte, ASPLOS 2010): each thread gets a random priority, higher than
 * d-1 when it starts; the highest-priority thread that can run runs; at d-1
 * change points, drawn uniformly from the first `steps` contested
 * decisions, the thread that ran last drops to priority i (the i-th point).
 * A bug that needs d ordering constraints is then hit with a probability of
 * at least 1/(n k^(d-1)) for n threads and k steps.
 *
 * Both draw from a splitmix64 stream seeded with --seed, and only at
 * contested decisions, so a run's decisions depend on the seed and on what
 * the guest does, and on nothing else. The log (--sched-log) has a line per
 * decision: its number, the chosen thread and those that could run, each
 * by its number in start order (0: the root). */
#define _GNU_SOURCE
#include <stdlib.h>
#include "sched.h"

#define DEFAULT_DEPTH 3
#define DEFAULT_STEPS 100

static uint64_t next_rand(struct sched *S)
{
	uint64_t z = (S->rng += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

int sched_pick_init(struct sched *S, const struct revel_options *o, const char **err)
{
	if (o->sched != REVEL_SCHED_RANDOM && o->sched != REVEL_SCHED_PCT) {
		*err = "unknown --sched strategy";
		return -1;
	}
	S->strategy = o->sched;
	S->rng = o->sched_seed;
	S->depth = o->sched_depth > 0 ? o->sched_depth : DEFAULT_DEPTH;
	S->steps = o->sched_steps > 0 ? o->sched_steps : DEFAULT_STEPS;
	if (S->strategy == REVEL_SCHED_PCT && S->depth > 1) {
		S->change = calloc((size_t)S->depth - 1, sizeof *S->change);
		if (!S->change) {
			*err = "out of memory";
			return -1;
		}
		for (int j = 0; j < S->depth - 1; j++)
			S->change[j] = 1 + (long)(next_rand(S) % (uint64_t)S->steps);
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
	if (o->sched_log) {
		S->log = fopen(o->sched_log, "we");
		if (!S->log) {
			*err = "cannot create the --sched-log file";
			return -1;
		}
		fprintf(S->log, "# revel schedule log 1\n# strategy=%s",
		        S->strategy == REVEL_SCHED_PCT ? "pct" : "random");
		if (S->strategy == REVEL_SCHED_PCT)
			fprintf(S->log, ":%d:%d", S->depth, S->steps);
		fprintf(S->log, " seed=%llu\n# decision thread runnable\n",
		        (unsigned long long)o->sched_seed);
	}
	return 0;
}

void sched_pick_new_task(struct sched *S, struct task *t)
{
	/* Above the change points' 1..d-1, in a random order. */
	t->sched_prio = (uint64_t)S->depth + (next_rand(S) >> 1);
}

static int find_ord(const struct sched *S, int ord)
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
	int k = find_ord(S, S->replay[at]);
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

static int pct(struct sched *S, bool contested)
{
	if (contested && S->last) {
		for (int j = 0; j < S->depth - 1; j++)
			if (S->change[j] == S->contested)
				S->last->sched_prio = (uint64_t)j + 1;
	}
	int best = 0;
	for (int i = 1; i < S->nparked; i++)
		if (S->parked[i]->sched_prio > S->parked[best]->sched_prio)
			best = i;
	return best;
}

int sched_pick(struct sched *S, FILE *warn, int chosen)
{
	S->step++;
	bool contested = S->nparked > 1;
	if (contested)
		S->contested++;
	int k = chosen >= 0 ? chosen : replayed(S, warn);
	if (chosen >= 0)
		;
	else if (k >= 0 || S->replay)
		k = k >= 0 ? k : 0; /* after a divergence: the first started */
	else if (!contested)
		k = 0;
	else if (S->strategy == REVEL_SCHED_PCT)
		k = pct(S, contested);
	else
		k = (int)(next_rand(S) % (uint64_t)S->nparked);
	if (S->log) {
		fprintf(S->log, "%ld %d ", S->step, S->parked[k]->sched_ord);
		list_ords(S, S->log);
		fputc('\n', S->log);
	}
	return k;
}

void sched_pick_end(struct sched *S, FILE *warn)
{
	if (S->replay && !S->diverged && S->step < S->nreplay)
		fprintf(
		    warn,
		    "revel: --sched-replay: diverged: the run ended after decision %ld, the log "
		    "has %d\n",
		    S->step, S->nreplay);
}
