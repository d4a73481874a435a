/* revel/systable.h: the x86-64 syscall table, errno and signal names, as data.
 *
 * One source table (engine/decode/systable_data.h) describes every syscall: number,
 * name, argument names and kinds, and the strace classes it belongs to. The
 * formatter and the Lua bindings read it through these functions only. */
#ifndef REVEL_SYSTABLE_H
#define REVEL_SYSTABLE_H

#include <stdint.h>

/* Syscall numbers handled: 0 .. REVEL_NR_MAX-1. revel/engine.h defines it
 * the same way (an identical redefinition is allowed). */
#define REVEL_NR_MAX 512

#ifdef __cplusplus
extern "C" {
#endif

/* Argument kinds: how an argument is read and printed. One decoder per kind. */
enum revel_arg_kind {
	REVEL_ARG_INT = 0, /* signed decimal */
	REVEL_ARG_UINT,    /* unsigned decimal */
	REVEL_ARG_HEX,     /* hexadecimal */
	REVEL_ARG_PTR,     /* address, printed as hex or NULL */
	REVEL_ARG_FD,      /* file descriptor */
	REVEL_ARG_DIRFD,   /* fd or AT_FDCWD */
	REVEL_ARG_PATH,    /* NUL-terminated path (input) */
	REVEL_ARG_STR,     /* NUL-terminated string (input) */
	REVEL_ARG_BUF_IN,  /* buffer written by the guest, length in the next SIZE arg */
	REVEL_ARG_BUF_OUT, /* buffer filled by the kernel, length = result */
	REVEL_ARG_SIZE,    /* size_t */
	REVEL_ARG_OFF,     /* off_t */
	REVEL_ARG_MODE,    /* file mode (octal) */
	REVEL_ARG_OPEN_FLAGS,
	REVEL_ARG_AT_FLAGS,
	REVEL_ARG_MMAP_PROT,
	REVEL_ARG_MMAP_FLAGS,
	REVEL_ARG_CLONE_FLAGS,
	REVEL_ARG_SIGNAL,
	REVEL_ARG_SIGSET,    /* pointer to a sigset */
	REVEL_ARG_SIGACTION, /* pointer to a struct sigaction */
	REVEL_ARG_STRUCT,    /* pointer to a struct decoded per syscall */
	REVEL_ARG_ARGV,      /* char *const argv[] */
	REVEL_ARG_ENVP,      /* char *const envp[] */
	REVEL_ARG_FCNTL_CMD,
	REVEL_ARG_IOCTL_REQ,
	REVEL_ARG_PRCTL_OP,
	REVEL_ARG_FUTEX_OP,
	REVEL_ARG_SOCK_FAMILY,
	REVEL_ARG_SOCK_TYPE,
	REVEL_ARG_SOCKADDR, /* pointer to a sockaddr, length in the next arg */
	REVEL_ARG_WHENCE,
	REVEL_ARG_ACCESS_MODE,
	REVEL_ARG_PID,
	REVEL_ARG_UID,
	REVEL_ARG_GID,
	REVEL_ARG_KIND_COUNT
};

/* strace's syscall classes (%file, %process ...), as bits. */
enum revel_class {
	REVEL_CLASS_FILE = 1u << 0,
	REVEL_CLASS_PROCESS = 1u << 1,
	REVEL_CLASS_NETWORK = 1u << 2,
	REVEL_CLASS_SIGNAL = 1u << 3,
	REVEL_CLASS_IPC = 1u << 4,
	REVEL_CLASS_DESC = 1u << 5,
	REVEL_CLASS_MEMORY = 1u << 6,
	REVEL_CLASS_CREDS = 1u << 7,
	REVEL_CLASS_CLOCK = 1u << 8,
	REVEL_CLASS_STAT = 1u << 9,
	REVEL_CLASS_LSTAT = 1u << 10,
	REVEL_CLASS_FSTAT = 1u << 11,
	REVEL_CLASS_STAT_LIKE = 1u << 12,
	REVEL_CLASS_STATFS = 1u << 13,
	REVEL_CLASS_FSTATFS = 1u << 14,
	REVEL_CLASS_STATFS_LIKE = 1u << 15,
	REVEL_CLASS_PURE = 1u << 16,
};

/* ffi.cdef begin */
struct revel_syscall_info {
	int nr;
	const char *name;
	int nargs;
	const char *arg_names[6];
	unsigned char arg_kinds[6]; /* enum revel_arg_kind */
	unsigned int classes;       /* enum revel_class bits */
};
/* ffi.cdef end */

/* Highest syscall number in the table, plus one. */
int revel_syscall_count(void);
/* NULL for a number with no syscall. */
const struct revel_syscall_info *revel_syscall_by_nr(long nr);
/* NULL for an unknown name. */
const struct revel_syscall_info *revel_syscall_by_name(const char *name);
/* The class bit for "%file", "file", ... or 0 when unknown. */
unsigned int revel_class_by_name(const char *name);

/* "ENOENT" for 2; NULL when unknown. */
const char *revel_errno_name(int err);
/* 2 for "ENOENT"; -1 when unknown. */
int revel_errno_by_name(const char *name);
/* The errno table in order, aliases after their printed names: entry i's
 * name and (*err) number for 0 <= i < revel_errno_count(), else NULL. */
int revel_errno_count(void);
const char *revel_errno_at(int i, int *err);
/* "SIGKILL" for 9, "SIGRT_3" for SIGRTMIN+3; NULL when unknown. */
const char *revel_signal_name(int sig);
/* 9 for "SIGKILL" or "KILL"; -1 when unknown. */
int revel_signal_by_name(const char *name);

#ifdef __cplusplus
}
#endif
#endif
