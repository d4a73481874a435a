/* Generated from /work/main/engine/decode/xlat/fcntl_cmds.in by gen_xlat.cmake: do not edit. */
#define _GNU_SOURCE
#include <linux/fcntl.h>
#include "xlat.h"

const struct xlat x_fcntl_cmds[] = {
#if defined(F_DUPFD)
	{(uint64_t)(F_DUPFD), "F_DUPFD"},
#endif
#if defined(F_GETFD)
	{(uint64_t)(F_GETFD), "F_GETFD"},
#endif
#if defined(F_SETFD)
	{(uint64_t)(F_SETFD), "F_SETFD"},
#endif
#if defined(F_GETFL)
	{(uint64_t)(F_GETFL), "F_GETFL"},
#endif
#if defined(F_SETFL)
	{(uint64_t)(F_SETFL), "F_SETFL"},
#endif
#if defined(F_GETLK)
	{(uint64_t)(F_GETLK), "F_GETLK"},
#endif
#if defined(F_SETLK)
	{(uint64_t)(F_SETLK), "F_SETLK"},
#endif
#if defined(F_SETLKW)
	{(uint64_t)(F_SETLKW), "F_SETLKW"},
#endif
#if defined(F_SETOWN)
	{(uint64_t)(F_SETOWN), "F_SETOWN"},
#endif
#if defined(F_GETOWN)
	{(uint64_t)(F_GETOWN), "F_GETOWN"},
#endif
#if defined(F_SETSIG)
	{(uint64_t)(F_SETSIG), "F_SETSIG"},
#endif
#if defined(F_GETSIG)
	{(uint64_t)(F_GETSIG), "F_GETSIG"},
#endif
#if defined(F_SETOWN_EX)
	{(uint64_t)(F_SETOWN_EX), "F_SETOWN_EX"},
#endif
#if defined(F_GETOWN_EX)
	{(uint64_t)(F_GETOWN_EX), "F_GETOWN_EX"},
#endif
#if defined(F_GETOWNER_UIDS)
	{(uint64_t)(F_GETOWNER_UIDS), "F_GETOWNER_UIDS"},
#endif
#if defined(F_OFD_GETLK)
	{(uint64_t)(F_OFD_GETLK), "F_OFD_GETLK"},
#endif
#if defined(F_OFD_SETLK)
	{(uint64_t)(F_OFD_SETLK), "F_OFD_SETLK"},
#endif
#if defined(F_OFD_SETLKW)
	{(uint64_t)(F_OFD_SETLKW), "F_OFD_SETLKW"},
#endif
#if defined(F_SETLEASE)
	{(uint64_t)(F_SETLEASE), "F_SETLEASE"},
#endif
#if defined(F_GETLEASE)
	{(uint64_t)(F_GETLEASE), "F_GETLEASE"},
#endif
#if defined(F_NOTIFY)
	{(uint64_t)(F_NOTIFY), "F_NOTIFY"},
#endif
#if defined(F_CANCELLK)
	{(uint64_t)(F_CANCELLK), "F_CANCELLK"},
#endif
#if defined(F_DUPFD_CLOEXEC)
	{(uint64_t)(F_DUPFD_CLOEXEC), "F_DUPFD_CLOEXEC"},
#endif
#if defined(F_SETPIPE_SZ)
	{(uint64_t)(F_SETPIPE_SZ), "F_SETPIPE_SZ"},
#endif
#if defined(F_GETPIPE_SZ)
	{(uint64_t)(F_GETPIPE_SZ), "F_GETPIPE_SZ"},
#endif
#if defined(F_ADD_SEALS)
	{(uint64_t)(F_ADD_SEALS), "F_ADD_SEALS"},
#endif
#if defined(F_GET_SEALS)
	{(uint64_t)(F_GET_SEALS), "F_GET_SEALS"},
#endif
#if defined(F_GET_RW_HINT)
	{(uint64_t)(F_GET_RW_HINT), "F_GET_RW_HINT"},
#endif
#if defined(F_SET_RW_HINT)
	{(uint64_t)(F_SET_RW_HINT), "F_SET_RW_HINT"},
#endif
#if defined(F_GET_FILE_RW_HINT)
	{(uint64_t)(F_GET_FILE_RW_HINT), "F_GET_FILE_RW_HINT"},
#endif
#if defined(F_SET_FILE_RW_HINT)
	{(uint64_t)(F_SET_FILE_RW_HINT), "F_SET_FILE_RW_HINT"},
#endif
	{0, NULL},
};
