-- Benchmark tool: subscribes to every syscall, no handlers. Measures the
-- cost of a stop per syscall (compare with `strace -f`).
return { subscriptions = { "all" } }
