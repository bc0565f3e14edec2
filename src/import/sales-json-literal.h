/* sales-json-literal.h: JSON values kept as the file spells them
 *
 * json-glib reads a number into a gint64 or a double: past 64 bits it
 * wraps silently (123456789012345678901234567890 reads as -1), a leading
 * zero makes it octal, and a decimal loses its digits past the
 * seventeenth. So before json-glib sees the text, every value that is not
 * an object or an array is rewritten as a JSON string whose first byte
 * says what it was: "s" a string, "n" a number spelled as in the file.
 * Object keys, true, false and null are left alone, and no line break is
 * added or removed, so json-glib still checks the structure and still
 * counts the lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Where and why sales_json_literal_tag() refused the text. */
typedef struct
{
  guint     line;        /* 1-based */
  guint     column;      /* 1-based, in characters */
  char     *token;       /* the offending text, shortened */
  gboolean  bad_escape;  /* a string escape, not a number */
} SalesJsonLiteralError;

void     sales_json_literal_error_clear (SalesJsonLiteralError *error);

char    *sales_json_literal_tag   (const char             *text,
                                   gsize                   length,
                                   gsize                  *tagged_length,
                                   SalesJsonLiteralError  *error);

char    *sales_json_literal_text  (JsonNode               *node);

G_END_DECLS
