/* systable_data.h: the x86-64 syscall table of Linux 6.x, one syscall per line.
 *
 * No include guard: this is an X-macro list. Define SYSCALL before including it:
 *
 *   SYSCALL(nr, name, classes, decoder, result, (KIND, argname), ...)
 *
 * nr and name are the kernel's (arch/x86/entry/syscalls/syscall_64.tbl). The
 * argument list has 0 to 6 (KIND, argname) pairs, in register order; their
 * count is the syscall's nargs as strace has it. KIND is an enum revel_arg_kind
 * without its REVEL_ARG_ prefix. Argument names are the man page's, else the
 * kernel's SYSCALL_DEFINE names. Kinds follow how strace decodes the argument;
 * HEX stands in for flag sets that have no kind of their own, STRUCT for any
 * pointer whose decoding depends on the syscall.
 *
 * classes is 0 or an |-ed set of strace's class flags, as in strace's
 * syscallent.h: TD %desc, TF %file, TI %ipc, TN %network, TP %process,
 * TS %signal, TM %memory, TC %creds, TCL %clock, TST %stat, TLST %lstat,
 * TFST %fstat, TSTA %%stat, TSF %statfs, TFSF %fstatfs, TSFA %%statfs,
 * PU %pure. The includer defines these names.
 *
 * decoder and result are the formatter's columns, as strace's syscallent.h
 * has them. decoder names the call's decoder: `open` is d_open, declared in
 * decode.h and defined in the decode_FAMILY.c of its family; `none` leaves
 * the call to the generic decoder, which prints each argument by its KIND.
 * result is how the value after "= " prints, an enum result_kind without its
 * RK_ prefix: DECIMAL, HEX (an address), OCT (a mode), FD (a new fd, with
 * its path under -y), NONE (never returns: "?"), FCNTL (by command), POLL
 * and SELECT ("0 (Timeout)", the ready fds, select's time left), SIGNAL
 * (a signal number: "12 (SIGUSR2)"), TIME (seconds since the epoch, with
 * the date).
 *
 * Numbers 337..423 are unused on x86-64; 512..547 are x32-only and not listed. */

SYSCALL(0, read, TD, read, DECIMAL, (FD, fd), (BUF_OUT, buf), (SIZE, count))
SYSCALL(1, write, TD, none, DECIMAL, (FD, fd), (BUF_IN, buf), (SIZE, count))
SYSCALL(2, open, TD | TF, open, FD, (PATH, pathname), (OPEN_FLAGS, flags), (MODE, mode))
SYSCALL(3, close, TD, none, DECIMAL, (FD, fd))
SYSCALL(4, stat, TF | TST | TSTA, stat, DECIMAL, (PATH, pathname), (STRUCT, statbuf))
SYSCALL(5, fstat, TD | TFST | TSTA, stat, DECIMAL, (FD, fd), (STRUCT, statbuf))
SYSCALL(6, lstat, TF | TLST | TSTA, stat, DECIMAL, (PATH, pathname), (STRUCT, statbuf))
SYSCALL(7, poll, TD, poll, POLL, (STRUCT, fds), (UINT, nfds), (INT, timeout))
SYSCALL(8, lseek, TD, none, DECIMAL, (FD, fd), (OFF, offset), (WHENCE, whence))
SYSCALL(9, mmap, TD | TM, none, HEX, (PTR, addr), (SIZE, length), (MMAP_PROT, prot),
        (MMAP_FLAGS, flags), (FD, fd), (HEX, offset))
SYSCALL(10, mprotect, TM, none, DECIMAL, (PTR, addr), (SIZE, len), (MMAP_PROT, prot))
SYSCALL(11, munmap, TM, none, DECIMAL, (PTR, addr), (SIZE, length))
SYSCALL(12, brk, TM, none, HEX, (PTR, addr))
SYSCALL(13, rt_sigaction, TS, rt_sigaction, DECIMAL, (SIGNAL, signum), (SIGACTION, act),
        (SIGACTION, oldact), (SIZE, sigsetsize))
SYSCALL(14, rt_sigprocmask, TS, rt_sigprocmask, DECIMAL, (INT, how), (SIGSET, set),
        (SIGSET, oldset), (SIZE, sigsetsize))
SYSCALL(15, rt_sigreturn, TS, rt_sigreturn, DECIMAL)
SYSCALL(16, ioctl, TD, ioctl, DECIMAL, (FD, fd), (IOCTL_REQ, request), (HEX, arg))
SYSCALL(17, pread64, TD, read, DECIMAL, (FD, fd), (BUF_OUT, buf), (SIZE, count), (OFF, offset))
SYSCALL(18, pwrite64, TD, none, DECIMAL, (FD, fd), (BUF_IN, buf), (SIZE, count), (OFF, offset))
SYSCALL(19, readv, TD, readv, DECIMAL, (FD, fd), (STRUCT, iov), (INT, iovcnt))
SYSCALL(20, writev, TD, readv, DECIMAL, (FD, fd), (STRUCT, iov), (INT, iovcnt))
SYSCALL(21, access, TF, none, DECIMAL, (PATH, pathname), (ACCESS_MODE, mode))
SYSCALL(22, pipe, TD, pipe, DECIMAL, (STRUCT, pipefd))
SYSCALL(23, select, TD, select, SELECT, (INT, nfds), (STRUCT, readfds), (STRUCT, writefds),
        (STRUCT, exceptfds), (STRUCT, timeout))
SYSCALL(24, sched_yield, 0, none, DECIMAL)
SYSCALL(25, mremap, TM, none, HEX, (PTR, old_address), (SIZE, old_size), (SIZE, new_size),
        (HEX, flags), (PTR, new_address))
SYSCALL(26, msync, TM, none, DECIMAL, (PTR, addr), (SIZE, length), (HEX, flags))
SYSCALL(27, mincore, TM, none, DECIMAL, (PTR, addr), (SIZE, length), (STRUCT, vec))
SYSCALL(28, madvise, TM, none, DECIMAL, (PTR, addr), (SIZE, length), (INT, advice))
SYSCALL(29, shmget, TI, none, DECIMAL, (HEX, key), (SIZE, size), (HEX, shmflg))
SYSCALL(30, shmat, TI | TM, none, HEX, (INT, shmid), (PTR, shmaddr), (HEX, shmflg))
SYSCALL(31, shmctl, TI, none, DECIMAL, (INT, shmid), (INT, cmd), (STRUCT, buf))
SYSCALL(32, dup, TD, none, FD, (FD, oldfd))
SYSCALL(33, dup2, TD, none, FD, (FD, oldfd), (FD, newfd))
SYSCALL(34, pause, TS, none, DECIMAL)
SYSCALL(35, nanosleep, 0, nanosleep, DECIMAL, (STRUCT, req), (STRUCT, rem))
SYSCALL(36, getitimer, 0, setitimer, DECIMAL, (INT, which), (STRUCT, curr_value))
SYSCALL(37, alarm, 0, none, DECIMAL, (UINT, seconds))
SYSCALL(38, setitimer, 0, setitimer, DECIMAL, (INT, which), (STRUCT, new_value),
        (STRUCT, old_value))
SYSCALL(39, getpid, PU, none, DECIMAL)
SYSCALL(40, sendfile, TD | TN, copy, DECIMAL, (FD, out_fd), (FD, in_fd), (STRUCT, offset),
        (SIZE, count))
SYSCALL(41, socket, TN, socket, FD, (SOCK_FAMILY, domain), (SOCK_TYPE, type), (INT, protocol))
SYSCALL(42, connect, TN, connect, DECIMAL, (FD, sockfd), (SOCKADDR, addr), (UINT, addrlen))
SYSCALL(43, accept, TN, getname, FD, (FD, sockfd), (SOCKADDR, addr), (STRUCT, addrlen))
SYSCALL(44, sendto, TN, sendto, DECIMAL, (FD, sockfd), (BUF_IN, buf), (SIZE, len), (HEX, flags),
        (SOCKADDR, dest_addr), (UINT, addrlen))
SYSCALL(45, recvfrom, TN, recvfrom, DECIMAL, (FD, sockfd), (BUF_OUT, buf), (SIZE, len),
        (HEX, flags), (SOCKADDR, src_addr), (STRUCT, addrlen))
SYSCALL(46, sendmsg, TN, msg, DECIMAL, (FD, sockfd), (STRUCT, msg), (HEX, flags))
SYSCALL(47, recvmsg, TN, msg, DECIMAL, (FD, sockfd), (STRUCT, msg), (HEX, flags))
SYSCALL(48, shutdown, TN, none, DECIMAL, (FD, sockfd), (INT, how))
SYSCALL(49, bind, TN, connect, DECIMAL, (FD, sockfd), (SOCKADDR, addr), (UINT, addrlen))
SYSCALL(50, listen, TN, none, DECIMAL, (FD, sockfd), (INT, backlog))
SYSCALL(51, getsockname, TN, getname, DECIMAL, (FD, sockfd), (SOCKADDR, addr), (STRUCT, addrlen))
SYSCALL(52, getpeername, TN, getname, DECIMAL, (FD, sockfd), (SOCKADDR, addr), (STRUCT, addrlen))
SYSCALL(53, socketpair, TN, socket, DECIMAL, (SOCK_FAMILY, domain), (SOCK_TYPE, type),
        (INT, protocol), (STRUCT, sv))
SYSCALL(54, setsockopt, TN, sockopt, DECIMAL, (FD, sockfd), (INT, level), (INT, optname),
        (STRUCT, optval), (UINT, optlen))
SYSCALL(55, getsockopt, TN, sockopt, DECIMAL, (FD, sockfd), (INT, level), (INT, optname),
        (STRUCT, optval), (STRUCT, optlen))
SYSCALL(56, clone, TP, clone, DECIMAL, (CLONE_FLAGS, flags), (PTR, stack), (PTR, parent_tid),
        (PTR, child_tid), (PTR, tls))
SYSCALL(57, fork, TP, none, DECIMAL)
SYSCALL(58, vfork, TP, none, DECIMAL)
SYSCALL(59, execve, TF | TP, execve, DECIMAL, (PATH, pathname), (ARGV, argv), (ENVP, envp))
SYSCALL(60, exit, TP, none, NONE, (INT, status))
SYSCALL(61, wait4, TP, wait4, DECIMAL, (PID, pid), (STRUCT, wstatus), (HEX, options),
        (STRUCT, rusage))
SYSCALL(62, kill, TS | TP, none, DECIMAL, (PID, pid), (SIGNAL, sig))
SYSCALL(63, uname, 0, uname, DECIMAL, (STRUCT, buf))
SYSCALL(64, semget, TI, none, DECIMAL, (HEX, key), (INT, nsems), (HEX, semflg))
SYSCALL(65, semop, TI, none, DECIMAL, (INT, semid), (STRUCT, sops), (SIZE, nsops))
SYSCALL(66, semctl, TI, none, DECIMAL, (INT, semid), (INT, semnum), (INT, cmd), (HEX, arg))
SYSCALL(67, shmdt, TI | TM, none, DECIMAL, (PTR, shmaddr))
SYSCALL(68, msgget, TI, none, DECIMAL, (HEX, key), (HEX, msgflg))
SYSCALL(69, msgsnd, TI, none, DECIMAL, (INT, msqid), (STRUCT, msgp), (SIZE, msgsz), (HEX, msgflg))
SYSCALL(70, msgrcv, TI, none, DECIMAL, (INT, msqid), (STRUCT, msgp), (SIZE, msgsz), (INT, msgtyp),
        (HEX, msgflg))
SYSCALL(71, msgctl, TI, none, DECIMAL, (INT, msqid), (INT, cmd), (STRUCT, buf))
SYSCALL(72, fcntl, TD, fcntl, FCNTL, (FD, fd), (FCNTL_CMD, cmd), (HEX, arg))
SYSCALL(73, flock, TD, none, DECIMAL, (FD, fd), (INT, operation))
SYSCALL(74, fsync, TD, none, DECIMAL, (FD, fd))
SYSCALL(75, fdatasync, TD, none, DECIMAL, (FD, fd))
SYSCALL(76, truncate, TF, none, DECIMAL, (PATH, path), (OFF, length))
SYSCALL(77, ftruncate, TD, none, DECIMAL, (FD, fd), (OFF, length))
SYSCALL(78, getdents, TD, getdents, DECIMAL, (FD, fd), (STRUCT, dirp), (UINT, count))
SYSCALL(79, getcwd, TF, getcwd, DECIMAL, (BUF_OUT, buf), (SIZE, size))
SYSCALL(80, chdir, TF, none, DECIMAL, (PATH, path))
SYSCALL(81, fchdir, TD, none, DECIMAL, (FD, fd))
SYSCALL(82, rename, TF, none, DECIMAL, (PATH, oldpath), (PATH, newpath))
SYSCALL(83, mkdir, TF, none, DECIMAL, (PATH, pathname), (MODE, mode))
SYSCALL(84, rmdir, TF, none, DECIMAL, (PATH, pathname))
SYSCALL(85, creat, TD | TF, none, FD, (PATH, pathname), (MODE, mode))
SYSCALL(86, link, TF, none, DECIMAL, (PATH, oldpath), (PATH, newpath))
SYSCALL(87, unlink, TF, none, DECIMAL, (PATH, pathname))
SYSCALL(88, symlink, TF, none, DECIMAL, (PATH, target), (PATH, linkpath))
SYSCALL(89, readlink, TF, none, DECIMAL, (PATH, pathname), (BUF_OUT, buf), (SIZE, bufsiz))
SYSCALL(90, chmod, TF, none, DECIMAL, (PATH, pathname), (MODE, mode))
SYSCALL(91, fchmod, TD, none, DECIMAL, (FD, fd), (MODE, mode))
SYSCALL(92, chown, TF, none, DECIMAL, (PATH, pathname), (UID, owner), (GID, group))
SYSCALL(93, fchown, TD, none, DECIMAL, (FD, fd), (UID, owner), (GID, group))
SYSCALL(94, lchown, TF, none, DECIMAL, (PATH, pathname), (UID, owner), (GID, group))
SYSCALL(95, umask, 0, none, OCT, (MODE, mask))
SYSCALL(96, gettimeofday, TCL, gettimeofday, DECIMAL, (STRUCT, tv), (STRUCT, tz))
SYSCALL(97, getrlimit, 0, rlimit, DECIMAL, (INT, resource), (STRUCT, rlim))
SYSCALL(98, getrusage, 0, getrusage, DECIMAL, (INT, who), (STRUCT, usage))
SYSCALL(99, sysinfo, 0, sysinfo, DECIMAL, (STRUCT, info))
SYSCALL(100, times, 0, times, DECIMAL, (STRUCT, buf))
SYSCALL(101, ptrace, 0, none, DECIMAL, (INT, request), (PID, pid), (PTR, addr), (PTR, data))
SYSCALL(102, getuid, TC | PU, none, DECIMAL)
SYSCALL(103, syslog, 0, none, DECIMAL, (INT, type), (BUF_OUT, bufp), (INT, len))
SYSCALL(104, getgid, TC | PU, none, DECIMAL)
SYSCALL(105, setuid, TC, none, DECIMAL, (UID, uid))
SYSCALL(106, setgid, TC, none, DECIMAL, (GID, gid))
SYSCALL(107, geteuid, TC | PU, none, DECIMAL)
SYSCALL(108, getegid, TC | PU, none, DECIMAL)
SYSCALL(109, setpgid, 0, none, DECIMAL, (PID, pid), (PID, pgid))
SYSCALL(110, getppid, PU, none, DECIMAL)
SYSCALL(111, getpgrp, PU, none, DECIMAL)
SYSCALL(112, setsid, 0, none, DECIMAL)
SYSCALL(113, setreuid, TC, none, DECIMAL, (UID, ruid), (UID, euid))
SYSCALL(114, setregid, TC, none, DECIMAL, (GID, rgid), (GID, egid))
SYSCALL(115, getgroups, TC, getgroups, DECIMAL, (INT, size), (STRUCT, list))
SYSCALL(116, setgroups, TC, getgroups, DECIMAL, (INT, size), (STRUCT, list))
SYSCALL(117, setresuid, TC, none, DECIMAL, (UID, ruid), (UID, euid), (UID, suid))
SYSCALL(118, getresuid, TC, getresuid, DECIMAL, (STRUCT, ruid), (STRUCT, euid), (STRUCT, suid))
SYSCALL(119, setresgid, TC, none, DECIMAL, (GID, rgid), (GID, egid), (GID, sgid))
SYSCALL(120, getresgid, TC, getresuid, DECIMAL, (STRUCT, rgid), (STRUCT, egid), (STRUCT, sgid))
SYSCALL(121, getpgid, 0, none, DECIMAL, (PID, pid))
SYSCALL(122, setfsuid, TC, none, DECIMAL, (UID, fsuid))
SYSCALL(123, setfsgid, TC, none, DECIMAL, (GID, fsgid))
SYSCALL(124, getsid, 0, none, DECIMAL, (PID, pid))
SYSCALL(125, capget, TC, none, DECIMAL, (STRUCT, hdrp), (STRUCT, datap))
SYSCALL(126, capset, TC, none, DECIMAL, (STRUCT, hdrp), (STRUCT, datap))
SYSCALL(127, rt_sigpending, TS, none, DECIMAL, (SIGSET, set), (SIZE, sigsetsize))
SYSCALL(128, rt_sigtimedwait, TS, sigtimedwait, SIGNAL, (SIGSET, set), (STRUCT, info),
        (STRUCT, timeout), (SIZE, sigsetsize))
SYSCALL(129, rt_sigqueueinfo, TS | TP, sigqueueinfo, DECIMAL, (PID, tgid), (SIGNAL, sig),
        (STRUCT, info))
SYSCALL(130, rt_sigsuspend, TS, none, DECIMAL, (SIGSET, mask), (SIZE, sigsetsize))
SYSCALL(131, sigaltstack, TS, sigaltstack, DECIMAL, (STRUCT, ss), (STRUCT, old_ss))
SYSCALL(132, utime, TF, utimes, DECIMAL, (PATH, filename), (STRUCT, times))
SYSCALL(133, mknod, TF, mknod, DECIMAL, (PATH, pathname), (MODE, mode), (HEX, dev))
SYSCALL(134, uselib, TF, none, DECIMAL, (PATH, library))
SYSCALL(135, personality, 0, none, DECIMAL, (HEX, persona))
SYSCALL(136, ustat, TSFA, none, DECIMAL, (HEX, dev), (STRUCT, ubuf))
SYSCALL(137, statfs, TF | TSF | TSFA, statfs, DECIMAL, (PATH, path), (STRUCT, buf))
SYSCALL(138, fstatfs, TD | TFSF | TSFA, statfs, DECIMAL, (FD, fd), (STRUCT, buf))
SYSCALL(139, sysfs, 0, none, DECIMAL, (INT, option), (HEX, arg1), (HEX, arg2))
SYSCALL(140, getpriority, 0, none, DECIMAL, (INT, which), (INT, who))
SYSCALL(141, setpriority, 0, none, DECIMAL, (INT, which), (INT, who), (INT, prio))
SYSCALL(142, sched_setparam, 0, sched_param, DECIMAL, (PID, pid), (STRUCT, param))
SYSCALL(143, sched_getparam, 0, sched_param, DECIMAL, (PID, pid), (STRUCT, param))
SYSCALL(144, sched_setscheduler, 0, none, DECIMAL, (PID, pid), (INT, policy), (STRUCT, param))
SYSCALL(145, sched_getscheduler, 0, none, DECIMAL, (PID, pid))
SYSCALL(146, sched_get_priority_max, 0, none, DECIMAL, (INT, policy))
SYSCALL(147, sched_get_priority_min, 0, none, DECIMAL, (INT, policy))
SYSCALL(148, sched_rr_get_interval, 0, none, DECIMAL, (PID, pid), (STRUCT, tp))
SYSCALL(149, mlock, TM, none, DECIMAL, (PTR, addr), (SIZE, len))
SYSCALL(150, munlock, TM, none, DECIMAL, (PTR, addr), (SIZE, len))
SYSCALL(151, mlockall, TM, none, DECIMAL, (HEX, flags))
SYSCALL(152, munlockall, TM, none, DECIMAL)
SYSCALL(153, vhangup, 0, none, DECIMAL)
SYSCALL(154, modify_ldt, 0, none, DECIMAL, (INT, func), (PTR, ptr), (SIZE, bytecount))
SYSCALL(155, pivot_root, TF, none, DECIMAL, (PATH, new_root), (PATH, put_old))
SYSCALL(156, _sysctl, 0, none, DECIMAL, (STRUCT, args))
SYSCALL(157, prctl, TC, prctl, DECIMAL, (PRCTL_OP, option), (HEX, arg2), (HEX, arg3), (HEX, arg4),
        (HEX, arg5))
SYSCALL(158, arch_prctl, 0, arch_prctl, DECIMAL, (INT, code), (HEX, addr))
SYSCALL(159, adjtimex, TCL, none, DECIMAL, (STRUCT, buf))
SYSCALL(160, setrlimit, 0, rlimit, DECIMAL, (INT, resource), (STRUCT, rlim))
SYSCALL(161, chroot, TF, none, DECIMAL, (PATH, path))
SYSCALL(162, sync, 0, none, DECIMAL)
SYSCALL(163, acct, TF, none, DECIMAL, (PATH, filename))
SYSCALL(164, settimeofday, TCL, none, DECIMAL, (STRUCT, tv), (STRUCT, tz))
SYSCALL(165, mount, TF, none, DECIMAL, (PATH, source), (PATH, target), (STR, filesystemtype),
        (HEX, mountflags), (STR, data))
SYSCALL(166, umount2, TF, none, DECIMAL, (PATH, target), (HEX, flags))
SYSCALL(167, swapon, TF, none, DECIMAL, (PATH, path), (HEX, swapflags))
SYSCALL(168, swapoff, TF, none, DECIMAL, (PATH, path))
SYSCALL(169, reboot, 0, none, DECIMAL, (HEX, magic), (HEX, magic2), (HEX, cmd), (PTR, arg))
SYSCALL(170, sethostname, 0, none, DECIMAL, (BUF_IN, name), (SIZE, len))
SYSCALL(171, setdomainname, 0, none, DECIMAL, (BUF_IN, name), (SIZE, len))
SYSCALL(172, iopl, 0, none, DECIMAL, (INT, level))
SYSCALL(173, ioperm, 0, none, DECIMAL, (HEX, from), (UINT, num), (INT, turn_on))
SYSCALL(174, create_module, 0, none, DECIMAL, (STR, name), (SIZE, size))
SYSCALL(175, init_module, 0, none, DECIMAL, (PTR, module_image), (SIZE, len), (STR, param_values))
SYSCALL(176, delete_module, 0, none, DECIMAL, (STR, name), (HEX, flags))
SYSCALL(177, get_kernel_syms, 0, none, DECIMAL, (STRUCT, table))
SYSCALL(178, query_module, 0, none, DECIMAL, (STR, name), (INT, which), (PTR, buf), (SIZE, bufsize),
        (STRUCT, ret))
SYSCALL(179, quotactl, TF, none, DECIMAL, (INT, cmd), (PATH, special), (INT, id), (PTR, addr))
SYSCALL(180, nfsservctl, 0, none, DECIMAL, (INT, cmd), (STRUCT, argp), (STRUCT, resp))
SYSCALL(181, getpmsg, TN, none, DECIMAL, (FD, fd), (PTR, ctlptr), (PTR, dataptr), (PTR, bandp),
        (PTR, flagsp))
SYSCALL(182, putpmsg, TN, none, DECIMAL, (FD, fd), (PTR, ctlptr), (PTR, dataptr), (INT, band),
        (HEX, flags))
SYSCALL(183, afs_syscall, 0, none, DECIMAL, (HEX, arg1), (HEX, arg2), (HEX, arg3), (HEX, arg4),
        (HEX, arg5))
SYSCALL(184, tuxcall, 0, none, DECIMAL, (HEX, arg1), (HEX, arg2), (HEX, arg3))
SYSCALL(185, security, 0, none, DECIMAL, (HEX, arg1), (HEX, arg2), (HEX, arg3))
SYSCALL(186, gettid, PU, none, DECIMAL)
SYSCALL(187, readahead, TD, none, DECIMAL, (FD, fd), (OFF, offset), (SIZE, count))
SYSCALL(188, setxattr, TF, none, DECIMAL, (PATH, path), (STR, name), (BUF_IN, value), (SIZE, size),
        (HEX, flags))
SYSCALL(189, lsetxattr, TF, none, DECIMAL, (PATH, path), (STR, name), (BUF_IN, value), (SIZE, size),
        (HEX, flags))
SYSCALL(190, fsetxattr, TD, none, DECIMAL, (FD, fd), (STR, name), (BUF_IN, value), (SIZE, size),
        (HEX, flags))
SYSCALL(191, getxattr, TF, none, DECIMAL, (PATH, path), (STR, name), (BUF_OUT, value), (SIZE, size))
SYSCALL(192, lgetxattr, TF, none, DECIMAL, (PATH, path), (STR, name), (BUF_OUT, value),
        (SIZE, size))
SYSCALL(193, fgetxattr, TD, none, DECIMAL, (FD, fd), (STR, name), (BUF_OUT, value), (SIZE, size))
SYSCALL(194, listxattr, TF, none, DECIMAL, (PATH, path), (BUF_OUT, list), (SIZE, size))
SYSCALL(195, llistxattr, TF, none, DECIMAL, (PATH, path), (BUF_OUT, list), (SIZE, size))
SYSCALL(196, flistxattr, TD, none, DECIMAL, (FD, fd), (BUF_OUT, list), (SIZE, size))
SYSCALL(197, removexattr, TF, none, DECIMAL, (PATH, path), (STR, name))
SYSCALL(198, lremovexattr, TF, none, DECIMAL, (PATH, path), (STR, name))
SYSCALL(199, fremovexattr, TD, none, DECIMAL, (FD, fd), (STR, name))
SYSCALL(200, tkill, TS | TP, none, DECIMAL, (PID, tid), (SIGNAL, sig))
SYSCALL(201, time, TCL, time, TIME, (STRUCT, tloc))
SYSCALL(202, futex, 0, futex, DECIMAL, (PTR, uaddr), (FUTEX_OP, futex_op), (UINT, val),
        (STRUCT, timeout), (PTR, uaddr2), (UINT, val3))
SYSCALL(203, sched_setaffinity, 0, sched_affinity, DECIMAL, (PID, pid), (SIZE, cpusetsize),
        (STRUCT, mask))
SYSCALL(204, sched_getaffinity, 0, sched_affinity, DECIMAL, (PID, pid), (SIZE, cpusetsize),
        (STRUCT, mask))
SYSCALL(205, set_thread_area, 0, none, DECIMAL, (STRUCT, u_info))
SYSCALL(206, io_setup, TM, none, DECIMAL, (UINT, nr_events), (STRUCT, ctx_idp))
SYSCALL(207, io_destroy, TM, none, DECIMAL, (HEX, ctx_id))
SYSCALL(208, io_getevents, 0, none, DECIMAL, (HEX, ctx_id), (INT, min_nr), (INT, nr),
        (STRUCT, events), (STRUCT, timeout))
SYSCALL(209, io_submit, 0, none, DECIMAL, (HEX, ctx_id), (INT, nr), (STRUCT, iocbpp))
SYSCALL(210, io_cancel, 0, none, DECIMAL, (HEX, ctx_id), (STRUCT, iocb), (STRUCT, result))
SYSCALL(211, get_thread_area, 0, none, DECIMAL, (STRUCT, u_info))
SYSCALL(212, lookup_dcookie, 0, none, DECIMAL, (HEX, cookie), (BUF_OUT, buffer), (SIZE, len))
SYSCALL(213, epoll_create, TD, none, FD, (INT, size))
SYSCALL(214, epoll_ctl_old, 0, none, DECIMAL, (HEX, epfd), (HEX, op), (HEX, fd), (HEX, event))
SYSCALL(215, epoll_wait_old, 0, none, DECIMAL, (HEX, epfd), (HEX, events), (HEX, maxevents),
        (HEX, timeout))
SYSCALL(216, remap_file_pages, TM, none, DECIMAL, (PTR, addr), (SIZE, size), (MMAP_PROT, prot),
        (SIZE, pgoff), (MMAP_FLAGS, flags))
SYSCALL(217, getdents64, TD, getdents, DECIMAL, (FD, fd), (STRUCT, dirp), (SIZE, count))
SYSCALL(218, set_tid_address, 0, none, DECIMAL, (PTR, tidptr))
SYSCALL(219, restart_syscall, 0, none, DECIMAL)
SYSCALL(220, semtimedop, TI, none, DECIMAL, (INT, semid), (STRUCT, sops), (SIZE, nsops),
        (STRUCT, timeout))
SYSCALL(221, fadvise64, TD, none, DECIMAL, (FD, fd), (OFF, offset), (OFF, len), (INT, advice))
SYSCALL(222, timer_create, 0, timer, DECIMAL, (INT, clockid), (STRUCT, sevp), (STRUCT, timerid))
SYSCALL(223, timer_settime, 0, timer, DECIMAL, (INT, timerid), (HEX, flags), (STRUCT, new_value),
        (STRUCT, old_value))
SYSCALL(224, timer_gettime, 0, timer, DECIMAL, (INT, timerid), (STRUCT, curr_value))
SYSCALL(225, timer_getoverrun, 0, none, DECIMAL, (INT, timerid))
SYSCALL(226, timer_delete, 0, none, DECIMAL, (INT, timerid))
SYSCALL(227, clock_settime, TCL, clock, DECIMAL, (INT, clockid), (STRUCT, tp))
SYSCALL(228, clock_gettime, TCL, clock, DECIMAL, (INT, clockid), (STRUCT, tp))
SYSCALL(229, clock_getres, TCL, clock, DECIMAL, (INT, clockid), (STRUCT, res))
SYSCALL(230, clock_nanosleep, 0, nanosleep, DECIMAL, (INT, clockid), (HEX, flags),
        (STRUCT, request), (STRUCT, remain))
SYSCALL(231, exit_group, TP, none, NONE, (INT, status))
SYSCALL(232, epoll_wait, TD, epoll_wait, DECIMAL, (FD, epfd), (STRUCT, events), (INT, maxevents),
        (INT, timeout))
SYSCALL(233, epoll_ctl, TD, epoll_ctl, DECIMAL, (FD, epfd), (INT, op), (FD, fd), (STRUCT, event))
SYSCALL(234, tgkill, TS | TP, none, DECIMAL, (PID, tgid), (PID, tid), (SIGNAL, sig))
SYSCALL(235, utimes, TF, utimes, DECIMAL, (PATH, filename), (STRUCT, times))
SYSCALL(236, vserver, 0, none, DECIMAL, (HEX, arg1), (HEX, arg2), (HEX, arg3), (HEX, arg4),
        (HEX, arg5))
SYSCALL(237, mbind, TM, none, DECIMAL, (PTR, addr), (SIZE, len), (INT, mode), (STRUCT, nodemask),
        (UINT, maxnode), (HEX, flags))
SYSCALL(238, set_mempolicy, TM, none, DECIMAL, (INT, mode), (STRUCT, nodemask), (UINT, maxnode))
SYSCALL(239, get_mempolicy, TM, none, DECIMAL, (STRUCT, mode), (STRUCT, nodemask), (UINT, maxnode),
        (PTR, addr), (HEX, flags))
SYSCALL(240, mq_open, TD, none, DECIMAL, (STR, name), (OPEN_FLAGS, oflag), (MODE, mode),
        (STRUCT, attr))
SYSCALL(241, mq_unlink, 0, none, DECIMAL, (STR, name))
SYSCALL(242, mq_timedsend, TD, none, DECIMAL, (FD, mqdes), (BUF_IN, msg_ptr), (SIZE, msg_len),
        (UINT, msg_prio), (STRUCT, abs_timeout))
SYSCALL(243, mq_timedreceive, TD, none, DECIMAL, (FD, mqdes), (BUF_OUT, msg_ptr), (SIZE, msg_len),
        (STRUCT, msg_prio), (STRUCT, abs_timeout))
SYSCALL(244, mq_notify, TD, none, DECIMAL, (FD, mqdes), (STRUCT, sevp))
SYSCALL(245, mq_getsetattr, TD, none, DECIMAL, (FD, mqdes), (STRUCT, newattr), (STRUCT, oldattr))
SYSCALL(246, kexec_load, 0, none, DECIMAL, (HEX, entry), (UINT, nr_segments), (STRUCT, segments),
        (HEX, flags))
SYSCALL(247, waitid, TP, waitid, DECIMAL, (INT, idtype), (INT, id), (STRUCT, infop), (HEX, options),
        (STRUCT, rusage))
SYSCALL(248, add_key, 0, none, DECIMAL, (STR, type), (STR, description), (BUF_IN, payload),
        (SIZE, plen), (INT, keyring))
SYSCALL(249, request_key, 0, none, DECIMAL, (STR, type), (STR, description), (STR, callout_info),
        (INT, dest_keyring))
SYSCALL(250, keyctl, 0, none, DECIMAL, (INT, operation), (HEX, arg2), (HEX, arg3), (HEX, arg4),
        (HEX, arg5))
SYSCALL(251, ioprio_set, 0, ioprio, DECIMAL, (INT, which), (INT, who), (INT, ioprio))
SYSCALL(252, ioprio_get, 0, ioprio, DECIMAL, (INT, which), (INT, who))
SYSCALL(253, inotify_init, TD, none, FD)
SYSCALL(254, inotify_add_watch, TD | TF, none, DECIMAL, (FD, fd), (PATH, pathname), (HEX, mask))
SYSCALL(255, inotify_rm_watch, TD, none, DECIMAL, (FD, fd), (INT, wd))
SYSCALL(256, migrate_pages, TM, none, DECIMAL, (PID, pid), (UINT, maxnode), (STRUCT, old_nodes),
        (STRUCT, new_nodes))
SYSCALL(257, openat, TD | TF, open, FD, (DIRFD, dirfd), (PATH, pathname), (OPEN_FLAGS, flags),
        (MODE, mode))
SYSCALL(258, mkdirat, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname), (MODE, mode))
SYSCALL(259, mknodat, TD | TF, mknod, DECIMAL, (DIRFD, dirfd), (PATH, pathname), (MODE, mode),
        (HEX, dev))
SYSCALL(260, fchownat, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname), (UID, owner),
        (GID, group), (AT_FLAGS, flags))
SYSCALL(261, futimesat, TD | TF, utimes, DECIMAL, (DIRFD, dirfd), (PATH, pathname), (STRUCT, times))
SYSCALL(262, newfstatat, TD | TF | TFST | TSTA, stat, DECIMAL, (DIRFD, dirfd), (PATH, pathname),
        (STRUCT, statbuf), (AT_FLAGS, flags))
SYSCALL(263, unlinkat, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname), (AT_FLAGS, flags))
SYSCALL(264, renameat, TD | TF, none, DECIMAL, (DIRFD, olddirfd), (PATH, oldpath),
        (DIRFD, newdirfd), (PATH, newpath))
SYSCALL(265, linkat, TD | TF, none, DECIMAL, (DIRFD, olddirfd), (PATH, oldpath), (DIRFD, newdirfd),
        (PATH, newpath), (AT_FLAGS, flags))
SYSCALL(266, symlinkat, TD | TF, none, DECIMAL, (PATH, target), (DIRFD, newdirfd), (PATH, linkpath))
SYSCALL(267, readlinkat, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname), (BUF_OUT, buf),
        (SIZE, bufsiz))
SYSCALL(268, fchmodat, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname), (MODE, mode))
SYSCALL(269, faccessat, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname),
        (ACCESS_MODE, mode))
SYSCALL(270, pselect6, TD, select, SELECT, (INT, nfds), (STRUCT, readfds), (STRUCT, writefds),
        (STRUCT, exceptfds), (STRUCT, timeout), (STRUCT, sigmask))
SYSCALL(271, ppoll, TD, poll, POLL, (STRUCT, fds), (UINT, nfds), (STRUCT, tmo_p), (SIGSET, sigmask),
        (SIZE, sigsetsize))
SYSCALL(272, unshare, 0, none, DECIMAL, (CLONE_FLAGS, flags))
SYSCALL(273, set_robust_list, 0, none, DECIMAL, (PTR, head), (SIZE, len))
SYSCALL(274, get_robust_list, 0, get_robust_list, DECIMAL, (PID, pid), (STRUCT, head_ptr),
        (STRUCT, len_ptr))
SYSCALL(275, splice, TD, copy, DECIMAL, (FD, fd_in), (STRUCT, off_in), (FD, fd_out),
        (STRUCT, off_out), (SIZE, len), (HEX, flags))
SYSCALL(276, tee, TD, none, DECIMAL, (FD, fd_in), (FD, fd_out), (SIZE, len), (HEX, flags))
SYSCALL(277, sync_file_range, TD, none, DECIMAL, (FD, fd), (OFF, offset), (OFF, nbytes),
        (HEX, flags))
SYSCALL(278, vmsplice, TD, none, DECIMAL, (FD, fd), (STRUCT, iov), (SIZE, nr_segs), (HEX, flags))
SYSCALL(279, move_pages, TM, none, DECIMAL, (PID, pid), (UINT, count), (STRUCT, pages),
        (STRUCT, nodes), (STRUCT, status), (HEX, flags))
SYSCALL(280, utimensat, TD | TF, utimensat, DECIMAL, (DIRFD, dirfd), (PATH, pathname),
        (STRUCT, times), (AT_FLAGS, flags))
SYSCALL(281, epoll_pwait, TD, epoll_wait, DECIMAL, (FD, epfd), (STRUCT, events), (INT, maxevents),
        (INT, timeout), (SIGSET, sigmask), (SIZE, sigsetsize))
SYSCALL(282, signalfd, TD | TS, signalfd, FD, (FD, fd), (SIGSET, mask), (SIZE, sizemask))
SYSCALL(283, timerfd_create, TD, none, FD, (INT, clockid), (HEX, flags))
SYSCALL(284, eventfd, TD, none, FD, (UINT, initval))
SYSCALL(285, fallocate, TD, none, DECIMAL, (FD, fd), (HEX, mode), (OFF, offset), (OFF, len))
SYSCALL(286, timerfd_settime, TD, timerfd_settime, DECIMAL, (FD, fd), (HEX, flags),
        (STRUCT, new_value), (STRUCT, old_value))
SYSCALL(287, timerfd_gettime, TD, none, DECIMAL, (FD, fd), (STRUCT, curr_value))
SYSCALL(288, accept4, TN, getname, FD, (FD, sockfd), (SOCKADDR, addr), (STRUCT, addrlen),
        (HEX, flags))
SYSCALL(289, signalfd4, TD | TS, signalfd, FD, (FD, fd), (SIGSET, mask), (SIZE, sizemask),
        (HEX, flags))
SYSCALL(290, eventfd2, TD, none, FD, (UINT, initval), (HEX, flags))
SYSCALL(291, epoll_create1, TD, none, FD, (HEX, flags))
SYSCALL(292, dup3, TD, dup3, FD, (FD, oldfd), (FD, newfd), (OPEN_FLAGS, flags))
SYSCALL(293, pipe2, TD, pipe, DECIMAL, (STRUCT, pipefd), (OPEN_FLAGS, flags))
SYSCALL(294, inotify_init1, TD, none, FD, (HEX, flags))
SYSCALL(295, preadv, TD, readv, DECIMAL, (FD, fd), (STRUCT, iov), (INT, iovcnt), (OFF, offset))
SYSCALL(296, pwritev, TD, readv, DECIMAL, (FD, fd), (STRUCT, iov), (INT, iovcnt), (OFF, offset))
SYSCALL(297, rt_tgsigqueueinfo, TP | TS, sigqueueinfo, DECIMAL, (PID, tgid), (PID, tid),
        (SIGNAL, sig), (STRUCT, info))
SYSCALL(298, perf_event_open, TD, none, FD, (STRUCT, attr), (INT, pid), (INT, cpu), (FD, group_fd),
        (HEX, flags))
SYSCALL(299, recvmmsg, TN, none, DECIMAL, (FD, sockfd), (STRUCT, msgvec), (UINT, vlen),
        (HEX, flags), (STRUCT, timeout))
SYSCALL(300, fanotify_init, TD, none, DECIMAL, (HEX, flags), (OPEN_FLAGS, event_f_flags))
SYSCALL(301, fanotify_mark, TD | TF, none, DECIMAL, (FD, fanotify_fd), (HEX, flags), (HEX, mask),
        (DIRFD, dirfd), (PATH, pathname))
SYSCALL(302, prlimit64, 0, rlimit, DECIMAL, (PID, pid), (INT, resource), (STRUCT, new_limit),
        (STRUCT, old_limit))
SYSCALL(303, name_to_handle_at, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname),
        (STRUCT, handle), (STRUCT, mount_id), (AT_FLAGS, flags))
SYSCALL(304, open_by_handle_at, TD, none, FD, (FD, mount_fd), (STRUCT, handle), (OPEN_FLAGS, flags))
SYSCALL(305, clock_adjtime, TCL, none, DECIMAL, (INT, clk_id), (STRUCT, buf))
SYSCALL(306, syncfs, TD, none, DECIMAL, (FD, fd))
SYSCALL(307, sendmmsg, TN, none, DECIMAL, (FD, sockfd), (STRUCT, msgvec), (UINT, vlen),
        (HEX, flags))
SYSCALL(308, setns, TD, none, DECIMAL, (FD, fd), (CLONE_FLAGS, nstype))
SYSCALL(309, getcpu, 0, none, DECIMAL, (STRUCT, cpu), (STRUCT, node), (PTR, tcache))
SYSCALL(310, process_vm_readv, 0, none, DECIMAL, (PID, pid), (STRUCT, local_iov), (UINT, liovcnt),
        (STRUCT, remote_iov), (UINT, riovcnt), (HEX, flags))
SYSCALL(311, process_vm_writev, 0, none, DECIMAL, (PID, pid), (STRUCT, local_iov), (UINT, liovcnt),
        (STRUCT, remote_iov), (UINT, riovcnt), (HEX, flags))
SYSCALL(312, kcmp, 0, kcmp, DECIMAL, (PID, pid1), (PID, pid2), (INT, type), (HEX, idx1),
        (HEX, idx2))
SYSCALL(313, finit_module, TD, none, DECIMAL, (FD, fd), (STR, param_values), (HEX, flags))
SYSCALL(314, sched_setattr, 0, none, DECIMAL, (PID, pid), (STRUCT, attr), (HEX, flags))
SYSCALL(315, sched_getattr, 0, none, DECIMAL, (PID, pid), (STRUCT, attr), (UINT, size),
        (HEX, flags))
SYSCALL(316, renameat2, TD | TF, none, DECIMAL, (DIRFD, olddirfd), (PATH, oldpath),
        (DIRFD, newdirfd), (PATH, newpath), (HEX, flags))
SYSCALL(317, seccomp, 0, none, DECIMAL, (INT, operation), (HEX, flags), (STRUCT, args))
SYSCALL(318, getrandom, 0, getrandom, DECIMAL, (BUF_OUT, buf), (SIZE, buflen), (HEX, flags))
SYSCALL(319, memfd_create, TD, none, FD, (STR, name), (HEX, flags))
SYSCALL(320, kexec_file_load, TD, none, DECIMAL, (FD, kernel_fd), (FD, initrd_fd),
        (SIZE, cmdline_len), (STR, cmdline), (HEX, flags))
SYSCALL(321, bpf, TD, none, DECIMAL, (INT, cmd), (STRUCT, attr), (UINT, size))
SYSCALL(322, execveat, TD | TF | TP, execve, DECIMAL, (DIRFD, dirfd), (PATH, pathname),
        (ARGV, argv), (ENVP, envp), (AT_FLAGS, flags))
SYSCALL(323, userfaultfd, TD, none, FD, (HEX, flags))
SYSCALL(324, membarrier, 0, none, DECIMAL, (INT, cmd), (HEX, flags), (INT, cpu_id))
SYSCALL(325, mlock2, TM, none, DECIMAL, (PTR, addr), (SIZE, len), (HEX, flags))
SYSCALL(326, copy_file_range, TD, copy, DECIMAL, (FD, fd_in), (STRUCT, off_in), (FD, fd_out),
        (STRUCT, off_out), (SIZE, len), (HEX, flags))
SYSCALL(327, preadv2, TD, readv, DECIMAL, (FD, fd), (STRUCT, iov), (INT, iovcnt), (OFF, offset),
        (HEX, pos_h), (HEX, flags))
SYSCALL(328, pwritev2, TD, readv, DECIMAL, (FD, fd), (STRUCT, iov), (INT, iovcnt), (OFF, offset),
        (HEX, pos_h), (HEX, flags))
SYSCALL(329, pkey_mprotect, TM, none, DECIMAL, (PTR, addr), (SIZE, len), (MMAP_PROT, prot),
        (INT, pkey))
SYSCALL(330, pkey_alloc, 0, none, DECIMAL, (HEX, flags), (HEX, access_rights))
SYSCALL(331, pkey_free, 0, none, DECIMAL, (INT, pkey))
SYSCALL(332, statx, TD | TF | TFST | TSTA, statx, DECIMAL, (DIRFD, dirfd), (PATH, pathname),
        (AT_FLAGS, flags), (HEX, mask), (STRUCT, statxbuf))
SYSCALL(333, io_pgetevents, 0, none, DECIMAL, (HEX, ctx_id), (INT, min_nr), (INT, nr),
        (STRUCT, events), (STRUCT, timeout), (STRUCT, usig))
SYSCALL(334, rseq, 0, rseq, DECIMAL, (PTR, rseq), (UINT, rseq_len), (HEX, flags), (HEX, sig))
SYSCALL(335, uretprobe, 0, none, DECIMAL)
SYSCALL(336, uprobe, 0, none, DECIMAL)
SYSCALL(424, pidfd_send_signal, TD | TS | TP, none, DECIMAL, (FD, pidfd), (SIGNAL, sig),
        (STRUCT, info), (HEX, flags))
SYSCALL(425, io_uring_setup, TD, none, DECIMAL, (UINT, entries), (STRUCT, p))
SYSCALL(426, io_uring_enter, TD | TS, none, DECIMAL, (FD, fd), (UINT, to_submit),
        (UINT, min_complete), (HEX, flags), (SIGSET, sig), (SIZE, sz))
SYSCALL(427, io_uring_register, TD | TM, none, DECIMAL, (FD, fd), (UINT, opcode), (PTR, arg),
        (UINT, nr_args))
SYSCALL(428, open_tree, TD | TF, none, FD, (DIRFD, dirfd), (PATH, path), (HEX, flags))
SYSCALL(429, move_mount, TD | TF, none, DECIMAL, (DIRFD, from_dirfd), (PATH, from_path),
        (DIRFD, to_dirfd), (PATH, to_path), (HEX, flags))
SYSCALL(430, fsopen, TD, none, FD, (STR, fsname), (HEX, flags))
SYSCALL(431, fsconfig, TD | TF, none, DECIMAL, (FD, fd), (INT, cmd), (STR, key), (PTR, value),
        (INT, aux))
SYSCALL(432, fsmount, TD, none, FD, (FD, fsfd), (HEX, flags), (HEX, attr_flags))
SYSCALL(433, fspick, TD | TF, none, FD, (DIRFD, dirfd), (PATH, path), (HEX, flags))
SYSCALL(434, pidfd_open, TD, none, FD, (PID, pid), (HEX, flags))
SYSCALL(435, clone3, TP, clone3, DECIMAL, (STRUCT, cl_args), (SIZE, size))
SYSCALL(436, close_range, 0, none, DECIMAL, (FD, first), (FD, last), (HEX, flags))
SYSCALL(437, openat2, TD | TF, openat2, FD, (DIRFD, dirfd), (PATH, pathname), (STRUCT, how),
        (SIZE, size))
SYSCALL(438, pidfd_getfd, TD, none, FD, (FD, pidfd), (INT, targetfd), (HEX, flags))
SYSCALL(439, faccessat2, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname),
        (ACCESS_MODE, mode), (AT_FLAGS, flags))
SYSCALL(440, process_madvise, TD, none, DECIMAL, (FD, pidfd), (STRUCT, iovec), (SIZE, vlen),
        (INT, advice), (HEX, flags))
SYSCALL(441, epoll_pwait2, TD, epoll_wait, DECIMAL, (FD, epfd), (STRUCT, events), (INT, maxevents),
        (STRUCT, timeout), (SIGSET, sigmask), (SIZE, sigsetsize))
SYSCALL(442, mount_setattr, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname),
        (AT_FLAGS, flags), (STRUCT, attr), (SIZE, size))
SYSCALL(443, quotactl_fd, TD, none, DECIMAL, (FD, fd), (INT, cmd), (INT, id), (PTR, addr))
SYSCALL(444, landlock_create_ruleset, TD, none, DECIMAL, (STRUCT, attr), (SIZE, size), (HEX, flags))
SYSCALL(445, landlock_add_rule, TD, none, DECIMAL, (FD, ruleset_fd), (INT, rule_type),
        (STRUCT, rule_attr), (HEX, flags))
SYSCALL(446, landlock_restrict_self, TD, none, DECIMAL, (FD, ruleset_fd), (HEX, flags))
SYSCALL(447, memfd_secret, TD, none, FD, (HEX, flags))
SYSCALL(448, process_mrelease, TD, none, DECIMAL, (FD, pidfd), (HEX, flags))
SYSCALL(449, futex_waitv, 0, none, DECIMAL, (STRUCT, waiters), (UINT, nr_futexes), (HEX, flags),
        (STRUCT, timeout), (INT, clockid))
SYSCALL(450, set_mempolicy_home_node, TM, none, DECIMAL, (PTR, start), (SIZE, len),
        (UINT, home_node), (HEX, flags))
SYSCALL(451, cachestat, TD, none, DECIMAL, (FD, fd), (STRUCT, cstat_range), (STRUCT, cstat),
        (HEX, flags))
SYSCALL(452, fchmodat2, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname), (MODE, mode),
        (AT_FLAGS, flags))
SYSCALL(453, map_shadow_stack, TM, none, DECIMAL, (PTR, addr), (SIZE, size), (HEX, flags))
SYSCALL(454, futex_wake, 0, none, DECIMAL, (PTR, uaddr), (HEX, mask), (INT, nr), (HEX, flags))
SYSCALL(455, futex_wait, 0, none, DECIMAL, (PTR, uaddr), (UINT, val), (HEX, mask), (HEX, flags),
        (STRUCT, timeout), (INT, clockid))
SYSCALL(456, futex_requeue, 0, none, DECIMAL, (STRUCT, waiters), (HEX, flags), (INT, nr_wake),
        (INT, nr_requeue))
SYSCALL(457, statmount, 0, none, DECIMAL, (STRUCT, req), (STRUCT, smbuf), (SIZE, bufsize),
        (HEX, flags))
SYSCALL(458, listmount, 0, none, DECIMAL, (STRUCT, req), (STRUCT, mnt_ids), (SIZE, nr_mnt_ids),
        (HEX, flags))
SYSCALL(459, lsm_get_self_attr, 0, none, DECIMAL, (UINT, attr), (STRUCT, ctx), (STRUCT, size),
        (HEX, flags))
SYSCALL(460, lsm_set_self_attr, 0, none, DECIMAL, (UINT, attr), (STRUCT, ctx), (UINT, size),
        (HEX, flags))
SYSCALL(461, lsm_list_modules, 0, none, DECIMAL, (STRUCT, ids), (STRUCT, size), (HEX, flags))
SYSCALL(462, mseal, TM, none, DECIMAL, (PTR, addr), (SIZE, len), (HEX, flags))
SYSCALL(463, setxattrat, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname),
        (AT_FLAGS, at_flags), (STR, name), (STRUCT, args), (SIZE, size))
SYSCALL(464, getxattrat, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname),
        (AT_FLAGS, at_flags), (STR, name), (STRUCT, args), (SIZE, size))
SYSCALL(465, listxattrat, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname),
        (AT_FLAGS, at_flags), (BUF_OUT, list), (SIZE, size))
SYSCALL(466, removexattrat, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname),
        (AT_FLAGS, at_flags), (STR, name))
SYSCALL(467, open_tree_attr, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, path), (HEX, flags),
        (STRUCT, attr), (SIZE, size))
SYSCALL(468, file_getattr, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname),
        (STRUCT, fattr), (SIZE, size), (AT_FLAGS, at_flags))
SYSCALL(469, file_setattr, TD | TF, none, DECIMAL, (DIRFD, dirfd), (PATH, pathname),
        (STRUCT, fattr), (SIZE, size), (AT_FLAGS, at_flags))
SYSCALL(470, listns, 0, none, DECIMAL, (STRUCT, req), (STRUCT, ns_ids), (SIZE, nr_ns_ids),
        (HEX, flags))
