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
  SalesSharedStrings *strings;
  GString            *text;
  gboolean            in_text;
  guint               phonetic_depth;
} Loader;

static void
add_string (SalesSharedStrings *strings,
            GString            *text)
{
  gsize offset = strings->data->len;

  sales_ooxml_unescape (text);
  g_array_append_val (strings->offsets, offset);
  g_byte_array_append (strings->data, (const guint8 *)text->str,
                       text->len + 1);
}

static gboolean
check_caps (SalesReader         *owner,
            SalesSharedStrings  *strings,
            GError             **error)
{
  if (strings->offsets->len < SALES_MAX_SHARED_STRINGS &&
      strings->data->len <= SALES_MAX_SHARED_STRING_BYTES)
    return TRUE;

  sales_reader_set_error (owner, error, SALES_ERROR_LIMIT, 0,
                          _("the shared-string table is larger than "
                            "SalesOps reads (16 million strings or 512 MB)"));
  return FALSE;
}

static void
on_node (Loader           *loader,
         xmlTextReaderPtr  reader)
{
  int type = xmlTextReaderNodeType (reader);
  const char *name = (const char *)xmlTextReaderConstLocalName (reader);
  gboolean empty = xmlTextReaderIsEmptyElement (reader);

  switch (type)
    {
    case XML_READER_TYPE_ELEMENT:
      if (g_str_equal (name, "si"))
        {
          g_string_truncate (loader->text, 0);
          if (empty)
            add_string (loader->strings, loader->text);
        }
      else if (g_str_equal (name, "rPh") && !empty)
        loader->phonetic_depth++;
      else if (g_str_equal (name, "t") && !empty)
        loader->in_text = loader->phonetic_depth == 0;
      break;

    case XML_READER_TYPE_END_ELEMENT:
      if (g_str_equal (name, "si"))
        add_string (loader->strings, loader->text);
      else if (g_str_equal (name, "rPh") && loader->phonetic_depth > 0)
        loader->phonetic_depth--;
      else if (g_str_equal (name, "t"))
        loader->in_text = FALSE;
      break;

    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      if (loader->in_text)
        g_string_append (loader->text,
                         (const char *)xmlTextReaderConstValue (reader));
      break;

    default:
      break;
    }
}

SalesSharedStrings *
sales_shared_strings_load (SalesReader  *owner,
                           GsfInfile    *zip,
                           const char   *part,
                           GError      **error)
{
  g_autoptr(SalesSharedStrings) strings = g_new0 (SalesSharedStrings, 1);
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(SalesXmlStream) stream = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) local = NULL;
  Loader loader = { strings, text, FALSE, 0 };
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

  stream = sales_xml_stream_new (input, part);
  while ((result = sales_xml_stream_read (stream, owner, error)) == 1)
    {
      on_node (&loader, sales_xml_stream_reader (stream));
      if (!check_caps (owner, strings, error))
        return NULL;
    }

  return result == 0 ? g_steal_pointer (&strings) : NULL;
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
