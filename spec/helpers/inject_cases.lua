-- The fault matrix: strace -e inject= specs on spec/guests/inject_probe, one
-- list for the specs that run it. spec/inject_spec.lua compares each with
-- the real strace; spec/backend_fault_rules_spec.lua runs each as an engine
-- rule under both backends; spec/backend_faults_spec.lua runs those its
-- counting tool can state (tool = true: error=, retval=, signal= and when=
-- only) under strace and both backends.
--   spec   the -e inject= argument
--   tool   the counting tool of backend_faults_spec states it
--   loader why --backend=guest's engine rules cannot count it yet (the
--          dynamic loader's calls are in the count): pending there
local LOADER = "the loader's openat calls are counted under ptrace, not seen under guest"

return {
  { spec = "getppid:retval=42", tool = true },
  { spec = "getppid:error=EPERM:when=2", tool = true },
  { spec = "getppid:error=EPERM:when=2..4", tool = true },
  { spec = "getppid:error=ENOSYS:when=3+2", tool = true },
  { spec = "getppid:error=EAGAIN:when=2..5+2", tool = true },
  { spec = "getppid:error=13:when=4+", tool = true },
  { spec = "chdir:error=EACCES", tool = true },
  { spec = "chdir:error=ENOENT:signal=USR1", tool = true },
  { spec = "getppid:signal=SIGUSR1:when=5", tool = true },
  { spec = "chdir,getppid:error=EROFS:when=2", tool = true },
  { spec = "chdir:retval=0:syscall=getpid" },
  { spec = "chdir:error=EIO:syscall=getpid:when=2" },
  { spec = "openat:error=EACCES:when=4", tool = true, loader = LOADER },
  { spec = "%file:error=ENOENT:when=5", tool = true, loader = LOADER },
  { spec = "write:error=ENOSPC:when=2", tool = true },
  { spec = "getppid:delay_enter=20ms:when=1" },
  { spec = "chdir:delay_exit=20ms:error=EROFS" },
  { spec = "?nosuchcall,getppid:retval=1" },
}
