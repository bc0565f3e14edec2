/* sales-xlsx-workbook.h: the sheets of an XLSX and where their parts are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gsf/gsf.h>

#include "sales-reader.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray *names;          /* char *, in workbook order */
  GPtrArray *parts;          /* char *, the part of each sheet */
  GArray    *hidden;         /* gboolean */
  gboolean   date1904;
  char      *shared_strings; /* part names, or NULL */
  char      *styles;
} SalesXlsxWorkbook;

/* Reads _rels/.rels, the workbook part and its relationships. */
SalesXlsxWorkbook *sales_xlsx_workbook_load (SalesReader        *owner,
                                             GsfInfile          *zip,
                                             GError            **error);
void               sales_xlsx_workbook_free (SalesXlsxWorkbook  *workbook);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesXlsxWorkbook, sales_xlsx_workbook_free)

G_END_DECLS
