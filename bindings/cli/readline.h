/* readline.h: the REPL's line input (revel --repl), reached from Lua through
 * struct revel_cli_api. On a terminal it is GNU readline in callback mode, so
 * the Lua side can look at the guest while a line is being typed; otherwise
 * plain lines are read from stdin, and each is echoed after its prompt so a
 * scripted session reads as a transcript. Everything is written on stderr. */
#ifndef REVEL_READLINE_H
#define REVEL_READLINE_H

/* Is the REPL's input a terminal (readline) rather than a pipe or a file? */
int revel_repl_tty(void);
/* Show a prompt and start reading a line. */
int revel_repl_begin(const char *prompt);
/* Wait at most timeout_ms for the line: returns 1 with *line set (free it
 * with revel_repl_free), 0 if the time ran out, -1 at end of input (Ctrl-D),
 * 2 when Ctrl-C cleared the line. */
int revel_repl_wait(int timeout_ms, char **line);
/* Stop reading; with clear, the prompt and what was typed are wiped. */
void revel_repl_end(int clear);
/* Print msg (a whole line) above the prompt, leaving what is typed intact. */
void revel_repl_notice(const char *msg);
void revel_repl_free(char *s);
/* The words tab completion offers; copied. */
int revel_repl_set_words(const char *const *words, int n);
/* History in a file: loaded once; each line added is appended to it. */
int revel_repl_history_load(const char *path);
int revel_repl_history_add(const char *path, const char *line);

#endif
