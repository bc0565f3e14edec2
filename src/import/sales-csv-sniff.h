/* sales-csv-sniff.h: which delimiter a CSV file uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Picks ',', ';', '\t' or '|' from the decoded text @text..@end (the
 * start of the file; @whole when it is all of it), ',' when none splits
 * the lines.
 */
char sales_csv_sniff_delimiter (const char *text,
                                const char *end,
                                gboolean    whole);

G_END_DECLS
