/* tool_victim: the guest of spec/misbehave_spec.lua, for tools that misbehave.
 * With an argument S it first starts `sleep S`, a process of the guest that
 * must be gone when revel ends. Then it calls getppid and prints
 * "getppid: parent" when that is its real parent, else the raw value; then
 * "done". Exit 3. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The parent as /proc says it: no getppid, which the tools take. */
static long proc_parent(void)
{
	char buf[512];
	long ppid = -1;
	FILE *f = fopen("/proc/self/stat", "r");
	if (!f)
		return -1;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = 0;
	char *p = strrchr(buf, ')');
	if (p && sscanf(p + 1, " %*c %ld", &ppid) != 1)
		ppid = -1;
	return ppid;
}

int main(int argc, char **argv)
{
	long parent = proc_parent();
	if (argc > 1 && fork() == 0) {
		execlp("sleep", "sleep", argv[1], (char *)NULL);
		_exit(127);
	}
	long r = syscall(SYS_getppid);
	if (r == parent)
		printf("getppid: parent\n");
	else
		printf("getppid: %ld\n", r);
	printf("done\n");
	return 3;
}
