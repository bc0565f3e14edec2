/* sales-mapper.h: which workspace field each source column fills
 *
 * A mapping belongs to one target table. Each source column maps to a
 * field of that table or to nothing (its cells then go into the row's
 * `extra` JSON object, so nothing from a file is lost). Constants fill
 * fields the file lacks ("every row is a won deal").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _SalesMapping SalesMapping;

/* How a column's field was chosen. */
typedef enum
{
  SALES_MAPPED_NONE,        /* no field: the cells go to extra */
  SALES_MAPPED_GUESS,       /* from the synonym table */
  SALES_MAPPED_REMEMBERED,  /* from a mapping the user confirmed before */
  SALES_MAPPED_USER,        /* set explicitly */
} SalesMappedBy;

const char   *sales_mapper_guess_table      (const char *const *headers,
                                             guint              n_headers);
const char   *sales_mapper_guess_field      (const char        *table,
                                             const char        *header);
char         *sales_mapper_normalize_header (const char        *header);
char         *sales_mapper_signature        (const char *const *headers,
                                             guint              n_headers);

SalesMapping *sales_mapping_new             (const char        *table,
                                             const char *const *headers,
                                             guint              n_headers);
SalesMapping *sales_mapping_guess           (sqlite3           *db,
                                             const char        *table,
                                             const char *const *headers,
                                             guint              n_headers,
                                             GError           **error);
void          sales_mapping_free            (SalesMapping      *self);

const char   *sales_mapping_get_table       (const SalesMapping *self);
guint         sales_mapping_get_n_columns   (const SalesMapping *self);
const char   *sales_mapping_get_header      (const SalesMapping *self,
                                             guint              column);
const char   *sales_mapping_get_field       (const SalesMapping *self,
                                             guint              column);
SalesMappedBy sales_mapping_get_mapped_by   (const SalesMapping *self,
                                             guint              column);
int           sales_mapping_find_field      (const SalesMapping *self,
                                             const char        *field);
gboolean      sales_mapping_set_field       (SalesMapping      *self,
                                             guint              column,
                                             const char        *field,
                                             GError           **error);
gboolean      sales_mapping_apply_override  (SalesMapping      *self,
                                             const char        *spec,
                                             GError           **error);
gboolean      sales_mapping_set_constant    (SalesMapping      *self,
                                             const char        *spec,
                                             GError           **error);
guint         sales_mapping_get_n_constants (const SalesMapping *self);
const char   *sales_mapping_get_constant    (const SalesMapping *self,
                                             guint              index,
                                             const char       **value);
gboolean      sales_mapping_is_remembered   (const SalesMapping *self);

char         *sales_mapping_to_json         (const SalesMapping *self);
gboolean      sales_mapping_remember        (const SalesMapping *self,
                                             sqlite3           *db,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesMapping, sales_mapping_free)

G_END_DECLS
