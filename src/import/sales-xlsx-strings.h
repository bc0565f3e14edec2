/* sales-xlsx-strings.h: the shared-string table of an XLSX workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gsf/gsf.h>

#include "sales-reader.h"

G_BEGIN_DECLS

typedef struct _SalesSharedStrings SalesSharedStrings;

/* Loads @part (%NULL or absent: an empty table). Rich text runs are
 * joined; phonetic runs are left out. %SALES_ERROR_LIMIT past the caps.
 */
SalesSharedStrings *sales_shared_strings_load  (SalesReader         *owner,
                                                GsfInfile           *zip,
                                                const char          *part,
                                                GError             **error);
/* The string at @index, or %NULL when there is none. */
const char         *sales_shared_strings_get   (SalesSharedStrings  *strings,
                                                guint64              index,
                                                gsize               *length);
guint               sales_shared_strings_count (SalesSharedStrings  *strings);
void                sales_shared_strings_free  (SalesSharedStrings  *strings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesSharedStrings, sales_shared_strings_free)

G_END_DECLS
