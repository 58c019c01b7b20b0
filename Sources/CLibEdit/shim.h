#ifndef CSAT_CLIBEDIT_SHIM_H
#define CSAT_CLIBEDIT_SHIM_H

/*
 * libedit's el_set, el_get and history take C variable arguments, which Swift cannot call.
 * These non-variadic wrappers each fix one shape of arguments.
 */

#include <histedit.h>
#include <stdio.h>

/* The standard streams; Swift 6 refuses the global variables as shared mutable state. */
static inline FILE *csat_stdin(void) { return stdin; }
static inline FILE *csat_stdout(void) { return stdout; }
static inline FILE *csat_stderr(void) { return stderr; }

/* el_set(e, op, string): EL_EDITOR. */
static inline int csat_el_set_string(EditLine *e, int op, const char *value) {
  return el_set(e, op, value);
}

/* el_set(e, op, number): EL_SIGNAL, EL_EDITMODE. */
static inline int csat_el_set_int(EditLine *e, int op, int value) {
  return el_set(e, op, value);
}

/* el_set(e, EL_PROMPT_ESC, function, c): a prompt whose invisible parts sit between two c. */
static inline int csat_el_set_prompt(EditLine *e, char *(*prompt)(EditLine *), char escape) {
  return el_set(e, EL_PROMPT_ESC, prompt, escape);
}

/* el_set(e, EL_HIST, history, h): edit with this history. */
static inline int csat_el_set_history(EditLine *e, History *h) {
  return el_set(e, EL_HIST, history, h);
}

/* el_set(e, EL_CLIENTDATA, data) and its el_get. */
static inline int csat_el_set_client_data(EditLine *e, void *data) {
  return el_set(e, EL_CLIENTDATA, data);
}

static inline void *csat_el_get_client_data(EditLine *e) {
  void *data = NULL;
  if (el_get(e, EL_CLIENTDATA, &data) != 0) {
    return NULL;
  }
  return data;
}

/* el_set(e, EL_ADDFN, name, help, function): a named editor function for key bindings. */
static inline int csat_el_add_function(
  EditLine *e, const char *name, const char *help, unsigned char (*function)(EditLine *, int)
) {
  return el_set(e, EL_ADDFN, name, help, function);
}

/* el_set(e, EL_BIND, key, name, NULL): bind one key sequence. */
static inline int csat_el_bind(EditLine *e, const char *key, const char *name) {
  return el_set(e, EL_BIND, key, name, (const char *)NULL);
}

/* history(h, &event, H_SETSIZE or H_SETUNIQUE, n). */
static inline int csat_history_set_int(History *h, HistEvent *event, int op, int value) {
  return history(h, event, op, value);
}

/* history(h, &event, H_ENTER, line): add a line as the newest entry. */
static inline int csat_history_enter(History *h, HistEvent *event, const char *line) {
  return history(h, event, H_ENTER, line);
}

#endif
