/* fmt_tables.h: flag and constant sets of x86-64 Linux, as strace names and
 * orders them (its xlat order: a flag set prints in table order). Data only;
 * included once, by format_flags.c. Values are the kernel's uapi numbers. */

#define END {0, NULL}

const struct xlat x_open_access[] = {{0, "O_RDONLY"}, {1, "O_WRONLY"}, {2, "O_RDWR"}, {3, "O_ACCMODE"}, END};
const struct xlat x_open_flags[] = {
    {0100, "O_CREAT"},       {0200, "O_EXCL"},        {0400, "O_NOCTTY"},    {01000, "O_TRUNC"},
    {02000, "O_APPEND"},     {04000, "O_NONBLOCK"},   {04010000, "O_SYNC"},  {010000, "O_DSYNC"},
    {040000, "O_DIRECT"},    {0100000, "O_LARGEFILE"}, {0400000, "O_NOFOLLOW"}, {01000000, "O_NOATIME"},
    {02000000, "O_CLOEXEC"}, {010000000, "O_PATH"},   {020200000, "O_TMPFILE"}, {0200000, "O_DIRECTORY"},
    {020000, "O_ASYNC"},     END};
const struct xlat x_at_flags[] = {{0x100, "AT_SYMLINK_NOFOLLOW"}, {0x200, "AT_REMOVEDIR"},
				  {0x400, "AT_SYMLINK_FOLLOW"},   {0x800, "AT_NO_AUTOMOUNT"},
				  {0x1000, "AT_EMPTY_PATH"},      {0x8000, "AT_RECURSIVE"},
				  END};
const struct xlat x_at_statx_sync[] = {{0, "AT_STATX_SYNC_AS_STAT"}, {0x2000, "AT_STATX_FORCE_SYNC"},
				       {0x4000, "AT_STATX_DONT_SYNC"}, END};
const struct xlat x_mmap_prot[] = {{1, "PROT_READ"}, {2, "PROT_WRITE"}, {4, "PROT_EXEC"}, {8, "PROT_SEM"},
				   {0x01000000, "PROT_GROWSDOWN"}, {0x02000000, "PROT_GROWSUP"}, END};
/* The map type (low bits) is a value, the rest flags. */
const struct xlat x_mmap_type[] = {{1, "MAP_SHARED"}, {2, "MAP_PRIVATE"}, {3, "MAP_SHARED_VALIDATE"},
				   {0xf, "MAP_TYPE"}, END};
const struct xlat x_mmap_flags[] = {
    {0x8, "MAP_DROPPABLE"},   {0x10, "MAP_FIXED"},      {0x20, "MAP_ANONYMOUS"},    {0x40, "MAP_32BIT"},
    {0x80, "MAP_ABOVE4G"},    {0x4000, "MAP_NORESERVE"}, {0x8000, "MAP_POPULATE"},   {0x10000, "MAP_NONBLOCK"},
    {0x100, "MAP_GROWSDOWN"}, {0x800, "MAP_DENYWRITE"}, {0x1000, "MAP_EXECUTABLE"}, {0x2000, "MAP_LOCKED"},
    {0x20000, "MAP_STACK"},   {0x40000, "MAP_HUGETLB"}, {0x80000, "MAP_SYNC"},      {0x4000000, "MAP_UNINITIALIZED"},
    {0x100000, "MAP_FIXED_NOREPLACE"}, END};
const struct xlat x_clone_flags[] = {
    {0x100, "CLONE_VM"},          {0x200, "CLONE_FS"},          {0x400, "CLONE_FILES"},
    {0x800, "CLONE_SIGHAND"},     {0x1000, "CLONE_PIDFD"},      {0x2000, "CLONE_PTRACE"},
    {0x4000, "CLONE_VFORK"},      {0x8000, "CLONE_PARENT"},     {0x10000, "CLONE_THREAD"},
    {0x20000, "CLONE_NEWNS"},     {0x40000, "CLONE_SYSVSEM"},   {0x80000, "CLONE_SETTLS"},
    {0x100000, "CLONE_PARENT_SETTID"}, {0x200000, "CLONE_CHILD_CLEARTID"}, {0x800000, "CLONE_UNTRACED"},
    {0x1000000, "CLONE_CHILD_SETTID"}, {0x2000000, "CLONE_NEWCGROUP"}, {0x4000000, "CLONE_NEWUTS"},
    {0x8000000, "CLONE_NEWIPC"},  {0x10000000, "CLONE_NEWUSER"}, {0x20000000, "CLONE_NEWPID"},
    {0x40000000, "CLONE_NEWNET"}, {0x80000000, "CLONE_IO"},     {0x100000000ull, "CLONE_CLEAR_SIGHAND"},
    {0x200000000ull, "CLONE_INTO_CGROUP"}, {0x400000000ull, "CLONE_NEWTIME"}, END};
const struct xlat x_fcntl_cmds[] = {
    {0, "F_DUPFD"},   {1, "F_GETFD"},   {2, "F_SETFD"},    {3, "F_GETFL"},     {4, "F_SETFL"},
    {5, "F_GETLK"},   {6, "F_SETLK"},   {7, "F_SETLKW"},   {8, "F_SETOWN"},    {9, "F_GETOWN"},
    {10, "F_SETSIG"}, {11, "F_GETSIG"}, {15, "F_SETOWN_EX"}, {16, "F_GETOWN_EX"}, {17, "F_GETOWNER_UIDS"},
    {36, "F_OFD_GETLK"}, {37, "F_OFD_SETLK"}, {38, "F_OFD_SETLKW"}, {1024, "F_SETLEASE"},
    {1025, "F_GETLEASE"}, {1026, "F_NOTIFY"}, {1029, "F_CANCELLK"}, {1030, "F_DUPFD_CLOEXEC"},
    {1031, "F_SETPIPE_SZ"}, {1032, "F_GETPIPE_SZ"}, {1033, "F_ADD_SEALS"}, {1034, "F_GET_SEALS"},
    {1035, "F_GET_RW_HINT"}, {1036, "F_SET_RW_HINT"}, {1037, "F_GET_FILE_RW_HINT"},
    {1038, "F_SET_FILE_RW_HINT"}, END};
const struct xlat x_fd_flags[] = {{1, "FD_CLOEXEC"}, END};
const struct xlat x_af[] = {
    {0, "AF_UNSPEC"},  {1, "AF_UNIX"},     {2, "AF_INET"},    {3, "AF_AX25"},   {4, "AF_IPX"},
    {5, "AF_APPLETALK"}, {6, "AF_NETROM"}, {7, "AF_BRIDGE"},  {8, "AF_ATMPVC"}, {9, "AF_X25"},
    {10, "AF_INET6"},  {11, "AF_ROSE"},    {12, "AF_DECnet"}, {13, "AF_NETBEUI"}, {14, "AF_SECURITY"},
    {15, "AF_KEY"},    {16, "AF_NETLINK"}, {17, "AF_PACKET"}, {18, "AF_ASH"},   {19, "AF_ECONET"},
    {20, "AF_ATMSVC"}, {21, "AF_RDS"},     {22, "AF_SNA"},    {23, "AF_IRDA"},  {24, "AF_PPPOX"},
    {25, "AF_WANPIPE"}, {26, "AF_LLC"},    {27, "AF_IB"},     {28, "AF_MPLS"},  {29, "AF_CAN"},
    {30, "AF_TIPC"},   {31, "AF_BLUETOOTH"}, {32, "AF_IUCV"}, {33, "AF_RXRPC"}, {34, "AF_ISDN"},
    {35, "AF_PHONET"}, {36, "AF_IEEE802154"}, {37, "AF_CAIF"}, {38, "AF_ALG"},  {39, "AF_NFC"},
    {40, "AF_VSOCK"},  {41, "AF_KCM"},     {42, "AF_QIPCRTR"}, {43, "AF_SMC"},  {44, "AF_XDP"},
    {45, "AF_MCTP"},   END};
const struct xlat x_sock_type[] = {{1, "SOCK_STREAM"}, {2, "SOCK_DGRAM"}, {3, "SOCK_RAW"}, {4, "SOCK_RDM"},
				   {5, "SOCK_SEQPACKET"}, {6, "SOCK_DCCP"}, {10, "SOCK_PACKET"}, END};
const struct xlat x_sock_flags[] = {{02000000, "SOCK_CLOEXEC"}, {04000, "SOCK_NONBLOCK"}, END};
const struct xlat x_ipproto[] = {
    {0, "IPPROTO_IP"},    {1, "IPPROTO_ICMP"},  {2, "IPPROTO_IGMP"},   {4, "IPPROTO_IPIP"},
    {6, "IPPROTO_TCP"},   {8, "IPPROTO_EGP"},   {12, "IPPROTO_PUP"},   {17, "IPPROTO_UDP"},
    {22, "IPPROTO_IDP"},  {29, "IPPROTO_TP"},   {33, "IPPROTO_DCCP"},  {41, "IPPROTO_IPV6"},
    {46, "IPPROTO_RSVP"}, {47, "IPPROTO_GRE"},  {50, "IPPROTO_ESP"},   {51, "IPPROTO_AH"},
    {58, "IPPROTO_ICMPV6"}, {92, "IPPROTO_MTP"}, {94, "IPPROTO_BEETPH"}, {98, "IPPROTO_ENCAP"},
    {103, "IPPROTO_PIM"}, {108, "IPPROTO_COMP"}, {115, "IPPROTO_L2TP"}, {132, "IPPROTO_SCTP"},
    {136, "IPPROTO_UDPLITE"}, {137, "IPPROTO_MPLS"}, {143, "IPPROTO_ETHERNET"}, {255, "IPPROTO_RAW"},
    {262, "IPPROTO_MPTCP"}, END};
const struct xlat x_nl_proto[] = {
    {0, "NETLINK_ROUTE"}, {1, "NETLINK_UNUSED"}, {2, "NETLINK_USERSOCK"}, {3, "NETLINK_FIREWALL"},
    {4, "NETLINK_SOCK_DIAG"}, {5, "NETLINK_NFLOG"}, {6, "NETLINK_XFRM"}, {7, "NETLINK_SELINUX"},
    {8, "NETLINK_ISCSI"}, {9, "NETLINK_AUDIT"}, {10, "NETLINK_FIB_LOOKUP"}, {11, "NETLINK_CONNECTOR"},
    {12, "NETLINK_NETFILTER"}, {13, "NETLINK_IP6_FW"}, {14, "NETLINK_DNRTMSG"},
    {15, "NETLINK_KOBJECT_UEVENT"}, {16, "NETLINK_GENERIC"}, {18, "NETLINK_SCSITRANSPORT"},
    {19, "NETLINK_ECRYPTFS"}, {20, "NETLINK_RDMA"}, {21, "NETLINK_CRYPTO"}, {22, "NETLINK_SMC"}, END};
const struct xlat x_sol[] = {{0, "SOL_IP"}, {1, "SOL_SOCKET"}, {6, "SOL_TCP"}, {17, "SOL_UDP"},
			     {41, "SOL_IPV6"}, {58, "SOL_ICMPV6"}, {132, "SOL_SCTP"}, {255, "SOL_RAW"},
			     {263, "SOL_PACKET"}, {270, "SOL_NETLINK"}, {274, "SOL_ALG"}, {279, "SOL_XDP"},
			     {282, "SOL_MPTCP"}, END};
const struct xlat x_so[] = {
    {1, "SO_DEBUG"},      {2, "SO_REUSEADDR"},  {3, "SO_TYPE"},       {4, "SO_ERROR"},
    {5, "SO_DONTROUTE"},  {6, "SO_BROADCAST"},  {7, "SO_SNDBUF"},     {8, "SO_RCVBUF"},
    {9, "SO_KEEPALIVE"},  {10, "SO_OOBINLINE"}, {11, "SO_NO_CHECK"},  {12, "SO_PRIORITY"},
    {13, "SO_LINGER"},    {14, "SO_BSDCOMPAT"}, {15, "SO_REUSEPORT"}, {16, "SO_PASSCRED"},
    {17, "SO_PEERCRED"},  {18, "SO_RCVLOWAT"},  {19, "SO_SNDLOWAT"},  {20, "SO_RCVTIMEO_OLD"},
    {21, "SO_SNDTIMEO_OLD"}, {25, "SO_BINDTODEVICE"}, {26, "SO_ATTACH_FILTER"}, {27, "SO_DETACH_FILTER"},
    {28, "SO_PEERNAME"},  {29, "SO_TIMESTAMP_OLD"}, {30, "SO_ACCEPTCONN"}, {31, "SO_PEERSEC"},
    {32, "SO_SNDBUFFORCE"}, {33, "SO_RCVBUFFORCE"}, {34, "SO_PASSSEC"}, {35, "SO_TIMESTAMPNS_OLD"},
    {36, "SO_MARK"},      {37, "SO_TIMESTAMPING_OLD"}, {38, "SO_PROTOCOL"}, {39, "SO_DOMAIN"},
    {40, "SO_RXQ_OVFL"},  {41, "SO_WIFI_STATUS"}, {42, "SO_PEEK_OFF"}, {43, "SO_NOFCS"},
    {46, "SO_BUSY_POLL"}, {47, "SO_MAX_PACING_RATE"}, {49, "SO_INCOMING_CPU"}, {50, "SO_ATTACH_BPF"},
    {59, "SO_PEERGROUPS"}, {60, "SO_ZEROCOPY"}, {62, "SO_BINDTOIFINDEX"}, {66, "SO_RCVTIMEO_NEW"},
    {67, "SO_SNDTIMEO_NEW"}, END};
const struct xlat x_tcp_opts[] = {
    {1, "TCP_NODELAY"},  {2, "TCP_MAXSEG"},   {3, "TCP_CORK"},       {4, "TCP_KEEPIDLE"},
    {5, "TCP_KEEPINTVL"}, {6, "TCP_KEEPCNT"}, {7, "TCP_SYNCNT"},     {8, "TCP_LINGER2"},
    {9, "TCP_DEFER_ACCEPT"}, {10, "TCP_WINDOW_CLAMP"}, {11, "TCP_INFO"}, {12, "TCP_QUICKACK"},
    {13, "TCP_CONGESTION"}, {14, "TCP_MD5SIG"}, {18, "TCP_USER_TIMEOUT"}, {23, "TCP_FASTOPEN"},
    {30, "TCP_FASTOPEN_CONNECT"}, {31, "TCP_ULP"}, END};
const struct xlat x_sockopt_ip[] = {
    {1, "IP_TOS"}, {2, "IP_TTL"}, {3, "IP_HDRINCL"}, {4, "IP_OPTIONS"}, {8, "IP_RECVOPTS"},
    {10, "IP_MTU_DISCOVER"}, {11, "IP_RECVERR"}, {12, "IP_RECVTTL"}, {13, "IP_RECVTOS"},
    {14, "IP_MTU"}, {15, "IP_FREEBIND"}, {19, "IP_TRANSPARENT"}, {24, "IP_BIND_ADDRESS_NO_PORT"},
    {32, "IP_MULTICAST_IF"}, {33, "IP_MULTICAST_TTL"}, {34, "IP_MULTICAST_LOOP"},
    {35, "IP_ADD_MEMBERSHIP"}, {36, "IP_DROP_MEMBERSHIP"}, END};
const struct xlat x_ipv6_opts[] = {
    {16, "IPV6_UNICAST_HOPS"}, {23, "IPV6_MTU_DISCOVER"}, {24, "IPV6_MTU"}, {25, "IPV6_RECVERR"},
    {26, "IPV6_V6ONLY"}, {49, "IPV6_RECVPKTINFO"}, {67, "IPV6_TCLASS"}, END};
const struct xlat x_msg_flags[] = {
    {0x1, "MSG_OOB"},       {0x2, "MSG_PEEK"},        {0x4, "MSG_DONTROUTE"}, {0x8, "MSG_CTRUNC"},
    {0x10, "MSG_PROXY"},    {0x20, "MSG_TRUNC"},      {0x40, "MSG_DONTWAIT"}, {0x80, "MSG_EOR"},
    {0x100, "MSG_WAITALL"}, {0x200, "MSG_FIN"},       {0x400, "MSG_SYN"},     {0x800, "MSG_CONFIRM"},
    {0x1000, "MSG_RST"},    {0x2000, "MSG_ERRQUEUE"}, {0x4000, "MSG_NOSIGNAL"}, {0x8000, "MSG_MORE"},
    {0x10000, "MSG_WAITFORONE"}, {0x20000, "MSG_SENDPAGE_NOPOLICY"}, {0x4000000, "MSG_ZEROCOPY"},
    {0x20000000, "MSG_FASTOPEN"}, {0x40000000, "MSG_CMSG_CLOEXEC"}, END};
const struct xlat x_shutdown[] = {{0, "SHUT_RD"}, {1, "SHUT_WR"}, {2, "SHUT_RDWR"}, END};
const struct xlat x_ioctls[] = {
    {0x5401, "TCGETS"},      {0x5402, "TCSETS"},      {0x5403, "TCSETSW"},     {0x5404, "TCSETSF"},
    {0x5405, "TCGETA"},      {0x5406, "TCSETA"},      {0x5407, "TCSETAW"},     {0x5408, "TCSETAF"},
    {0x5409, "TCSBRK"},      {0x540a, "TCXONC"},      {0x540b, "TCFLSH"},      {0x540c, "TIOCEXCL"},
    {0x540d, "TIOCNXCL"},    {0x540e, "TIOCSCTTY"},   {0x540f, "TIOCGPGRP"},   {0x5410, "TIOCSPGRP"},
    {0x5411, "TIOCOUTQ"},    {0x5412, "TIOCSTI"},     {0x5413, "TIOCGWINSZ"},  {0x5414, "TIOCSWINSZ"},
    {0x5415, "TIOCMGET"},    {0x5416, "TIOCMBIS"},    {0x5417, "TIOCMBIC"},    {0x5418, "TIOCMSET"},
    {0x5419, "TIOCGSOFTCAR"}, {0x541a, "TIOCSSOFTCAR"}, {0x541b, "FIONREAD"},  {0x541c, "TIOCLINUX"},
    {0x541d, "TIOCCONS"},    {0x541e, "TIOCGSERIAL"}, {0x541f, "TIOCSSERIAL"}, {0x5420, "TIOCPKT"},
    {0x5421, "FIONBIO"},     {0x5422, "TIOCNOTTY"},   {0x5423, "TIOCSETD"},    {0x5424, "TIOCGETD"},
    {0x5425, "TCSBRKP"},     {0x5427, "TIOCSBRK"},    {0x5428, "TIOCCBRK"},    {0x5429, "TIOCGSID"},
    {0x802c542a, "TCGETS2"}, {0x402c542b, "TCSETS2"}, {0x80045430, "TIOCGPTN"}, {0x40045431, "TIOCSPTLCK"},
    {0x80045432, "TIOCGDEV"}, {0x5437, "TIOCVHANGUP"}, {0x80045439, "TIOCGPTLCK"}, {0x5441, "TIOCGPTPEER"},
    {0x5450, "FIONCLEX"},    {0x5451, "FIOCLEX"},     {0x5452, "FIOASYNC"},    {0x5453, "TIOCSERCONFIG"},
    {0x5460, "FIOQSIZE"},    {0x545d, "TIOCMIWAIT"},  {0x545e, "TIOCGICOUNT"},
    {0x40049409, "BTRFS_IOC_CLONE or FICLONE"}, {0x4020940d, "BTRFS_IOC_CLONE_RANGE or FICLONERANGE"},
    {0x80086601, "FS_IOC_GETFLAGS"}, {0x40086602, "FS_IOC_SETFLAGS"}, {0x1261, "BLKFLSBUF"},
    {0x80081272, "BLKGETSIZE64"}, {0x1268, "BLKSSZGET"}, {0x127b, "BLKPBSZGET"},
    {0xc020660b, "FS_IOC_FIEMAP"}, {0x2, "FIBMAP"}, {0x8914, "SIOCGIFFLAGS"}, {0x8915, "SIOCGIFADDR"},
    {0x8927, "SIOCGIFHWADDR"}, {0x8933, "SIOCGIFINDEX"}, {0x8912, "SIOCGIFCONF"}, {0x8910, "SIOCGIFNAME"},
    {0x8921, "SIOCGIFMTU"}, {0x8904, "SIOCGPGRP"}, {0x8905, "SIOCATMARK"}, {0x541b, "FIONREAD"},
    {0x4008700d, "RNDADDTOENTCNT"}, {0x80045200, "RNDGETENTCNT"}, END};
const struct xlat x_prctl[] = {
    {1, "PR_SET_PDEATHSIG"}, {2, "PR_GET_PDEATHSIG"}, {3, "PR_GET_DUMPABLE"}, {4, "PR_SET_DUMPABLE"},
    {5, "PR_GET_UNALIGN"},   {6, "PR_SET_UNALIGN"},   {7, "PR_GET_KEEPCAPS"}, {8, "PR_SET_KEEPCAPS"},
    {9, "PR_GET_FPEMU"},     {10, "PR_SET_FPEMU"},    {11, "PR_GET_FPEXC"},   {12, "PR_SET_FPEXC"},
    {13, "PR_GET_TIMING"},   {14, "PR_SET_TIMING"},   {15, "PR_SET_NAME"},    {16, "PR_GET_NAME"},
    {19, "PR_GET_ENDIAN"},   {20, "PR_SET_ENDIAN"},   {21, "PR_GET_SECCOMP"}, {22, "PR_SET_SECCOMP"},
    {23, "PR_CAPBSET_READ"}, {24, "PR_CAPBSET_DROP"}, {25, "PR_GET_TSC"},     {26, "PR_SET_TSC"},
    {27, "PR_GET_SECUREBITS"}, {28, "PR_SET_SECUREBITS"}, {29, "PR_SET_TIMERSLACK"},
    {30, "PR_GET_TIMERSLACK"}, {31, "PR_TASK_PERF_EVENTS_DISABLE"}, {32, "PR_TASK_PERF_EVENTS_ENABLE"},
    {33, "PR_MCE_KILL"},     {34, "PR_MCE_KILL_GET"}, {35, "PR_SET_MM"},      {36, "PR_SET_CHILD_SUBREAPER"},
    {37, "PR_GET_CHILD_SUBREAPER"}, {38, "PR_SET_NO_NEW_PRIVS"}, {39, "PR_GET_NO_NEW_PRIVS"},
    {40, "PR_GET_TID_ADDRESS"}, {41, "PR_SET_THP_DISABLE"}, {42, "PR_GET_THP_DISABLE"},
    {45, "PR_SET_FP_MODE"},  {46, "PR_GET_FP_MODE"},  {47, "PR_CAP_AMBIENT"}, {50, "PR_SVE_SET_VL"},
    {51, "PR_SVE_GET_VL"},   {52, "PR_GET_SPECULATION_CTRL"}, {53, "PR_SET_SPECULATION_CTRL"},
    {54, "PR_PAC_RESET_KEYS"}, {55, "PR_SET_TAGGED_ADDR_CTRL"}, {56, "PR_GET_TAGGED_ADDR_CTRL"},
    {57, "PR_SET_IO_FLUSHER"}, {58, "PR_GET_IO_FLUSHER"}, {59, "PR_SET_SYSCALL_USER_DISPATCH"},
    {62, "PR_SCHED_CORE"},   {0x53564d41, "PR_SET_VMA"}, {0x59616d61, "PR_SET_PTRACER"}, END};
const struct xlat x_arch_prctl[] = {{0x1001, "ARCH_SET_GS"}, {0x1002, "ARCH_SET_FS"}, {0x1003, "ARCH_GET_FS"},
				    {0x1004, "ARCH_GET_GS"}, {0x1011, "ARCH_GET_CPUID"}, {0x1012, "ARCH_SET_CPUID"},
				    {0x1021, "ARCH_GET_XCOMP_SUPP"}, {0x1022, "ARCH_GET_XCOMP_PERM"},
				    {0x1023, "ARCH_REQ_XCOMP_PERM"}, {0x1024, "ARCH_GET_XCOMP_GUEST_PERM"},
				    {0x1025, "ARCH_REQ_XCOMP_GUEST_PERM"}, {0x2001, "ARCH_MAP_VDSO_X32"},
				    {0x2002, "ARCH_MAP_VDSO_32"}, {0x2003, "ARCH_MAP_VDSO_64"},
				    {0x4001, "ARCH_GET_UNTAG_MASK"}, {0x4002, "ARCH_ENABLE_TAGGED_ADDR"},
				    {0x4003, "ARCH_GET_MAX_TAG_BITS"}, {0x4004, "ARCH_FORCE_TAGGED_SVA"},
				    {0x5001, "ARCH_SHSTK_ENABLE"}, {0x5002, "ARCH_SHSTK_DISABLE"},
				    {0x5003, "ARCH_SHSTK_LOCK"}, {0x5004, "ARCH_SHSTK_UNLOCK"},
				    {0x5005, "ARCH_SHSTK_STATUS"}, END};
const struct xlat x_futex_ops[] = {
    {0, "FUTEX_WAIT"}, {1, "FUTEX_WAKE"}, {2, "FUTEX_FD"}, {3, "FUTEX_REQUEUE"}, {4, "FUTEX_CMP_REQUEUE"},
    {5, "FUTEX_WAKE_OP"}, {6, "FUTEX_LOCK_PI"}, {7, "FUTEX_UNLOCK_PI"}, {8, "FUTEX_TRYLOCK_PI"},
    {9, "FUTEX_WAIT_BITSET"}, {10, "FUTEX_WAKE_BITSET"}, {11, "FUTEX_WAIT_REQUEUE_PI"},
    {12, "FUTEX_CMP_REQUEUE_PI"}, {13, "FUTEX_LOCK_PI2"}, END};
const struct xlat x_access[] = {{4, "R_OK"}, {2, "W_OK"}, {1, "X_OK"}, END};
const struct xlat x_whence[] = {{0, "SEEK_SET"}, {1, "SEEK_CUR"}, {2, "SEEK_END"}, {3, "SEEK_DATA"},
				{4, "SEEK_HOLE"}, END};
const struct xlat x_madvise[] = {
    {0, "MADV_NORMAL"}, {1, "MADV_RANDOM"}, {2, "MADV_SEQUENTIAL"}, {3, "MADV_WILLNEED"},
    {4, "MADV_DONTNEED"}, {8, "MADV_FREE"}, {9, "MADV_REMOVE"}, {10, "MADV_DONTFORK"},
    {11, "MADV_DOFORK"}, {12, "MADV_MERGEABLE"}, {13, "MADV_UNMERGEABLE"}, {14, "MADV_HUGEPAGE"},
    {15, "MADV_NOHUGEPAGE"}, {16, "MADV_DONTDUMP"}, {17, "MADV_DODUMP"}, {18, "MADV_WIPEONFORK"},
    {19, "MADV_KEEPONFORK"}, {20, "MADV_COLD"}, {21, "MADV_PAGEOUT"}, {22, "MADV_POPULATE_READ"},
    {23, "MADV_POPULATE_WRITE"}, {24, "MADV_DONTNEED_LOCKED"}, {25, "MADV_COLLAPSE"},
    {100, "MADV_HWPOISON"}, {101, "MADV_SOFT_OFFLINE"}, {102, "MADV_GUARD_INSTALL"},
    {103, "MADV_GUARD_REMOVE"}, END};
const struct xlat x_fadvise[] = {{0, "POSIX_FADV_NORMAL"}, {1, "POSIX_FADV_RANDOM"},
				 {2, "POSIX_FADV_SEQUENTIAL"}, {3, "POSIX_FADV_WILLNEED"},
				 {4, "POSIX_FADV_DONTNEED"}, {5, "POSIX_FADV_NOREUSE"}, END};
const struct xlat x_sigprocmask_how[] = {{0, "SIG_BLOCK"}, {1, "SIG_UNBLOCK"}, {2, "SIG_SETMASK"}, END};
const struct xlat x_sa_flags[] = {
    {0x04000000, "SA_RESTORER"}, {0x08000000, "SA_ONSTACK"}, {0x10000000, "SA_RESTART"},
    {0x20000000, "SA_INTERRUPT"}, {0x40000000, "SA_NODEFER"}, {0x80000000, "SA_RESETHAND"},
    {0x4, "SA_SIGINFO"}, {0x1, "SA_NOCLDSTOP"}, {0x2, "SA_NOCLDWAIT"}, {0x8, "SA_UNSUPPORTED"},
    {0x10, "SA_EXPOSE_TAGBITS"}, END};
const struct xlat x_rlimit[] = {
    {0, "RLIMIT_CPU"},   {1, "RLIMIT_FSIZE"},  {2, "RLIMIT_DATA"},   {3, "RLIMIT_STACK"},
    {4, "RLIMIT_CORE"},  {5, "RLIMIT_RSS"},    {6, "RLIMIT_NPROC"},  {7, "RLIMIT_NOFILE"},
    {8, "RLIMIT_MEMLOCK"}, {9, "RLIMIT_AS"},   {10, "RLIMIT_LOCKS"}, {11, "RLIMIT_SIGPENDING"},
    {12, "RLIMIT_MSGQUEUE"}, {13, "RLIMIT_NICE"}, {14, "RLIMIT_RTPRIO"}, {15, "RLIMIT_RTTIME"}, END};
const struct xlat x_grnd[] = {{1, "GRND_NONBLOCK"}, {2, "GRND_RANDOM"}, {4, "GRND_INSECURE"}, END};
const struct xlat x_statx_mask[] = {
    {0xfff, "STATX_ALL"}, {0x7ff, "STATX_BASIC_STATS"}, {0x1, "STATX_TYPE"}, {0x2, "STATX_MODE"}, {0x4, "STATX_NLINK"},
    {0x8, "STATX_UID"}, {0x10, "STATX_GID"}, {0x20, "STATX_ATIME"}, {0x40, "STATX_MTIME"},
    {0x80, "STATX_CTIME"}, {0x100, "STATX_INO"}, {0x200, "STATX_SIZE"}, {0x400, "STATX_BLOCKS"},
    {0x800, "STATX_BTIME"}, {0x1000, "STATX_MNT_ID"}, {0x2000, "STATX_DIOALIGN"},
    {0x4000, "STATX_MNT_ID_UNIQUE"}, {0x8000, "STATX_SUBVOL"}, {0x10000, "STATX_WRITE_ATOMIC"},
    {0x20000, "STATX_DIO_READ_ALIGN"}, {0x80000000, "STATX__RESERVED"}, END};
const struct xlat x_statx_attrs[] = {
    {0x4, "STATX_ATTR_COMPRESSED"}, {0x10, "STATX_ATTR_IMMUTABLE"}, {0x20, "STATX_ATTR_APPEND"},
    {0x40, "STATX_ATTR_NODUMP"}, {0x800, "STATX_ATTR_ENCRYPTED"}, {0x1000, "STATX_ATTR_AUTOMOUNT"},
    {0x2000, "STATX_ATTR_MOUNT_ROOT"}, {0x100000, "STATX_ATTR_VERITY"}, {0x200000, "STATX_ATTR_DAX"},
    {0x400000, "STATX_ATTR_WRITE_ATOMIC"}, END};
const struct xlat x_wait_opts[] = {{1, "WNOHANG"}, {2, "WUNTRACED"}, {4, "WEXITED"}, {8, "WCONTINUED"},
				   {0x01000000, "WNOWAIT"}, {0x20000000, "__WNOTHREAD"}, {0x40000000, "__WALL"},
				   {0x80000000, "__WCLONE"}, END};
const struct xlat x_waitid_which[] = {{0, "P_ALL"}, {1, "P_PID"}, {2, "P_PGID"}, {3, "P_PIDFD"}, END};
const struct xlat x_poll_events[] = {
    {0x1, "POLLIN"}, {0x2, "POLLPRI"}, {0x4, "POLLOUT"}, {0x8, "POLLERR"}, {0x10, "POLLHUP"},
    {0x20, "POLLNVAL"}, {0x40, "POLLRDNORM"}, {0x80, "POLLRDBAND"}, {0x100, "POLLWRNORM"},
    {0x200, "POLLWRBAND"}, {0x400, "POLLMSG"}, {0x1000, "POLLREMOVE"}, {0x2000, "POLLRDHUP"}, END};
const struct xlat x_epoll_events[] = {
    {0x1, "EPOLLIN"}, {0x2, "EPOLLPRI"}, {0x4, "EPOLLOUT"}, {0x8, "EPOLLERR"}, {0x10, "EPOLLHUP"},
    {0x20, "EPOLLNVAL"}, {0x40, "EPOLLRDNORM"}, {0x80, "EPOLLRDBAND"}, {0x100, "EPOLLWRNORM"},
    {0x200, "EPOLLWRBAND"}, {0x400, "EPOLLMSG"}, {0x2000, "EPOLLRDHUP"}, {0x8000000, "EPOLLURING_WAKE"},
    {0x10000000, "EPOLLEXCLUSIVE"}, {0x20000000, "EPOLLWAKEUP"}, {0x40000000, "EPOLLONESHOT"},
    {0x80000000, "EPOLLET"}, END};
const struct xlat x_epoll_ctl[] = {{1, "EPOLL_CTL_ADD"}, {2, "EPOLL_CTL_DEL"}, {3, "EPOLL_CTL_MOD"}, END};
const struct xlat x_epoll_flags[] = {{02000000, "EPOLL_CLOEXEC"}, END};
const struct xlat x_clocks[] = {
    {0, "CLOCK_REALTIME"}, {1, "CLOCK_MONOTONIC"}, {2, "CLOCK_PROCESS_CPUTIME_ID"},
    {3, "CLOCK_THREAD_CPUTIME_ID"}, {4, "CLOCK_MONOTONIC_RAW"}, {5, "CLOCK_REALTIME_COARSE"},
    {6, "CLOCK_MONOTONIC_COARSE"}, {7, "CLOCK_BOOTTIME"}, {8, "CLOCK_REALTIME_ALARM"},
    {9, "CLOCK_BOOTTIME_ALARM"}, {10, "CLOCK_SGI_CYCLE"}, {11, "CLOCK_TAI"}, END};
const struct xlat x_timer_flags[] = {{1, "TIMER_ABSTIME"}, END};
const struct xlat x_tfd_flags[] = {{02000000, "TFD_CLOEXEC"}, {04000, "TFD_NONBLOCK"}, END};
const struct xlat x_tfd_set_flags[] = {{1, "TFD_TIMER_ABSTIME"}, {2, "TFD_TIMER_CANCEL_ON_SET"}, END};
const struct xlat x_eventfd_flags[] = {{1, "EFD_SEMAPHORE"}, {02000000, "EFD_CLOEXEC"}, {04000, "EFD_NONBLOCK"}, END};
const struct xlat x_sfd_flags[] = {{02000000, "SFD_CLOEXEC"}, {04000, "SFD_NONBLOCK"}, END};
const struct xlat x_inotify_flags[] = {{02000000, "IN_CLOEXEC"}, {04000, "IN_NONBLOCK"}, END};
const struct xlat x_inotify_mask[] = {
    {0x1, "IN_ACCESS"}, {0x2, "IN_MODIFY"}, {0x4, "IN_ATTRIB"}, {0x8, "IN_CLOSE_WRITE"},
    {0x10, "IN_CLOSE_NOWRITE"}, {0x20, "IN_OPEN"}, {0x40, "IN_MOVED_FROM"}, {0x80, "IN_MOVED_TO"},
    {0x100, "IN_CREATE"}, {0x200, "IN_DELETE"}, {0x400, "IN_DELETE_SELF"}, {0x800, "IN_MOVE_SELF"},
    {0x2000, "IN_UNMOUNT"}, {0x4000, "IN_Q_OVERFLOW"}, {0x8000, "IN_IGNORED"}, {0x1000000, "IN_ONLYDIR"},
    {0x2000000, "IN_DONT_FOLLOW"}, {0x4000000, "IN_EXCL_UNLINK"}, {0x10000000, "IN_MASK_CREATE"},
    {0x20000000, "IN_MASK_ADD"}, {0x40000000, "IN_ISDIR"}, {0x80000000, "IN_ONESHOT"}, END};
const struct xlat x_memfd_flags[] = {{1, "MFD_CLOEXEC"}, {2, "MFD_ALLOW_SEALING"}, {4, "MFD_HUGETLB"},
				     {8, "MFD_NOEXEC_SEAL"}, {0x10, "MFD_EXEC"}, END};
const struct xlat x_close_range[] = {{2, "CLOSE_RANGE_UNSHARE"}, {4, "CLOSE_RANGE_CLOEXEC"}, END};
const struct xlat x_mremap_flags[] = {{1, "MREMAP_MAYMOVE"}, {2, "MREMAP_FIXED"}, {4, "MREMAP_DONTUNMAP"}, END};
const struct xlat x_msync_flags[] = {{1, "MS_ASYNC"}, {2, "MS_INVALIDATE"}, {4, "MS_SYNC"}, END};
const struct xlat x_mlockall[] = {{1, "MCL_CURRENT"}, {2, "MCL_FUTURE"}, {4, "MCL_ONFAULT"}, END};
const struct xlat x_rusage_who[] = {{0, "RUSAGE_SELF"}, {(uint64_t)-1, "RUSAGE_CHILDREN"}, {1, "RUSAGE_THREAD"}, END};
const struct xlat x_itimer[] = {{0, "ITIMER_REAL"}, {1, "ITIMER_VIRTUAL"}, {2, "ITIMER_PROF"}, END};
const struct xlat x_lock_ops[] = {{1, "LOCK_SH"}, {2, "LOCK_EX"}, {4, "LOCK_NB"}, {8, "LOCK_UN"}, END};
const struct xlat x_sched_policy[] = {{0, "SCHED_OTHER"}, {1, "SCHED_FIFO"}, {2, "SCHED_RR"}, {3, "SCHED_BATCH"},
				      {5, "SCHED_IDLE"}, {6, "SCHED_DEADLINE"}, {7, "SCHED_EXT"}, END};
const struct xlat x_priority_which[] = {{0, "PRIO_PROCESS"}, {1, "PRIO_PGRP"}, {2, "PRIO_USER"}, END};
const struct xlat x_membarrier[] = {{0, "MEMBARRIER_CMD_QUERY"}, {1, "MEMBARRIER_CMD_GLOBAL"},
				    {2, "MEMBARRIER_CMD_GLOBAL_EXPEDITED"},
				    {4, "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED"},
				    {8, "MEMBARRIER_CMD_PRIVATE_EXPEDITED"},
				    {16, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED"},
				    {32, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE"},
				    {64, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE"},
				    {128, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ"},
				    {256, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ"}, END};
const struct xlat x_rename_flags[] = {{1, "RENAME_NOREPLACE"}, {2, "RENAME_EXCHANGE"}, {4, "RENAME_WHITEOUT"}, END};
const struct xlat x_splice_flags[] = {{1, "SPLICE_F_MOVE"}, {2, "SPLICE_F_NONBLOCK"}, {4, "SPLICE_F_MORE"},
				      {8, "SPLICE_F_GIFT"}, END};
const struct xlat x_falloc[] = {{1, "FALLOC_FL_KEEP_SIZE"}, {2, "FALLOC_FL_PUNCH_HOLE"},
				{4, "FALLOC_FL_NO_HIDE_STALE"}, {8, "FALLOC_FL_COLLAPSE_RANGE"},
				{0x10, "FALLOC_FL_ZERO_RANGE"}, {0x20, "FALLOC_FL_INSERT_RANGE"},
				{0x40, "FALLOC_FL_UNSHARE_RANGE"}, END};
const struct xlat x_xattr_flags[] = {{1, "XATTR_CREATE"}, {2, "XATTR_REPLACE"}, END};
const struct xlat x_umount_flags[] = {{1, "MNT_FORCE"}, {2, "MNT_DETACH"}, {4, "MNT_EXPIRE"},
				      {8, "UMOUNT_NOFOLLOW"}, END};
const struct xlat x_pkey_access[] = {{1, "PKEY_DISABLE_ACCESS"}, {2, "PKEY_DISABLE_WRITE"}, END};
const struct xlat x_rseq_flags[] = {{1, "RSEQ_FLAG_UNREGISTER"}, END};
const struct xlat x_personality[] = {{0, "PER_LINUX"}, {0x8, "PER_LINUX32"}, {0xffffffff, "0xffffffff"}, END};
const struct xlat x_fs_magic[] = {
    {0xef53, "EXT2_SUPER_MAGIC"}, {0x01021994, "TMPFS_MAGIC"}, {0x9fa0, "PROC_SUPER_MAGIC"},
    {0x62656572, "SYSFS_MAGIC"}, {0x794c7630, "OVERLAYFS_SUPER_MAGIC"}, {0x58465342, "XFS_SB_MAGIC"},
    {0x9123683e, "BTRFS_SUPER_MAGIC"}, {0x1cd1, "DEVPTS_SUPER_MAGIC"}, {0x27e0eb, "CGROUP_SUPER_MAGIC"},
    {0x63677270, "CGROUP2_SUPER_MAGIC"}, {0x6969, "NFS_SUPER_MAGIC"}, {0x65735546, "FUSE_SUPER_MAGIC"},
    {0x858458f6, "RAMFS_MAGIC"}, {0x73717368, "SQUASHFS_MAGIC"}, {0x42494e4d, "BINFMTFS_MAGIC"},
    {0xf97cff8c, "SELINUX_MAGIC"}, {0x64626720, "DEBUGFS_MAGIC"}, {0x73636673, "SECURITYFS_MAGIC"},
    {0x74726163, "TRACEFS_MAGIC"}, {0xcafe4a11, "BPF_FS_MAGIC"}, {0x19800202, "MQUEUE_MAGIC"},
    {0x958458f6, "HUGETLBFS_MAGIC"}, {0x50495045, "PIPEFS_MAGIC"}, {0x534f434b, "SOCKFS_MAGIC"}, END};
const struct xlat x_st_flags[] = {{1, "ST_RDONLY"}, {2, "ST_NOSUID"}, {4, "ST_NODEV"}, {8, "ST_NOEXEC"},
				  {16, "ST_SYNCHRONOUS"}, {32, "ST_VALID"}, {64, "ST_MANDLOCK"},
				  {1024, "ST_NOATIME"}, {2048, "ST_NODIRATIME"}, {4096, "ST_RELATIME"},
				  {0x2000000, "ST_NOSYMFOLLOW"}, END};
const struct xlat x_si_codes[] = {{0, "SI_USER"}, {0x80, "SI_KERNEL"}, {(uint64_t)-1, "SI_QUEUE"},
				  {(uint64_t)-2, "SI_TIMER"}, {(uint64_t)-3, "SI_MESGQ"}, {(uint64_t)-4, "SI_ASYNCIO"},
				  {(uint64_t)-5, "SI_SIGIO"}, {(uint64_t)-6, "SI_TKILL"}, {(uint64_t)-7, "SI_DETHREAD"},
				  {(uint64_t)-60, "SI_ASYNCNL"}, END};
const struct xlat x_cld_codes[] = {{1, "CLD_EXITED"}, {2, "CLD_KILLED"}, {3, "CLD_DUMPED"}, {4, "CLD_TRAPPED"},
				   {5, "CLD_STOPPED"}, {6, "CLD_CONTINUED"}, END};
const struct xlat x_segv_codes[] = {{1, "SEGV_MAPERR"}, {2, "SEGV_ACCERR"}, {3, "SEGV_BNDERR"}, {4, "SEGV_PKUERR"},
				    {5, "SEGV_ACCADI"}, {6, "SEGV_ADIDERR"}, {7, "SEGV_ADIPERR"}, {8, "SEGV_MTEAERR"},
				    {9, "SEGV_MTESERR"}, {10, "SEGV_CPERR"}, END};
const struct xlat x_bus_codes[] = {{1, "BUS_ADRALN"}, {2, "BUS_ADRERR"}, {3, "BUS_OBJERR"}, {4, "BUS_MCEERR_AR"},
				   {5, "BUS_MCEERR_AO"}, END};
const struct xlat x_trap_codes[] = {{1, "TRAP_BRKPT"}, {2, "TRAP_TRACE"}, {3, "TRAP_BRANCH"}, {4, "TRAP_HWBKPT"},
				    {5, "TRAP_UNK"}, {6, "TRAP_PERF"}, END};
const struct xlat x_ill_codes[] = {{1, "ILL_ILLOPC"}, {2, "ILL_ILLOPN"}, {3, "ILL_ILLADR"}, {4, "ILL_ILLTRP"},
				   {5, "ILL_PRVOPC"}, {6, "ILL_PRVREG"}, {7, "ILL_COPROC"}, {8, "ILL_BADSTK"},
				   {9, "ILL_BADIADDR"}, END};
const struct xlat x_fpe_codes[] = {{1, "FPE_INTDIV"}, {2, "FPE_INTOVF"}, {3, "FPE_FLTDIV"}, {4, "FPE_FLTOVF"},
				   {5, "FPE_FLTUND"}, {6, "FPE_FLTRES"}, {7, "FPE_FLTINV"}, {8, "FPE_FLTSUB"},
				   {9, "FPE_FLTUNK"}, {10, "FPE_CONDTRAP"}, END};
const struct xlat x_poll_codes[] = {{1, "POLL_IN"}, {2, "POLL_OUT"}, {3, "POLL_MSG"}, {4, "POLL_ERR"},
				    {5, "POLL_PRI"}, {6, "POLL_HUP"}, END};
const struct xlat x_ptrace_req[] = {
    {0, "PTRACE_TRACEME"}, {1, "PTRACE_PEEKTEXT"}, {2, "PTRACE_PEEKDATA"}, {3, "PTRACE_PEEKUSER"},
    {4, "PTRACE_POKETEXT"}, {5, "PTRACE_POKEDATA"}, {6, "PTRACE_POKEUSER"}, {7, "PTRACE_CONT"},
    {8, "PTRACE_KILL"}, {9, "PTRACE_SINGLESTEP"}, {12, "PTRACE_GETREGS"}, {13, "PTRACE_SETREGS"},
    {14, "PTRACE_GETFPREGS"}, {15, "PTRACE_SETFPREGS"}, {16, "PTRACE_ATTACH"}, {17, "PTRACE_DETACH"},
    {24, "PTRACE_SYSCALL"}, {0x4200, "PTRACE_SETOPTIONS"}, {0x4201, "PTRACE_GETEVENTMSG"},
    {0x4202, "PTRACE_GETSIGINFO"}, {0x4203, "PTRACE_SETSIGINFO"}, {0x4204, "PTRACE_GETREGSET"},
    {0x4205, "PTRACE_SETREGSET"}, {0x4206, "PTRACE_SEIZE"}, {0x4207, "PTRACE_INTERRUPT"},
    {0x4208, "PTRACE_LISTEN"}, END};
const struct xlat x_keyctl[] = {{0, "KEYCTL_GET_KEYRING_ID"}, {1, "KEYCTL_JOIN_SESSION_KEYRING"}, END};
const struct xlat x_sig_how_dummy[] = {END};
const struct xlat x_seek_data[] = {END};
const struct xlat x_mount_flags[] = {
    {1, "MS_RDONLY"}, {2, "MS_NOSUID"}, {4, "MS_NODEV"}, {8, "MS_NOEXEC"}, {16, "MS_SYNCHRONOUS"},
    {32, "MS_REMOUNT"}, {64, "MS_MANDLOCK"}, {128, "MS_DIRSYNC"}, {256, "MS_NOSYMFOLLOW"},
    {1024, "MS_NOATIME"}, {2048, "MS_NODIRATIME"}, {4096, "MS_BIND"}, {8192, "MS_MOVE"},
    {16384, "MS_REC"}, {32768, "MS_SILENT"}, {1 << 16, "MS_POSIXACL"}, {1 << 17, "MS_UNBINDABLE"},
    {1 << 18, "MS_PRIVATE"}, {1 << 19, "MS_SLAVE"}, {1 << 20, "MS_SHARED"}, {1 << 21, "MS_RELATIME"},
    {1 << 22, "MS_KERNMOUNT"}, {1 << 23, "MS_I_VERSION"}, {1 << 24, "MS_STRICTATIME"},
    {1 << 25, "MS_LAZYTIME"}, END};
const struct xlat x_caps[] = {
    {0, "CAP_CHOWN"}, {1, "CAP_DAC_OVERRIDE"}, {2, "CAP_DAC_READ_SEARCH"}, {3, "CAP_FOWNER"},
    {4, "CAP_FSETID"}, {5, "CAP_KILL"}, {6, "CAP_SETGID"}, {7, "CAP_SETUID"}, {8,
    "CAP_SETPCAP"}, {9, "CAP_LINUX_IMMUTABLE"}, {10, "CAP_NET_BIND_SERVICE"}, {11,
    "CAP_NET_BROADCAST"}, {12, "CAP_NET_ADMIN"}, {13, "CAP_NET_RAW"}, {14, "CAP_IPC_LOCK"}, {15,
    "CAP_IPC_OWNER"}, {16, "CAP_SYS_MODULE"}, {17, "CAP_SYS_RAWIO"}, {18, "CAP_SYS_CHROOT"},
    {19, "CAP_SYS_PTRACE"}, {20, "CAP_SYS_PACCT"}, {21, "CAP_SYS_ADMIN"}, {22, "CAP_SYS_BOOT"},
    {23, "CAP_SYS_NICE"}, {24, "CAP_SYS_RESOURCE"}, {25, "CAP_SYS_TIME"}, {26,
    "CAP_SYS_TTY_CONFIG"}, {27, "CAP_MKNOD"}, {28, "CAP_LEASE"}, {29, "CAP_AUDIT_WRITE"}, {30,
    "CAP_AUDIT_CONTROL"}, {31, "CAP_SETFCAP"}, {32, "CAP_MAC_OVERRIDE"}, {33, "CAP_MAC_ADMIN"},
    {34, "CAP_SYSLOG"}, {35, "CAP_WAKE_ALARM"}, {36, "CAP_BLOCK_SUSPEND"}, {37,
    "CAP_AUDIT_READ"}, {38, "CAP_PERFMON"}, {39, "CAP_BPF"}, {40, "CAP_CHECKPOINT_RESTORE"},
    END};
const struct xlat x_sigev_notify[] = {{0, "SIGEV_SIGNAL"}, {1, "SIGEV_NONE"}, {2, "SIGEV_THREAD"},
				      {4, "SIGEV_THREAD_ID"}, END};
