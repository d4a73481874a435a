/* memory.c: reading and writing guest memory.
 * process_vm_readv/writev first (one syscall, no stop needed); /proc/PID/mem
 * for pages they refuse (read-only text, for writes); PTRACE_PEEK/POKE last,
 * through the task layer.
 * A bad address is a negative errno, never a fault in revel. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>
#include <stdio.h>
#include "task.h"

static ssize_t via_proc_mem(pid_t tid, uint64_t addr, void *buf, size_t n, bool write)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/mem", (int)tid);
	int fd = open(path, (write ? O_WRONLY : O_RDONLY) | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ssize_t r = write ? pwrite(fd, buf, n, (off_t)addr) : pread(fd, buf, n, (off_t)addr);
	int err = errno;
	close(fd);
	if (r < 0)
		return err == EIO ? -EFAULT : -err;
	return r;
}

static ssize_t via_ptrace(pid_t tid, uint64_t addr, void *buf, size_t n, bool write)
{
	size_t done = 0;
	unsigned char *p = buf;
	while (done < n) {
		uint64_t a = addr + done;
		uint64_t aligned = a & ~7ull;
		size_t off = a - aligned, chunk = 8 - off;
		if (chunk > n - done)
			chunk = n - done;
		long word;
		if (task_peek_data(tid, aligned, &word) < 0)
			break;
		if (write) {
			memcpy((char *)&word + off, p + done, chunk);
			if (task_poke_data(tid, aligned, word) < 0)
				break;
		} else {
			memcpy(p + done, (char *)&word + off, chunk);
		}
		done += chunk;
	}
	return done ? (ssize_t)done : -EFAULT;
}

ssize_t revel_mem_read(revel_engine *e, pid_t tid, uint64_t addr, void *buf, size_t n)
{
	(void)e;
	if (n == 0)
		return 0;
	struct iovec local = {buf, n}, remote = {(void *)addr, n};
	ssize_t r = process_vm_readv(tid, &local, 1, &remote, 1, 0);
	if (r > 0)
		return r;
	if (r < 0 && errno == ESRCH)
		return -ESRCH;
	r = via_proc_mem(tid, addr, buf, n, false);
	if (r > 0)
		return r;
	return via_ptrace(tid, addr, buf, n, false);
}

ssize_t revel_mem_read_checked(revel_engine *e, pid_t tid, uint64_t addr, void *buf, size_t n)
{
	(void)e;
	size_t done = 0;
	/* Page by page: a read that runs into a guard page keeps what came
	 * before it. */
	while (done < n) {
		uint64_t a = addr + done;
		size_t chunk = 4096 - (a & 4095);
		if (chunk > n - done)
			chunk = n - done;
		struct iovec local = {(char *)buf + done, chunk}, remote = {(void *)a, chunk};
		ssize_t r = process_vm_readv(tid, &local, 1, &remote, 1, 0);
		if (r <= 0) {
			if (done)
				break;
			return r < 0 && errno == ESRCH ? -ESRCH : -EFAULT;
		}
		done += (size_t)r;
		if ((size_t)r < chunk)
			break;
	}
	return (ssize_t)done;
}

ssize_t revel_mem_write(revel_engine *e, pid_t tid, uint64_t addr, const void *buf, size_t n)
{
	(void)e;
	if (n == 0)
		return 0;
	struct iovec local = {(void *)buf, n}, remote = {(void *)addr, n};
	ssize_t r = process_vm_writev(tid, &local, 1, &remote, 1, 0);
	if (r == (ssize_t)n)
		return r;
	if (r < 0 && errno == ESRCH)
		return -ESRCH;
	/* Partial or refused (read-only page): /proc/PID/mem writes through
	 * page protections, as a debugger's breakpoints need. */
	r = via_proc_mem(tid, addr, (void *)buf, n, true);
	if (r > 0)
		return r;
	return via_ptrace(tid, addr, (void *)buf, n, true);
}

ssize_t revel_mem_string(revel_engine *e, pid_t tid, uint64_t addr, char *buf, size_t max,
                         int *truncated)
{
	if (truncated)
		*truncated = 0;
	if (max == 0)
		return -EINVAL;
	size_t len = 0;
	/* Read page by page: a string may end just before an unmapped page. */
	while (len < max - 1) {
		uint64_t a = addr + len;
		size_t chunk = 4096 - (a & 4095);
		if (chunk > max - 1 - len)
			chunk = max - 1 - len;
		ssize_t r = revel_mem_read(e, tid, a, buf + len, chunk);
		if (r <= 0) {
			buf[len] = 0;
			return len ? (ssize_t)len : (r < 0 ? r : -EFAULT);
		}
		char *nul = memchr(buf + len, 0, (size_t)r);
		if (nul)
			return nul - buf;
		len += (size_t)r;
	}
	buf[len] = 0;
	if (truncated)
		*truncated = 1;
	return (ssize_t)len;
}
