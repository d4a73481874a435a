# exec_fails.py STATIC: an exec of STATIC that fails after the in-guest
# library named it to revel (E2BIG: one argument over 128 KiB), then a child
# that runs /bin/echo hi. Under --backend=guest the process is traced by revel
# from the named exec on: /bin/echo's calls must be seen once, not twice.
import os, subprocess, sys
try:
    os.execv(sys.argv[1], [sys.argv[1], "a" * 200000])
except OSError as e:
    print("exec failed:", e.errno)
sys.stdout.flush()
subprocess.run(["/bin/echo", "hi"])
