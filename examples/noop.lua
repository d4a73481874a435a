-- noop.lua: the smallest tool. It subscribes to every syscall and defines no
-- handler, so each call stops the guest once and runs unchanged; the baseline
-- cost of interception.
--   revel examples/noop.lua -- ls /
return { subscriptions = { "all" } }
