/* pidns.c: a pid as the traced thread sees it, in its own pid namespace,
 * translated to revel's, as strace does for --decode-pids=pidns (and for -Y,
 * whose names are read under revel's pids).
 *
 * The NSpid, NStgid, NSpgid and NSsid lines of /proc/P/status list P's ids
 * from /proc's namespace (revel's) down to P's own; the one at depth d is
 * its id in the namespace d levels below revel's. An id of namespace N (the
 * thread's, at depth d) is P's when P's line has it at d and P's namespace,
 * walked d levels up from its own with NS_GET_PARENT, is N. The process
 * found is remembered, checked again at each use (pids are reused), and
 * otherwise looked for in the thread itself, then through all of /proc. */
#include <dirent.h>
#include <fcntl.h>
#include <linux/nsfs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "decode.h"

#define MAX_DEPTH 33 /* the kernel nests at most 32 namespaces */

static const char *const id_line[] = {
    [PID_TID] = "NSpid:",
    [PID_TGID] = "NStgid:",
    [PID_PGID] = "NSpgid:",
    [PID_SID] = "NSsid:",
};

/* The ids of dir's line for kind (dir: /proc/P or /proc/P/task/T); their
 * count, 0 when there is none. */
static int read_ids(const char *dir, enum pid_kind kind, int ids[MAX_DEPTH])
{
	char path[128], buf[2048];
	snprintf(path, sizeof path, "%s/status", dir);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	const char *want = id_line[kind];
	size_t wl = strlen(want);
	for (const char *l = buf; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		if (strncmp(l, want, wl) != 0)
			continue;
		int count = 0;
		char *p = (char *)l + wl;
		while (count < MAX_DEPTH && *p && *p != '\n') {
			char *end;
			long v = strtol(p, &end, 10);
			if (end == p)
				break;
			ids[count++] = (int)v;
			p = end;
		}
		return count;
	}
	return 0;
}

/* The inode of dir's pid namespace, `up` levels above its own; 0 when it
 * cannot be read. */
static unsigned long ns_at(const char *dir, int up)
{
	char path[128];
	snprintf(path, sizeof path, "%s/ns/pid", dir);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	while (fd >= 0 && up-- > 0) {
		int parent = ioctl(fd, NS_GET_PARENT);
		close(fd);
		fd = parent;
	}
	if (fd < 0)
		return 0;
	struct stat st;
	int r = fstat(fd, &st);
	close(fd);
	return r == 0 ? (unsigned long)st.st_ino : 0;
}

/* dir's id in revel's namespace if its id of kind in namespace ns, at
 * depth d, is id; else 0. */
static int match(const char *dir, enum pid_kind kind, unsigned long ns, int d, int id)
{
	int ids[MAX_DEPTH];
	int n = read_ids(dir, kind, ids);
	if (n <= d || ids[d] != id || ns_at(dir, n - 1 - d) != ns)
		return 0;
	return ids[0];
}

/* What was found, by namespace, kind and id: the /proc entry it was in. */
static struct {
	unsigned long ns;
	int kind, id;
	int proc, task; /* /proc/proc, or /proc/proc/task/task when task */
} seen[64];
static unsigned seen_next;

static void dir_of(char *out, size_t n, int proc, int task)
{
	if (task)
		snprintf(out, n, "/proc/%d/task/%d", proc, task);
	else
		snprintf(out, n, "/proc/%d", proc);
}

static int is_number(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* Through every process of /proc (and, for a thread id, its threads). */
static int scan(enum pid_kind kind, unsigned long ns, int d, int id, int *proc, int *task)
{
	DIR *procs = opendir("/proc");
	if (!procs)
		return 0;
	int found = 0;
	struct dirent *e;
	char dir[96];
	while (!found && (e = readdir(procs))) {
		if (!is_number(e->d_name))
			continue;
		*proc = atoi(e->d_name);
		*task = 0;
		if (kind != PID_TID) {
			dir_of(dir, sizeof dir, *proc, 0);
			found = match(dir, kind, ns, d, id);
			continue;
		}
		char tasks[64];
		snprintf(tasks, sizeof tasks, "/proc/%d/task", *proc);
		DIR *td = opendir(tasks);
		struct dirent *t;
		while (td && !found && (t = readdir(td))) {
			if (!is_number(t->d_name))
				continue;
			*task = atoi(t->d_name);
			dir_of(dir, sizeof dir, *proc, *task);
			found = match(dir, kind, ns, d, id);
		}
		if (td)
			closedir(td);
	}
	closedir(procs);
	return found;
}

int revel_pidns_translate(pid_t tid, int id, enum pid_kind kind)
{
	if (id <= 0 || tid <= 0)
		return 0;
	static unsigned long ours;
	if (!ours)
		ours = ns_at("/proc/self", 0);
	char dir[96];
	dir_of(dir, sizeof dir, tid, 0);
	unsigned long ns = ns_at(dir, 0);
	if (!ns || ns == ours)
		return ns ? id : 0;
	int own[MAX_DEPTH];
	int d = read_ids(dir, PID_TID, own) - 1; /* the thread's depth */
	if (d <= 0)
		return 0;
	for (unsigned i = 0; i < sizeof seen / sizeof seen[0]; i++) {
		if (seen[i].ns != ns || seen[i].kind != (int)kind || seen[i].id != id)
			continue;
		dir_of(dir, sizeof dir, seen[i].proc, seen[i].task);
		int r = match(dir, kind, ns, d, id);
		if (r)
			return r;
		seen[i].ns = 0;
	}
	int proc = tid, task = kind == PID_TID ? tid : 0, r;
	dir_of(dir, sizeof dir, proc, task);
	r = match(dir, kind, ns, d, id);
	if (!r)
		r = scan(kind, ns, d, id, &proc, &task);
	if (r) {
		unsigned i = seen_next++ % (sizeof seen / sizeof seen[0]);
		seen[i].ns = ns;
		seen[i].kind = (int)kind;
		seen[i].id = id;
		seen[i].proc = proc;
		seen[i].task = task;
	}
	return r;
}
