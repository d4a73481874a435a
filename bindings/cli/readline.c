/* readline.c: the REPL's line input (see readline.h).
 *
 * On a terminal: GNU readline in callback mode. While a prompt is open the
 * terminal's ISIG is off, so Ctrl-C reaches readline as a key (it clears the
 * line) instead of sending SIGINT to the whole foreground process group, the
 * stopped guest included. Tab completion offers the words Lua set before the
 * prompt; no callback into Lua is needed. History lives in a file.
 *
 * Otherwise: lines are read from stdin with poll and read, unbuffered beyond
 * the line at hand, and each line is echoed after its prompt. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <readline/history.h>
#include <readline/readline.h>
#include "readline.h"

static int is_tty = -1;
static int initialized;
static int handler_on;  /* a readline prompt is installed */
static int line_done;   /* the line handler ran */
static char *line_got;  /* ... with this line (NULL: end of input) */
static int interrupted; /* Ctrl-C cleared the line */

static char **words;
static int nwords;

int revel_repl_tty(void)
{
	if (is_tty < 0)
		is_tty = isatty(STDIN_FILENO) ? 1 : 0;
	return is_tty;
}

/* ---- completion ---- */

int revel_repl_set_words(const char *const *w, int n)
{
	for (int i = 0; i < nwords; i++)
		free(words[i]);
	free(words);
	words = NULL;
	nwords = 0;
	if (n <= 0)
		return 0;
	words = calloc((size_t)n, sizeof *words);
	if (!words)
		return -ENOMEM;
	for (int i = 0; i < n; i++) {
		words[i] = strdup(w[i] ? w[i] : "");
		if (!words[i])
			return -ENOMEM;
		nwords = i + 1;
	}
	return 0;
}

static char *generator(const char *text, int state)
{
	static int i;
	static size_t len;
	if (!state) {
		i = 0;
		len = strlen(text);
	}
	while (i < nwords) {
		const char *w = words[i++];
		if (strncmp(w, text, len) == 0)
			return strdup(w);
	}
	return NULL;
}

static char **complete(const char *text, int start, int end)
{
	rl_attempted_completion_over = 1; /* no file names */
	rl_completion_append_character = '\0';
	return rl_completion_matches(text, generator);
}

/* ---- the terminal ---- */

static void prep_terminal(int meta)
{
	rl_prep_terminal(meta);
	struct termios t;
	int fd = fileno(rl_instream);
	if (tcgetattr(fd, &t) == 0) {
		t.c_lflag &= ~(tcflag_t)ISIG;
		tcsetattr(fd, TCSANOW, &t);
	}
}

static int on_interrupt(int count, int key)
{
	rl_point = rl_end;
	rl_redisplay();
	fputs("^C\n", rl_outstream);
	fflush(rl_outstream);
	rl_replace_line("", 0);
	rl_point = 0;
	interrupted = 1;
	return 0;
}

static void on_line(char *line)
{
	line_done = 1;
	line_got = line;
	rl_callback_handler_remove(); /* no new prompt until Lua asks */
	handler_on = 0;
}

static void init_readline(void)
{
	if (initialized)
		return;
	initialized = 1;
	rl_readline_name = "revel";
	rl_instream = stdin;
	rl_outstream = stderr;
	rl_catch_signals = 0; /* revel's own signal handling stays */
	rl_change_environment = 0;
	rl_prep_term_function = prep_terminal;
	rl_attempted_completion_function = complete;
	rl_basic_word_break_characters = " \t\n\"'`@$><=;|&{(,)[]+-*/%^~#";
	rl_completer_word_break_characters = rl_basic_word_break_characters;
	using_history();
	stifle_history(1000);
	rl_initialize();
	rl_bind_key_in_map('\003', on_interrupt, emacs_standard_keymap);
	rl_bind_key_in_map('\003', on_interrupt, vi_insertion_keymap);
	rl_bind_key_in_map('\003', on_interrupt, vi_movement_keymap);
}

/* ---- plain input ---- */

static char *pbuf;
static size_t plen, pcap;
static int peof;
static char *pprompt;
static int prompt_shown; /* a plain prompt waits for its line */

static char *take_line(size_t n, size_t skip)
{
	char *s = malloc(n + 1);
	if (!s)
		return NULL;
	memcpy(s, pbuf, n);
	s[n] = 0;
	if (n > 0 && s[n - 1] == '\r')
		s[n - 1] = 0;
	memmove(pbuf, pbuf + n + skip, plen - n - skip);
	plen -= n + skip;
	return s;
}

static int plain_wait(int timeout_ms, char **line)
{
	for (;;) {
		char *nl = plen ? memchr(pbuf, '\n', plen) : NULL;
		if (nl || (peof && plen)) {
			size_t n = nl ? (size_t)(nl - pbuf) : plen;
			char *s = take_line(n, nl ? 1 : 0);
			if (!s)
				return -1;
			fprintf(stderr, "%s\n", s);
			fflush(stderr);
			prompt_shown = 0;
			*line = s;
			return 1;
		}
		if (peof) {
			if (prompt_shown)
				fputs("\n", stderr);
			prompt_shown = 0;
			return -1;
		}
		struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
		int r = poll(&p, 1, timeout_ms);
		if (r == 0 || (r < 0 && errno == EINTR))
			return 0;
		if (r < 0) {
			peof = 1;
			continue;
		}
		if (pcap - plen < 4096) {
			size_t cap = pcap ? pcap * 2 : 8192;
			char *b = realloc(pbuf, cap);
			if (!b)
				return -1;
			pbuf = b;
			pcap = cap;
		}
		ssize_t n = read(STDIN_FILENO, pbuf + plen, pcap - plen);
		if (n < 0 && errno == EINTR)
			return 0;
		if (n <= 0)
			peof = 1;
		else
			plen += (size_t)n;
	}
}

/* ---- the prompt ---- */

int revel_repl_begin(const char *prompt)
{
	if (!revel_repl_tty()) {
		free(pprompt);
		pprompt = strdup(prompt);
		fputs(prompt, stderr);
		fflush(stderr);
		prompt_shown = 1;
		return 0;
	}
	init_readline();
	line_done = 0;
	line_got = NULL;
	interrupted = 0;
	rl_callback_handler_install(prompt, on_line);
	handler_on = 1;
	return 0;
}

int revel_repl_wait(int timeout_ms, char **line)
{
	*line = NULL;
	if (!revel_repl_tty())
		return plain_wait(timeout_ms, line);
	for (;;) {
		if (line_done) {
			line_done = 0;
			*line = line_got;
			line_got = NULL;
			if (!*line) {
				fputs("\n", rl_outstream);
				return -1;
			}
			return 1;
		}
		if (!handler_on)
			return -1;
		struct pollfd p = {.fd = fileno(rl_instream), .events = POLLIN};
		int r = poll(&p, 1, timeout_ms);
		if (r == 0 || (r < 0 && errno == EINTR))
			return 0;
		if (r < 0)
			return -1;
		rl_callback_read_char();
		if (interrupted) {
			interrupted = 0;
			if (handler_on) {
				rl_callback_handler_remove();
				handler_on = 0;
			}
			return 2;
		}
	}
}

void revel_repl_end(int clear)
{
	if (!revel_repl_tty()) {
		if (prompt_shown)
			fputs("\n", stderr);
		prompt_shown = 0;
		return;
	}
	if (handler_on) {
		if (clear)
			rl_clear_visible_line();
		else
			fputs("\n", rl_outstream);
		rl_callback_handler_remove();
		handler_on = 0;
	}
}

void revel_repl_notice(const char *msg)
{
	if (revel_repl_tty() && handler_on) {
		rl_clear_visible_line();
		fprintf(rl_outstream, "%s\n", msg);
		rl_forced_update_display();
		fflush(rl_outstream);
		return;
	}
	if (prompt_shown)
		fputs("\n", stderr);
	fprintf(stderr, "%s\n", msg);
	if (prompt_shown && pprompt)
		fputs(pprompt, stderr);
	fflush(stderr);
}

void revel_repl_free(char *s)
{
	free(s);
}

/* ---- history ---- */

int revel_repl_history_load(const char *path)
{
	static int loaded;
	init_readline();
	if (loaded)
		return 0;
	loaded = 1;
	int rc = read_history(path);
	return rc == ENOENT ? 0 : -rc;
}

int revel_repl_history_add(const char *path, const char *line)
{
	init_readline();
	HIST_ENTRY *last =
	    history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
	if (last && strcmp(last->line, line) == 0)
		return 0;
	add_history(line);
	if (!path)
		return 0;
	int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	close(fd);
	int rc = append_history(1, path);
	if (rc == 0)
		history_truncate_file(path, 1000);
	return -rc;
}
