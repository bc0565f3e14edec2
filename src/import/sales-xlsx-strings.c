/* sales-xlsx-strings.c: the shared-string table of an XLSX workbook
 *
 * The table is the one thing a sheet cannot be streamed without, so it
 * is held as one block of NUL-ended strings and an array of offsets:
 * two allocations whatever the number of strings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-xlsx"

#include "config.h"

#include <glib/gi18n.h>

#include "sales-cell-format.h"
#include "sales-limits.h"
#include "sales-reader-private.h"
#include "sales-xlsx-strings.h"
#include "sales-zip-xml.h"

struct _SalesSharedStrings
{
  GByteArray *data;
  GArray     *offsets;     /* gsize */
};

typedef struct
{
  SalesReader        *owner;
  SalesSharedStrings *strings;
  SalesXmlPush       *push;
  GString            *text;
  gboolean            in_text;
  guint               phonetic_depth;
  GError             *error;      /* a limit hit inside a callback */
} Loader;

static void
fail (Loader     *loader,
      const char *detail)
{
  if (loader->error == NULL)
    sales_reader_set_error (loader->owner, &loader->error, SALES_ERROR_LIMIT,
                            0, detail);
  sales_xml_push_stop (loader->push);
}

static void
add_string (Loader *loader)
{
  SalesSharedStrings *strings = loader->strings;
  gsize offset = strings->data->len;

  sales_ooxml_unescape (loader->text);
  g_array_append_val (strings->offsets, offset);
  g_byte_array_append (strings->data, (const guint8 *)loader->text->str,
                       loader->text->len + 1);

  if (strings->offsets->len >= SALES_MAX_SHARED_STRINGS ||
      strings->data->len > SALES_MAX_SHARED_STRING_BYTES)
    fail (loader, _("the shared-string table is larger than SalesOps reads "
                    "(16 million strings or 512 MB)"));
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
  Loader *loader = user_data;
  const char *name = (const char *)local_name;

  if (g_str_equal (name, "si"))
    g_string_truncate (loader->text, 0);
  else if (g_str_equal (name, "rPh"))
    loader->phonetic_depth++;
  else if (g_str_equal (name, "t"))
    loader->in_text = loader->phonetic_depth == 0;
}

static void
on_end (void          *user_data,
        const xmlChar *local_name,
        const xmlChar *prefix,
        const xmlChar *uri)
{
  Loader *loader = user_data;
  const char *name = (const char *)local_name;

  if (g_str_equal (name, "si"))
    add_string (loader);
  else if (g_str_equal (name, "rPh") && loader->phonetic_depth > 0)
    loader->phonetic_depth--;
  else if (g_str_equal (name, "t"))
    loader->in_text = FALSE;
}

/* Text comes a block at a time, so a string past the cell cap is caught
 * as it grows, never held whole.
 */
static void
on_text (void          *user_data,
         const xmlChar *text,
         int            length)
{
  Loader *loader = user_data;

  if (!loader->in_text || loader->error != NULL)
    return;

  g_string_append_len (loader->text, (const char *)text, length);
  if (loader->text->len > SALES_MAX_CELL_BYTES)
    fail (loader, _("a cell is longer than 32 MB"));
}

SalesSharedStrings *
sales_shared_strings_load (SalesReader  *owner,
                           GsfInfile    *zip,
                           const char   *part,
                           GError      **error)
{
  g_autoptr(SalesSharedStrings) strings = g_new0 (SalesSharedStrings, 1);
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(SalesXmlPush) push = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) local = NULL;
  Loader loader = { owner, strings, NULL, text, FALSE, 0, NULL };
  xmlSAXHandler sax;
  int result;

  strings->data = g_byte_array_new ();
  strings->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  if (part == NULL)
    return g_steal_pointer (&strings);

  input = sales_zip_open_part (owner, zip, part, FALSE, &local);
  if (input == NULL)
    {
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      return g_steal_pointer (&strings);
    }

  sales_xml_sax_init (&sax, on_start, on_end, on_text);
  push = loader.push = sales_xml_push_new (input, part, &sax, &loader);
  while ((result = sales_xml_push_step (push, owner, &local)) == 1)
    ;

  if (loader.error != NULL)
    {
      g_propagate_error (error, loader.error);
      return NULL;
    }
  if (result < 0)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&strings);
}

const char *
sales_shared_strings_get (SalesSharedStrings *strings,
                          guint64             index,
                          gsize              *length)
{
  gsize start, end;

  if (index >= strings->offsets->len)
    return NULL;

  start = g_array_index (strings->offsets, gsize, index);
  end = index + 1 < strings->offsets->len
          ? g_array_index (strings->offsets, gsize, index + 1)
          : strings->data->len;
  *length = end - start - 1;
  return (const char *)strings->data->data + start;
}

guint
sales_shared_strings_count (SalesSharedStrings *strings)
{
  return strings->offsets->len;
}

void
sales_shared_strings_free (SalesSharedStrings *strings)
{
  if (strings == NULL)
    return;

  if (strings->data != NULL)
    g_byte_array_unref (strings->data);
  if (strings->offsets != NULL)
    g_array_unref (strings->offsets);
  g_free (strings);
}
