#ifndef CSAT_CLIBEDIT_SHIM_H
#define CSAT_CLIBEDIT_SHIM_H
#include <histedit.h>
#endif
