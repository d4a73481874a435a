/* tracer_rules.h: the tracer applying the verdicts of fault rules (-e
 * inject= and engine-run --rule; faults.h decides them): signals, delays,
 * skipped or stand-in calls, cut sizes, restarts. */
#ifndef REVEL_TRACER_RULES_H
#define REVEL_TRACER_RULES_H

#include "engine_state.h"

/* At a seccomp stop with registers loaded: true when a rule took the stop. */
bool rule_on_seccomp(revel_engine *e, struct task *t, long nr);
/* Apply the fired rule to the call at hand (after any delay_enter, or when
 * the tool let it run): FAULT_EXIT when its exit stop is needed, else RUNNING. */
void rule_fire(revel_engine *e, struct task *t);
/* At the exit stop of a rule's call (FAULT_EXIT). */
void rule_on_exit(revel_engine *e, struct task *t);
/* Release held tasks whose delay is over; returns the milliseconds until the
 * next one is due, or -1 when none is held. */
int rule_timers(revel_engine *e);

#endif
