/* gdb_files.c: what gdb reads besides registers and memory: the auxiliary
 * vector, the executable's path, the list of shared libraries (the dynamic
 * linker's r_debug, walked in guest memory), and files by vFile (gdb's
 * "target:" sysroot: revel and the guest share a file system, so these are
 * revel's own opens). */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "gdb_server.h"

static size_t read_file(const char *path, char *buf, size_t cap)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	size_t n = 0;
	ssize_t r;
	while (n < cap && (r = read(fd, buf + n, cap - n)) > 0)
		n += (size_t)r;
	close(fd);
	return n;
}

static uint64_t auxv_get(const char *auxv, size_t n, uint64_t type)
{
	for (size_t i = 0; i + 16 <= n; i += 16) {
		uint64_t kv[2];
		memcpy(kv, auxv + i, 16);
		if (kv[0] == type)
			return kv[1];
	}
	return 0;
}

/* The dynamic linker's r_debug of process pid: 0 until it is set up. */
static uint64_t r_debug_addr(revel_engine *e, pid_t pid)
{
	char path[64], auxv[1024];
	snprintf(path, sizeof path, "/proc/%d/auxv", (int)pid);
	size_t n = read_file(path, auxv, sizeof auxv);
	uint64_t phdr = auxv_get(auxv, n, AT_PHDR), phnum = auxv_get(auxv, n, AT_PHNUM);
	uint64_t bias = 0, dyn = 0;
	bool have_bias = false;
	for (uint64_t i = 0; phdr && i < phnum && i < 64; i++) {
		Elf64_Phdr ph;
		if (revel_mem_read(e, pid, phdr + i * sizeof ph, &ph, sizeof ph) != sizeof ph)
			return 0;
		if (ph.p_type == PT_PHDR) {
			bias = phdr - ph.p_vaddr;
			have_bias = true;
		} else if (ph.p_type == PT_DYNAMIC) {
			dyn = ph.p_vaddr;
		}
	}
	if (!dyn || !have_bias)
		return 0;
	for (int i = 0; i < 512; i++) {
		Elf64_Dyn d;
		if (revel_mem_read(e, pid, bias + dyn + (uint64_t)i * sizeof d, &d, sizeof d) !=
		    sizeof d)
			return 0;
		if (d.d_tag == DT_NULL)
			return 0;
		if (d.d_tag == DT_DEBUG)
			return d.d_un.d_ptr;
	}
	return 0;
}

static void xml_escape(char *out, size_t cap, const char *s)
{
	size_t o = 0;
	for (; *s && o + 7 < cap; s++) {
		const char *rep = *s == '<'   ? "&lt;"
		                  : *s == '>' ? "&gt;"
		                  : *s == '&' ? "&amp;"
		                  : *s == '"' ? "&quot;"
		                              : NULL;
		if (rep)
			o += (size_t)snprintf(out + o, cap - o, "%s", rep);
		else
			out[o++] = *s;
	}
	out[o] = 0;
}

/* <library-list-svr4>: the link_map chain, the main program's entry first
 * (main-lm) and every library after it. */
static size_t libraries(revel_engine *e, pid_t pid, char *out, size_t cap)
{
	uint64_t rd = r_debug_addr(e, pid);
	struct r_debug r;
	if (!rd || revel_mem_read(e, pid, rd, &r, sizeof r) != sizeof r || !r.r_map)
		return (size_t)snprintf(out, cap, "<library-list-svr4 version=\"1.0\"/>");
	uint64_t lm = (uint64_t)r.r_map;
	size_t o =
	    (size_t)snprintf(out, cap, "<library-list-svr4 version=\"1.0\" main-lm=\"0x%llx\">",
	                     (unsigned long long)lm);
	struct link_map m;
	if (revel_mem_read(e, pid, lm, &m, sizeof m) != sizeof m)
		return o + (size_t)snprintf(out + o, cap - o, "</library-list-svr4>");
	for (int k = 0; k < 4096 && m.l_next; k++) {
		lm = (uint64_t)m.l_next;
		if (revel_mem_read(e, pid, lm, &m, sizeof m) != sizeof m)
			break;
		char name[PATH_MAX], esc[2 * PATH_MAX];
		int trunc;
		if (revel_mem_string(e, pid, (uint64_t)m.l_name, name, sizeof name, &trunc) < 0)
			name[0] = 0;
		if (!name[0])
			continue; /* the vDSO has no file */
		xml_escape(esc, sizeof esc, name);
		int n =
		    snprintf(out + o, cap - o,
		             "<library name=\"%s\" lm=\"0x%llx\" l_addr=\"0x%llx\" l_ld=\"0x%llx\" "
		             "lmid=\"0x0\"/>",
		             esc, (unsigned long long)lm, (unsigned long long)m.l_addr,
		             (unsigned long long)m.l_ld);
		if (n < 0 || (size_t)n >= cap - o - 32)
			break;
		o += (size_t)n;
	}
	return o + (size_t)snprintf(out + o, cap - o, "</library-list-svr4>");
}

/* "ANNEX:OFFSET,LENGTH" after the object's name. */
static bool xfer_args(const char *s, char *annex, size_t cap, uint64_t *off, uint64_t *len)
{
	const char *colon = strchr(s, ':');
	if (!colon || (size_t)(colon - s) >= cap)
		return false;
	memcpy(annex, s, (size_t)(colon - s));
	annex[colon - s] = 0;
	s = colon + 1;
	return gdb_hex_u64(&s, off) && *s++ == ',' && gdb_hex_u64(&s, len) && !*s;
}

static pid_t annex_pid(revel_engine *e, const char *annex)
{
	uint64_t v;
	const char *s = annex;
	if (*annex && gdb_hex_u64(&s, &v) && !*s)
		return (pid_t)v;
	return e->gdb->pid;
}

/* ---- vFile ---- */

/* gdb's File-I/O flags and errno values are its own. */
static int open_flags(uint64_t f)
{
	int fl = (f & 3) == 0 ? O_RDONLY : (f & 3) == 1 ? O_WRONLY : O_RDWR;
	if (f & 0x8)
		fl |= O_APPEND;
	if (f & 0x200)
		fl |= O_CREAT;
	if (f & 0x400)
		fl |= O_TRUNC;
	if (f & 0x800)
		fl |= O_EXCL;
	return fl | O_CLOEXEC;
}

static int fileio_errno(int err)
{
	switch (err) {
	case EPERM:
		return 1;
	case ENOENT:
		return 2;
	case EINTR:
		return 4;
	case EBADF:
		return 9;
	case EACCES:
		return 13;
	case EFAULT:
		return 14;
	case EBUSY:
		return 16;
	case EEXIST:
		return 17;
	case ENODEV:
		return 19;
	case ENOTDIR:
		return 20;
	case EISDIR:
		return 21;
	case EINVAL:
		return 22;
	case ENFILE:
		return 23;
	case EMFILE:
		return 24;
	case EFBIG:
		return 27;
	case ENOSPC:
		return 28;
	case ESPIPE:
		return 29;
	case EROFS:
		return 30;
	case ENAMETOOLONG:
		return 91;
	default:
		return 9999;
	}
}

static void put_be(unsigned char *p, uint64_t v, int n)
{
	for (int i = n - 1; i >= 0; i--, v >>= 8)
		p[i] = (unsigned char)v;
}

static bool hex_string(const char **s, char *out, size_t cap)
{
	const char *end = strpbrk(*s, ",");
	size_t n = end ? (size_t)(end - *s) : strlen(*s);
	if (gdb_hex_decode(*s, n, out, cap - 1) < 0)
		return false;
	out[n / 2] = 0;
	*s += n;
	return true;
}

static void vfile(revel_engine *e, const char *p)
{
	struct gdb_server *g = e->gdb;
	uint64_t a, b, c;
	const char *s;
	size_t nfd = sizeof g->vfile_fd / sizeof *g->vfile_fd;
	if (!strncmp(p, "setfs:", 6)) {
		gdb_reply(g, "F0"); /* one file system for all */
	} else if (!strncmp(p, "open:", 5)) {
		char path[PATH_MAX];
		s = p + 5;
		if (!hex_string(&s, path, sizeof path) || *s++ != ',' || !gdb_hex_u64(&s, &a) ||
		    *s++ != ',' || !gdb_hex_u64(&s, &b)) {
			gdb_reply(g, "F-1,16");
			return;
		}
		size_t slot = 0;
		while (slot < nfd && g->vfile_fd[slot] >= 0)
			slot++;
		if (slot == nfd) {
			gdb_reply(g, "F-1,18");
			return;
		}
		int fd = open(path, open_flags(a), (mode_t)b);
		if (fd < 0) {
			gdb_reply(g, "F-1,%x", fileio_errno(errno));
			return;
		}
		g->vfile_fd[slot] = fd;
		gdb_reply(g, "F%zx", slot);
	} else if (!strncmp(p, "pread:", 6)) {
		s = p + 6;
		if (!gdb_hex_u64(&s, &a) || *s++ != ',' || !gdb_hex_u64(&s, &b) || *s++ != ',' ||
		    !gdb_hex_u64(&s, &c) || a >= nfd || g->vfile_fd[a] < 0) {
			gdb_reply(g, "F-1,9");
			return;
		}
		static char buf[GDB_PACKET_MAX];
		size_t max = GDB_PACKET_MAX / 2 - 32;
		if (b > max)
			b = max;
		ssize_t n = pread(g->vfile_fd[a], buf + 24, b, (off_t)c);
		if (n < 0) {
			gdb_reply(g, "F-1,%x", fileio_errno(errno));
			return;
		}
		int h = snprintf(buf, 24, "F%zx;", (size_t)n);
		memmove(buf + h, buf + 24, (size_t)n);
		gdb_reply_bin(g, buf, (size_t)h + (size_t)n);
	} else if (!strncmp(p, "close:", 6)) {
		s = p + 6;
		if (!gdb_hex_u64(&s, &a) || a >= nfd || g->vfile_fd[a] < 0) {
			gdb_reply(g, "F-1,9");
			return;
		}
		close(g->vfile_fd[a]);
		g->vfile_fd[a] = -1;
		gdb_reply(g, "F0");
	} else if (!strncmp(p, "fstat:", 6)) {
		s = p + 6;
		struct stat st;
		if (!gdb_hex_u64(&s, &a) || a >= nfd || g->vfile_fd[a] < 0 ||
		    fstat(g->vfile_fd[a], &st) < 0) {
			gdb_reply(g, "F-1,9");
			return;
		}
		/* gdb's struct stat: big-endian, 64 bytes */
		unsigned char fs[72];
		int h = snprintf((char *)fs, 8, "F40;");
		unsigned char *q = fs + h;
		put_be(q, st.st_dev, 4);
		put_be(q + 4, st.st_ino, 4);
		put_be(q + 8, st.st_mode, 4);
		put_be(q + 12, st.st_nlink, 4);
		put_be(q + 16, st.st_uid, 4);
		put_be(q + 20, st.st_gid, 4);
		put_be(q + 24, st.st_rdev, 4);
		put_be(q + 28, (uint64_t)st.st_size, 8);
		put_be(q + 36, (uint64_t)st.st_blksize, 8);
		put_be(q + 44, (uint64_t)st.st_blocks, 8);
		put_be(q + 52, (uint64_t)st.st_atime, 4);
		put_be(q + 56, (uint64_t)st.st_mtime, 4);
		put_be(q + 60, (uint64_t)st.st_ctime, 4);
		gdb_reply_bin(g, fs, (size_t)h + 64);
	} else if (!strncmp(p, "readlink:", 9)) {
		char path[PATH_MAX], target[PATH_MAX + 16];
		s = p + 9;
		if (!hex_string(&s, path, sizeof path)) {
			gdb_reply(g, "F-1,16");
			return;
		}
		ssize_t n = readlink(path, target + 16, PATH_MAX);
		if (n < 0) {
			gdb_reply(g, "F-1,%x", fileio_errno(errno));
			return;
		}
		int h = snprintf(target, 16, "F%zx;", (size_t)n);
		memmove(target + h, target + 16, (size_t)n);
		gdb_reply_bin(g, target, (size_t)h + (size_t)n);
	} else {
		gdb_reply(g, "%s", "");
	}
}

bool gdb_files_packet(revel_engine *e, const char *p)
{
	struct gdb_server *g = e->gdb;
	char annex[64];
	uint64_t off, len;
	static char buf[1 << 16];
	if (!strncmp(p, "vFile:", 6)) {
		vfile(e, p + 6);
		return true;
	}
	if (!strncmp(p, "qXfer:auxv:read:", 16)) {
		if (!xfer_args(p + 16, annex, sizeof annex, &off, &len)) {
			gdb_reply(g, "E01");
			return true;
		}
		char path[64];
		snprintf(path, sizeof path, "/proc/%d/auxv", (int)g->pid);
		size_t n = read_file(path, buf, sizeof buf);
		gdb_reply_xfer(g, buf, n, off, len);
		return true;
	}
	if (!strncmp(p, "qXfer:exec-file:read:", 21)) {
		if (!xfer_args(p + 21, annex, sizeof annex, &off, &len)) {
			gdb_reply(g, "E01");
			return true;
		}
		char path[64];
		snprintf(path, sizeof path, "/proc/%d/exe", (int)annex_pid(e, annex));
		ssize_t n = readlink(path, buf, sizeof buf - 1);
		if (n < 0) {
			gdb_reply(g, "E01");
			return true;
		}
		gdb_reply_xfer(g, buf, (size_t)n, off, len);
		return true;
	}
	if (!strncmp(p, "qXfer:libraries-svr4:read:", 26)) {
		if (!xfer_args(p + 26, annex, sizeof annex, &off, &len)) {
			gdb_reply(g, "E01");
			return true;
		}
		size_t n = libraries(e, g->pid, buf, sizeof buf);
		gdb_reply_xfer(g, buf, n, off, len);
		return true;
	}
	return false;
}
