/* pidns: the calls that take or return a pid, made from inside a child pid
 * namespace, for --decode-pids=pidns (spec/strace_lines/pidns.lua).
 *   pidns        unshare(CLONE_NEWPID), then a child (pid 1 in the new
 *                namespace) makes the calls below; the parent waits for it
 *   pidns flat   the same calls in a plain child, no namespace
 * The child: getpid, gettid, getppid, setsid and the group and session
 * calls, kill, tkill, tgkill, sched_getscheduler, sched_getaffinity,
 * prlimit64, getpriority, rt_sigqueueinfo, process_vm_readv, sched_getparam,
 * ioprio_get, kcmp, get_robust_list, fcntl's owners, a pidfd; then
 * a grandchild it puts in a group of its own, signals and waits for with
 * wait4, another it waits for with waitid, and a thread (clone3) it joins.
 * The child and the parent print a line each on stdout. Exit 0; 77 when no
 * namespace can be made here (not root). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* The thread makes its call at once: its clone3's exit, stopped first,
 * is printed first (a tracer that takes the newest thread's stops first
 * would let it run to its end, its tid no longer translating). */
static void *thread_main(void *arg)
{
	(void)arg;
	syscall(SYS_gettid);
	return NULL;
}

static int child(void)
{
	/* SIGCHLD blocked: its si_pid is translated only while the zombie is
	 * there, and the wait races the signal's delivery. */
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid_t me = getpid();
	pid_t tid = (pid_t)syscall(SYS_gettid);
	getppid();
	getpgrp();
	setsid();
	getpgrp();
	getpgid(0);
	getpgid(me);
	getsid(me);
	kill(me, 0);
	syscall(SYS_tkill, tid, 0);
	syscall(SYS_tgkill, me, tid, 0);
	sched_getscheduler(me);
	cpu_set_t set;
	sched_getaffinity(me, sizeof set, &set);
	struct rlimit rl;
	prlimit(me, RLIMIT_NOFILE, NULL, &rl);
	getpriority(PRIO_PROCESS, (id_t)me);
	signal(SIGUSR1, SIG_IGN);
	siginfo_t si;
	memset(&si, 0, sizeof si);
	si.si_code = SI_QUEUE;
	si.si_pid = me;
	si.si_uid = getuid();
	syscall(SYS_rt_sigqueueinfo, me, SIGUSR1, &si);
	syscall(SYS_process_vm_readv, me, NULL, 0, NULL, 0, 0);
	struct sched_param sp;
	sched_getparam(me, &sp);
	syscall(SYS_ioprio_get, 1, me);     /* IOPRIO_WHO_PROCESS */
	syscall(SYS_kcmp, me, me, 0, 1, 1); /* KCMP_FILE: stdout twice */
	syscall(SYS_kcmp, me, me, 1, 0, 0); /* KCMP_VM */
	void *head;
	size_t len;
	syscall(SYS_get_robust_list, 0, &head, &len);
	fcntl(1, F_SETOWN, me);
	fcntl(1, F_GETOWN);
	struct f_owner_ex owner = {F_OWNER_TID, tid};
	fcntl(1, F_SETOWN_EX, &owner);
	fcntl(1, F_GETOWN_EX, &owner);
	fcntl(1, F_SETOWN, 0);
	int pidfd = (int)syscall(SYS_pidfd_open, me, 0);
	if (pidfd >= 0)
		close(pidfd);

	/* The child says it is about to pause before it is signalled: without
	 * it a loaded host let SIGTERM land before the child's first call, and
	 * its set_robust_list and pause lines came and went between runs. */
	int ready[2];
	if (pipe(ready) != 0)
		return 1;
	pid_t kid = fork();
	if (kid < 0)
		return 1;
	if (kid == 0) {
		if (write(ready[1], "r", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	char r;
	if (read(ready[0], &r, 1) != 1)
		return 1;
	setpgid(kid, kid);
	getpgid(kid);
	kill(-kid, 0);
	kill(kid, SIGTERM);
	int status;
	if (wait4(kid, &status, 0, NULL) != kid)
		return 1;
	kid = fork();
	if (kid == 0)
		_exit(3);
	waitid(P_PID, (id_t)kid, &si, WEXITED);
	pthread_t th;
	if (pthread_create(&th, NULL, thread_main, NULL) != 0)
		return 1;
	pthread_join(th, NULL);
	printf("child: pid %d, grandchild %d, status %d\n", (int)me, (int)kid, si.si_status);
	return 0;
}

int main(int argc, char **argv)
{
	int flat = argc > 1 && strcmp(argv[1], "flat") == 0;
	if (!flat && unshare(CLONE_NEWPID) < 0) {
		if (errno == EPERM || errno == EINVAL)
			return 77;
		perror("unshare");
		return 1;
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0)
		_exit(child());
	int status;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 1;
	printf("parent: child exited %d\n", WEXITSTATUS(status));
	return WEXITSTATUS(status);
}
