/* sales-reader-private.h: what the readers set on their base class
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sales-error.h"
#include "sales-reader.h"

G_BEGIN_DECLS

/* @encoding must be a static string. */
void          sales_reader_set_encoding    (SalesReader  *self,
                                            const char   *encoding);
void          sales_reader_set_delimiter   (SalesReader  *self,
                                            char          delimiter);
void          sales_reader_add_sheet       (SalesReader  *self,
                                            const char   *name,
                                            gboolean      hidden);
void          sales_reader_set_sheet       (SalesReader  *self,
                                            const char   *name);
void          sales_reader_set_position    (SalesReader  *self,
                                            guint64       position);
void          sales_reader_set_size        (SalesReader  *self,
                                            guint64       size);
GCancellable *sales_reader_get_cancellable (SalesReader  *self);

/* Sets SALES_ERROR_CANCELLED and returns TRUE when the user cancelled. */
gboolean      sales_reader_cancelled       (SalesReader  *self,
                                            GError      **error);

/* Sets @error to "FILE, line LINE: DETAIL" (line 0: "FILE: DETAIL"). */
void          sales_reader_set_error       (SalesReader  *self,
                                            GError      **error,
                                            SalesError    code,
                                            guint64       line,
                                            const char   *detail);

/* Picks a sheet of the listed ones: by name, else by 0-based index, and
 * %NULL means the first visible one. Returns the index or -1 with
 * %SALES_ERROR_NOT_FOUND set.
 */
int           sales_reader_choose_sheet    (SalesReader  *self,
                                            const char   *sheet,
                                            GError      **error);

G_END_DECLS
