# Empty dependencies file for guest_replay_probe.
# This may be replaced when dependencies are built.
