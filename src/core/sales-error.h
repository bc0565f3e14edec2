/* sales-error.h: the SalesOps error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SALES_ERROR (sales_error_quark ())

/* Every error a user can see comes in this domain, with a translated
 * message that names the file and what is wrong.
 */
typedef enum
{
  SALES_ERROR_FAILED,
  SALES_ERROR_NOT_WORKSPACE,  /* not a SQLite file, or a foreign one */
  SALES_ERROR_CORRUPT,        /* truncated or damaged */
  SALES_ERROR_TOO_NEW,        /* written by a newer SalesOps */
  SALES_ERROR_IO,             /* the file could not be read or written */
  SALES_ERROR_SQL,            /* the database refused a statement */
  SALES_ERROR_INVALID,        /* a value or argument was not acceptable */
  SALES_ERROR_NOT_FOUND,      /* a row, table or import does not exist */
  SALES_ERROR_CANCELLED,      /* the user cancelled */
  SALES_ERROR_LIMIT,          /* a limit in sales-limits.h was exceeded */
  SALES_ERROR_PARSE,          /* an input file could not be read */
} SalesError;

GQuark sales_error_quark (void);

G_END_DECLS
