-- Benchmark tool: no subscription, no handler. Under --backend=guest it
-- still loads the in-guest library, LuaJIT and this file in each process
-- and turns Syscall User Dispatch on: what the backend costs before any
-- handler runs (start-up, per-process setup, every call's dispatch check,
-- exit).
return { subscriptions = {} }
