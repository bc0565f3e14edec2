/* sales-xlsx-styles.c: which cell styles of an XLSX show dates
 *
 * A number is a date only by its format, so the custom formats (numFmts)
 * and the built-in ids are classified once, and each cell format of
 * cellXfs is reduced to the kind its number format shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-xlsx"

#include "config.h"

#include "sales-cell-format.h"
#include "sales-xlsx-styles.h"
#include "sales-zip-xml.h"

typedef struct
{
  GHashTable *custom;       /* numFmtId -> SalesNumberKind */
  GArray     *kinds;        /* guint8 per cellXfs entry */
  int         xfs_depth;    /* depth of <cellXfs>, or -1 outside it */
} Loader;

static guint
parse_id (const char *text)
{
  guint64 id = 0;

  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT16, &id, NULL))
    return 0;
  return id;
}

static gboolean
on_element (xmlTextReaderPtr   reader,
            const char        *name,
            gpointer           user_data,
            GError           **error)
{
  Loader *loader = user_data;
  int depth = xmlTextReaderDepth (reader);

  if (loader->xfs_depth >= 0 && depth <= loader->xfs_depth)
    loader->xfs_depth = -1;

  if (g_str_equal (name, "numFmt"))
    {
      g_autofree char *id = sales_xml_get_attribute (reader, "numFmtId");
      g_autofree char *code = sales_xml_get_attribute (reader, "formatCode");

      if (code != NULL)
        g_hash_table_insert (loader->custom, GUINT_TO_POINTER (parse_id (id)),
                             GUINT_TO_POINTER (sales_number_format_kind (code)));
    }
  else if (g_str_equal (name, "cellXfs"))
    loader->xfs_depth = depth;
  else if (g_str_equal (name, "xf") && loader->xfs_depth >= 0 &&
           depth == loader->xfs_depth + 1)
    {
      g_autofree char *id_text = sales_xml_get_attribute (reader, "numFmtId");
      guint id = parse_id (id_text);
      gpointer kind;
      guint8 value;

      if (g_hash_table_lookup_extended (loader->custom, GUINT_TO_POINTER (id),
                                        NULL, &kind))
        value = GPOINTER_TO_UINT (kind);
      else
        value = sales_builtin_format_kind (id);
      g_array_append_val (loader->kinds, value);
    }

  return TRUE;
}

GArray *
sales_xlsx_styles_load (SalesReader  *owner,
                        GsfInfile    *zip,
                        const char   *part,
                        GError      **error)
{
  g_autoptr(GHashTable) custom = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (guint8));
  Loader loader = { custom, kinds, -1 };

  if (part != NULL &&
      !sales_xml_read_part (owner, zip, part, FALSE, on_element, &loader,
                            error))
    return NULL;

  return g_steal_pointer (&kinds);
}
