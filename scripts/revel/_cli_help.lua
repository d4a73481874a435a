-- revel._cli_help: the text of revel --help (its own file: the option
-- parser in revel.cli stays short). The output style options' lines live with
-- their parser in revel._cli_style.
local style = require("revel._cli_style")

return [=[
usage: revel [OPTIONS] [TOOL.lua [TOOL-OPTIONS]] -- COMMAND [ARGS...]
       revel [OPTIONS] COMMAND [ARGS...]
       revel -p PID [OPTIONS] [TOOL.lua [TOOL-OPTIONS]]
       revel explore [-n RUNS] [--sched=S] [--fail-on REGEX] [OPTIONS]
                     [TOOL.lua [TOOL-OPTIONS]] -- COMMAND [ARGS...]

Runs COMMAND under a syscall interception tool written in Lua. With no tool,
the built-in strace-like tool prints one line per syscall on stderr.

Options (a long option takes --name=VALUE or --name VALUE, but an optional
value only after "=" (--decode-fds=path, --quiet=SET, --daemonize=MODE); a
short one -xVALUE or
-x VALUE; letters without a value may be grouped: -fc):
  -o FILE, --output=FILE
                       write the default tool's output to FILE; with a tool
                       (a file, -l, --repl), FILE is its output stream
                       revel.out, where its print writes (stderr without -o)
  -f, --follow-forks   the default tool prints the calls of every process and
                       thread (without -f, the root process's calls only, as
                       strace); a tool file sees the whole tree either way
  -ff                  with -o NAME: each thread's lines in NAME.TID, as
                       strace -ff -o; without -o, the same as -f
  -e trace=SET, --trace=SET
                       trace only SET: syscall names, classes (%file,
                       %process, %network, %signal, %ipc, %desc, %memory,
                       %creds, %clock, %stat ...), "!" before SET to trace
                       all but SET, "/REGEX" for the names a POSIX extended
                       regular expression matches (as strace: /^open)
  -z, --successful-only
                       print only the calls that succeed (each line whole)
  -Z, --failed-only    print only the calls that fail
  -e status=SET, --status=SET
                       print only calls of these outcomes: successful,
                       failed, unfinished (exit_group's "= ?"), unavailable,
                       detached (the last two never happen in revel); -c
                       ignores -z, -Z and status=, as strace -c does
  -e signal=SET, --signal=SET
                       print only these signals' "--- SIG ---" lines (and
                       "+++ killed by SIG +++"): names, numbers, "!" for all but
  -P PATH, --trace-path=PATH
                       print (or count, -c) only the calls that name PATH, as
                       a path argument or an fd open on it; several add up
  -s N, --string-limit=N
                       show at most N bytes of each string (default 32; -s 0
                       shows none: "..." for each) and N elements of arrays
  -c, --summary-only   count time, calls and errors per syscall; print a
                       summary table at the end instead of lines
  -C, --summary        the lines, and the -c table at the end
  -w, --summary-wall-clock
                       the table sums the wall-clock time from each call's
                       entry to its exit, not the system CPU time
  -S KEY, --summary-sort-by=KEY
                       sort the table by time (default), calls, errors, name,
                       min-time, max-time, avg-time, or nothing
  -U COLS, --summary-columns=COLS
                       the table's columns, in order: time-percent, total-time,
                       min-time, max-time, avg-time, calls, errors, name
  -O TIME, --summary-syscall-overhead=TIME
                       take TIME (s, ms, us, ns; us without) off each call
  -t, -tt, -ttt        start each line with the time of day, with µs, as
                       seconds since the epoch with µs
  --absolute-timestamps[=[format:]time|unix|none,[precision:]s|ms|us|ns]
  --timestamps[=...]   the same, in any format and precision (default time,s)
  -r, --relative-timestamps[=s|ms|us|ns]
                       start each line with the time since the previous one
  -T, --syscall-times[=s|ms|us|ns]
                       end each call's line with its time: <0.000012>
  -y, --decode-fds     print the paths of file descriptors: 3</etc/passwd>
  -yy, --decode-fds=all|SET
                       also sockets' protocols and addresses (3<TCP:[127.0.0.1:
                       80->127.0.0.1:4711]>), devices (</dev/null<char 1:3>>),
                       pidfds (<pid:1234>); SET: path,socket,dev,pidfd
  -n, --syscall-number start each call's line with its number: [  12] brk(NULL)
  -i, --instruction-pointer
                       start each line with the instruction pointer at the call
                       or signal: [00007f0a1b2c3d4e] (the REPL is --repl)
]=] .. style.HELP .. [=[
  -p PID[,PID...], --attach=PID
                       attach to running processes (all their threads, and
                       the children they make) and trace them until they end,
                       or until Ctrl-C, SIGTERM or SIGHUP: revel then detaches
                       and they run on as before; with a COMMAND both run.
                       Traced with syscall stops (no seccomp filter): slower
  -b execve, --detach-on=execve
                       detach from a process when it completes an execve (not
                       the command's own first one), as strace: it runs on
                       untraced. The command then runs without a seccomp
                       filter, with syscall stops (slower), as -p's processes
  -k, --stack-traces   print the thread's stack under each call, signal and
                       exit, one frame a line, as strace -k:
                        > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x10) [0xf8350]
                       (file, nearest function symbol + offset, offset in the
                       file; with libdw; a tool gets them from g:backtrace())
  --stack-traces=source
                       as -k, each frame followed by its source FILE:LINE
                       where debug info has it (newer strace's option)
  -q                   no "Process N attached/detached" lines (-p)
  -qq, -qqq            no "+++ exited with N +++" / "+++ killed by +++" lines
  -e quiet=SET, --quiet=SET
                       SET with exit or all: as -qq; with attach: as -q; with
                       path-resolution: no -P resolution line; other names are
                       accepted (revel prints none of those messages)
  --seccomp-bpf        accepted, as strace (revel always filters with seccomp)
  -d, --debug          revel's own debug output on stderr, as strace -d: each
                       wait status the tracer decodes, "revel: [wait(0x00857f)
                       = PID] WIFSTOPPED,sig=133"
  --tips[=[[id:]ID][,[format:]FORMAT]]
                       a tip about revel on stderr at the end of the run (ID:
                       a number or random; FORMAT: full, compact or none)
  -E VAR=VAL, --env=VAR=VAL
                       put VAR=VAL in the command's environment
  -E VAR, --env=VAR    remove VAR from the command's environment (COMMAND is
                       still looked up in revel's own PATH, as strace does)
  -u USER, --user=USER run the command as USER (uid, gid and groups), as
                       strace -u; revel must run as root
  -D, --daemonize[=grandchild]
                       as strace -D: the command stays the shell's child, the
                       tracer runs detached as its grandchild
  -DD, --daemonize=pgroup   ... and in a process group of its own
  -DDD, --daemonize=session ... and in a session of its own
  -I N, --interruptible=N
                       as strace: 1 (anywhere) or 2 (waiting): SIGHUP, SIGINT,
                       SIGQUIT, SIGPIPE, SIGTERM end the run (2: a tool's
                       handler runs on); 3 (never): revel ignores them; 4
                       (never_tstp): and SIGTSTP. Without -I: SIGTERM and
                       SIGHUP end the run, Ctrl-C and Ctrl-\ are the guest's
  -e kvm=vcpu, --kvm=vcpu
                       print each KVM_RUN's exit reason after its result, read
                       from the vcpu's struct kvm_run: = 0 (KVM_EXIT_HLT)
  --json               one JSON object per line and syscall (pid, tid, name,
                       args, result, errno), signal and exit
  --on-error=MODE      a Lua error in a handler: "abort" (default) kills the guest
                       and exits 125; "continue" reports it and lets the call run
  --lua-memory=SIZE    the most memory the tool's Lua state may hold (default
                       1G; K, M, G, T suffixes; 0 for no limit): past it revel
                       says so, kills the guest and exits 125
  -e inject=SPEC, --inject=SPEC
                       strace's fault injection, run by the engine without Lua:
                       SET:error=ERRNO|retval=N[:signal=SIG][:syscall=NAME]
                       [:delay_enter=D][:delay_exit=D][:when=FIRST[..LAST][+[STEP]]]
                       (several allowed; counted per syscall and per thread)
  -e fault=SPEC, --fault=SPEC
                       the same with error=ENOSYS unless the spec names one
  --rule=SPEC          a fault rule that matches decoded arguments (path=,
                       place= and p= are decided in Lua, the rest in the engine):
                       SET[:path=GLOB][:fd=N][:size=N][:flags=N][:place=GLOB]
                       [:nth=WHEN][:p=P]:ACTION with ACTION one of error=ERRNO,
                       retval=N, short=N (at most N bytes), delay=D, signal=SIG,
                       eintr (the kernel's restart semantics); several allowed
  --seed=N             the seed of p= draws: the same seed, the same faults
  --fault-log=FILE     record every fault --rule injects as a JSON line
  --replay=FILE        inject exactly the faults of a recorded log again
  --chrome-trace=FILE  also write the run as a Chrome trace (ui.perfetto.dev)
  --timeline=FILE.html also write the run as one self-contained HTML page: a
                       lane per thread, a bar per call (hover: its strace
                       line), signals, faults, execs and exits marked; wheel,
                       drag and keys zoom and pan
  --repl               a Lua prompt on the live guest: it stops at its first
                       syscall (with a tool, at the tool's subscriptions);
                       step(), cont(), brk("openat"), ret(-EACCES), help() ...
  -l CODE, --lua=CODE  CODE is the body of a tool, with `tool` ({ on = {} })
                       and `revel` in scope: -l 'tool.on.openat = function(g,
                       sc) print(g:string(sc.pathname)) end'
  --watch              reload TOOL.lua when the file changes while the guest
                       runs, keeping its global, process and thread state
  --exit-with-root     end the run when the root process exits, killing what it
                       left running (by default revel waits for every process)
  --spin=auto|0|US     poll for the next stop up to US µs before sleeping, while
                       stops come that fast (auto: 200); 0 always sleeps
  --placement=auto|none|follow|together
                       where tracer and guest run: none leaves it to the
                       scheduler; follow moves the tracer to the guest's CPU;
                       together pins both to one CPU, the guest still seeing
                       its own affinity (sched_getaffinity, Cpus_allowed);
                       auto (the default) is follow
  --gdbserver [HOST:]PORT|PATH
                       serve gdb's remote protocol: COMMAND stops at its first
                       instruction until gdb's `target remote` connects
                       (127.0.0.1 unless HOST is given; a PATH with a / is a
                       UNIX socket); TOOL keeps running meanwhile
  --gdb-disconnect=continue|kill
                       what happens to the guest when the gdb client goes away
                       without detaching (default continue)
  --sched=random|pct[:DEPTH[:STEPS]]
                       run one guest thread at a time; at each syscall (and
                       after 5 ms of CPU without one) pick the next thread at
                       random, or by PCT's priorities with DEPTH-1 change
                       points (default 3) among the first STEPS contested
                       choices (default 100); draws come from --seed=N; a
                       tool's schedule hook is asked first
  --sched-log=FILE     write each choice of --sched to FILE
  --sched-replay=FILE  make the choices FILE recorded again (its strategy and
                       seed unless --sched says otherwise); a run that no
                       longer matches says at which choice it diverged
  --on-deadlock=kill|wait
                       under --sched, when every thread waits on another one:
                       say so with each thread's call (and stack, with -k),
                       kill the guest, exit 125 (kill, the default); or keep
                       waiting (wait)
  explore              run COMMAND under --sched (default random) with the
                       seeds 1..RUNS (-n, default 100) until a run's exit
                       status or output differs from the first run's (or
                       matches --fail-on REGEX, POSIX extended); print the
                       command line that runs it again, exit 1 (0: none)
  --backend=ptrace|guest|auto
                       where TOOL.lua's syscall handlers run: ptrace, the
                       default, stops the guest for each call; guest runs them
                       inside each guest process (Syscall User Dispatch and a
                       preloaded library), the default tool's lines too (each
                       process prints its own), refusing with the reason what
                       it cannot run yet; auto is guest where it can, else
                       ptrace
  --list-syscalls      print the syscall table (number, name, arguments) and exit
  -h, --help           show this help and exit
  -V, --version        show the version and exit

Every other option of strace 6.1 is taken with strace's meaning.

A tool is a Lua file returning a table; see revel(1) and docs/api.md.
TOOL-OPTIONS fill the tool's `options` table: --name VALUE, --name=VALUE, --flag.

Exit status: the command's own; 128+N if signal N killed it; 125 if revel
itself failed (bad option, bad tool, error in a tool, a deadlock found under
--sched); 126 if COMMAND is not executable; 127 if it was not found.
]=]
