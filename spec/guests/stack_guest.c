/* stack_guest: known call stacks for -k and g:backtrace() (built with -g -O0,
 * so every function keeps its frame, its symbol and its lines). main ->
 * outer -> middle -> leaf -> write; a function with a C++ name; a signal
 * whose handler writes (a stack through the signal frame); a child that
 * writes from its own nesting and exits from a nested call. With an argument ("exec"), the child
 * execs this program again, which writes and exits. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void say(const char *s)
{
	if (write(1, s, strlen(s)) < 0)
		_exit(2);
}

__attribute__((noinline)) void leaf(const char *s)
{
	say(s);
}

__attribute__((noinline)) void middle(const char *s)
{
	leaf(s);
}

__attribute__((noinline)) void outer(const char *s)
{
	middle(s);
}

/* A C++ name (ns::Guest::done(char const*)), spelt in C: -k demangles it. */
__attribute__((noinline)) void guest_done(const char *s) __asm__("_ZN2ns5Guest4doneEPKc");
void guest_done(const char *s)
{
	middle(s);
}

static void on_usr1(int sig)
{
	(void)sig;
	leaf("handler\n");
}

__attribute__((noinline)) void child_work(int do_exec, char *self)
{
	leaf("child\n");
	if (do_exec)
		execl(self, self, "again", (char *)NULL);
	exit(0);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "again") == 0) {
		outer("again\n");
		return 0;
	}
	outer("parent\n");
	signal(SIGUSR1, on_usr1);
	raise(SIGUSR1);
	/* SIGCHLD held until the child is reaped: it is delivered at a known
	 * place, whichever of the two runs first. */
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid_t pid = fork();
	if (pid == 0) {
		sigprocmask(SIG_UNBLOCK, &chld, NULL);
		child_work(argc > 1 && strcmp(argv[1], "exec") == 0, argv[0]);
	}
	int status;
	waitpid(pid, &status, 0);
	sigprocmask(SIG_UNBLOCK, &chld, NULL);
	guest_done("done\n");
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
