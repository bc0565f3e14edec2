/* sales-ods-sheets.c: the tables of an ODS content.xml, and attributes
 *
 * Whether a table is hidden is said by its automatic style, which comes
 * before the body in content.xml, so one pass lists the tables with
 * their hidden state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-ods"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-limits.h"
#include "sales-ods-sheets.h"
#include "sales-reader-private.h"
#include "sales-zip-xml.h"

typedef struct
{
  SalesReader  *owner;
  SalesXmlPush *push;
  GHashTable   *hidden_styles;
  char         *style;         /* the style:style being read */
  guint         table_depth;
  GError       *error;
} Lister;

gboolean
sales_ods_is (const xmlChar *uri,
              const xmlChar *local_name,
              const char    *want_uri,
              const char    *want_name)
{
  return uri != NULL && strcmp ((const char *)local_name, want_name) == 0 &&
         strcmp ((const char *)uri, want_uri) == 0;
}

gboolean
sales_ods_attribute (const xmlChar **attributes,
                     int             n_attributes,
                     const char     *uri,
                     const char     *name,
                     SalesOdsValue  *value)
{
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;

      if (strcmp ((const char *)a[0], name) == 0 && a[2] != NULL &&
          strcmp ((const char *)a[2], uri) == 0)
        {
          value->value = (const char *)a[3];
          value->end = (const char *)a[4];
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
sales_ods_attribute_text (const xmlChar **attributes,
                          int             n_attributes,
                          const char     *uri,
                          const char     *name,
                          GString        *out)
{
  SalesOdsValue value;

  if (!sales_ods_attribute (attributes, n_attributes, uri, name, &value))
    return FALSE;

  for (const char *p = value.value; p < value.end; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '&' && value.end - p >= 5 && memcmp (p, "&#38;", 5) == 0)
        p += 4;
    }
  return TRUE;
}

guint64
sales_ods_attribute_uint (const xmlChar **attributes,
                          int             n_attributes,
                          const char     *uri,
                          const char     *name,
                          guint64         fallback)
{
  SalesOdsValue value;
  guint64 number = 0;

  if (!sales_ods_attribute (attributes, n_attributes, uri, name, &value) ||
      value.end == value.value)
    return fallback;

  for (const char *p = value.value; p < value.end; p++)
    {
      if (!g_ascii_isdigit (*p) || number > G_MAXUINT32)
        return fallback;
      number = number * 10 + (*p - '0');
    }
  return number;
}

static char *
attribute_dup (const xmlChar **attributes,
               int             n_attributes,
               const char     *uri,
               const char     *name)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (!sales_ods_attribute_text (attributes, n_attributes, uri, name, text))
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_table (Lister         *lister,
          const xmlChar **attributes,
          int             n_attributes)
{
  g_autofree char *name = NULL;
  g_autofree char *style = NULL;
  gboolean hidden;

  if (lister->error != NULL)
    return;
  if (sales_reader_get_sheets (lister->owner)->len >= SALES_MAX_SHEETS)
    {
      sales_reader_set_error (lister->owner, &lister->error,
                              SALES_ERROR_LIMIT, 0,
                              _("the workbook has more than 4096 sheets"));
      sales_xml_push_stop (lister->push);
      return;
    }

  name = attribute_dup (attributes, n_attributes, SALES_ODS_NS_TABLE, "name");
  style = attribute_dup (attributes, n_attributes, SALES_ODS_NS_TABLE,
                         "style-name");
  hidden = style != NULL &&
           g_hash_table_contains (lister->hidden_styles, style);
  sales_reader_add_sheet (lister->owner, name != NULL ? name : "", hidden);
}

static void
on_start (void           *user_data,
          const xmlChar  *local_name,
          const xmlChar  *prefix,
          const xmlChar  *uri,
          int             n_namespaces,
          const xmlChar **namespaces,
          int             n_attributes,
          int             n_defaulted,
          const xmlChar **attributes)
{
  Lister *lister = user_data;
  SalesOdsValue display;

  if (sales_ods_is (uri, local_name, SALES_ODS_NS_TABLE, "table"))
    {
      if (lister->table_depth++ == 0)
        on_table (lister, attributes, n_attributes);
    }
  else if (sales_ods_is (uri, local_name, SALES_ODS_NS_STYLE, "style"))
    {
      g_free (lister->style);
      lister->style = attribute_dup (attributes, n_attributes,
                                     SALES_ODS_NS_STYLE, "name");
    }
  else if (lister->style != NULL &&
           sales_ods_is (uri, local_name, SALES_ODS_NS_STYLE,
                         "table-properties") &&
           sales_ods_attribute (attributes, n_attributes, SALES_ODS_NS_TABLE,
                                "display", &display) &&
           display.end - display.value == 5 &&
           memcmp (display.value, "false", 5) == 0)
    g_hash_table_add (lister->hidden_styles, g_strdup (lister->style));
}

static void
on_end (void          *user_data,
        const xmlChar *local_name,
        const xmlChar *prefix,
        const xmlChar *uri)
{
  Lister *lister = user_data;

  if (sales_ods_is (uri, local_name, SALES_ODS_NS_TABLE, "table") &&
      lister->table_depth > 0)
    lister->table_depth--;
  else if (sales_ods_is (uri, local_name, SALES_ODS_NS_STYLE, "style"))
    g_clear_pointer (&lister->style, g_free);
}

gboolean
sales_ods_list_sheets (SalesReader  *owner,
                       GsfInfile    *zip,
                       GError      **error)
{
  g_autoptr(GsfInput) input = sales_zip_open_part (owner, zip, "content.xml",
                                                   TRUE, error);
  g_autoptr(GHashTable) hidden = NULL;
  g_autoptr(SalesXmlPush) push = NULL;
  xmlSAXHandler sax;
  Lister lister = { owner };
  int result;

  if (input == NULL)
    return FALSE;

  hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lister.hidden_styles = hidden;
  sales_xml_sax_init (&sax, on_start, on_end, NULL);
  push = sales_xml_push_new (input, "content.xml", &sax, &lister);
  lister.push = push;

  while ((result = sales_xml_push_step (push, owner, error)) > 0 &&
         lister.error == NULL)
    ;
  g_free (lister.style);

  if (lister.error != NULL)
    {
      g_clear_error (error);
      g_propagate_error (error, lister.error);
      return FALSE;
    }
  return result == 0;
}
