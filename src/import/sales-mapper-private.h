/* sales-mapper-private.h: the synonym table behind the mapper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint       tables;     /* bit i: the i-th table of sales_schema_tables() */
  const char *field;
  guint       strength;   /* weight when guessing the table */
  const char *phrases;    /* normalised names separated by '|' */
} SalesSynonym;

const SalesSynonym *_sales_synonym_lookup (guint       table_index,
                                           const char *key);

G_END_DECLS
