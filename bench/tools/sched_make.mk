# The sched section's make -j2 workload: eight small jobs, two at a time.
JOBS := j1 j2 j3 j4 j5 j6 j7 j8
all: $(JOBS)
$(JOBS):
	@ls / > /dev/null; echo $@ > /dev/null
.PHONY: all $(JOBS)
