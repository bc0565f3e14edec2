/* sales-reader.c: the base of every reader
 *
 * It holds what every reader reports (path, format, encoding, delimiter,
 * sheets, progress) and checks the arguments of the public calls; the
 * readers fill it in through sales-reader-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-reader"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "sales-reader-private.h"

typedef struct
{
  char         *path;
  char         *format;
  const char   *encoding;
  char          delimiter;
  GPtrArray    *sheets;
  char         *sheet;
  guint64       position;
  guint64       size;
  GCancellable *cancellable;
} SalesReaderPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SalesReader, sales_reader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_FORMAT,
  PROP_CANCELLABLE,
  PROP_ENCODING,
  PROP_DELIMITER,
  PROP_SHEET,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sheet_info_free (gpointer data)
{
  SalesSheetInfo *info = data;

  g_free (info->name);
  g_free (info);
}

static void
sales_reader_finalize (GObject *object)
{
  SalesReader *self = SALES_READER (object);
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  g_clear_pointer (&priv->path, g_free);
  g_clear_pointer (&priv->format, g_free);
  g_clear_pointer (&priv->sheets, g_ptr_array_unref);
  g_clear_pointer (&priv->sheet, g_free);
  g_clear_object (&priv->cancellable);

  G_OBJECT_CLASS (sales_reader_parent_class)->finalize (object);
}

static void
sales_reader_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SalesReader *self = SALES_READER (object);
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, priv->path);
      break;

    case PROP_FORMAT:
      g_value_set_string (value, priv->format);
      break;

    case PROP_CANCELLABLE:
      g_value_set_object (value, priv->cancellable);
      break;

    case PROP_ENCODING:
      g_value_set_string (value, priv->encoding);
      break;

    case PROP_DELIMITER:
      g_value_set_schar (value, priv->delimiter);
      break;

    case PROP_SHEET:
      g_value_set_string (value, priv->sheet);
      break;

    case PROP_SIZE:
      g_value_set_uint64 (value, priv->size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_reader_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SalesReader *self = SALES_READER (object);
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PATH:
      priv->path = g_value_dup_string (value);
      break;

    case PROP_FORMAT:
      priv->format = g_value_dup_string (value);
      break;

    case PROP_CANCELLABLE:
      priv->cancellable = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_reader_class_init (SalesReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS;
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS;

  object_class->finalize = sales_reader_finalize;
  object_class->get_property = sales_reader_get_property;
  object_class->set_property = sales_reader_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, construct);
  properties[PROP_FORMAT] =
    g_param_spec_string ("format", NULL, NULL, NULL, construct);
  properties[PROP_CANCELLABLE] =
    g_param_spec_object ("cancellable", NULL, NULL, G_TYPE_CANCELLABLE,
                         construct);
  properties[PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL, NULL, readable);
  properties[PROP_DELIMITER] =
    g_param_spec_char ("delimiter", NULL, NULL, G_MININT8, G_MAXINT8, 0,
                       readable);
  properties[PROP_SHEET] =
    g_param_spec_string ("sheet", NULL, NULL, NULL, readable);
  properties[PROP_SIZE] =
    g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_reader_init (SalesReader *self)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  priv->sheets = g_ptr_array_new_with_free_func (sheet_info_free);
}

/**
 * sales_reader_next_row:
 * @self: a #SalesReader
 * @row: (out) (transfer none): the next row, valid until the next call
 * @error: return location for a #GError
 *
 * Returns: %TRUE with @row set; %FALSE at the end of the file (@error not
 *   set) or on failure (@error set, naming the file and line)
 */
gboolean
sales_reader_next_row (SalesReader  *self,
                       SalesRow    **row,
                       GError      **error)
{
  g_return_val_if_fail (SALES_IS_READER (self), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *row = NULL;
  return SALES_READER_GET_CLASS (self)->next_row (self, row, error);
}

/**
 * sales_reader_rewind:
 * @self: a #SalesReader
 * @error: return location for a #GError
 *
 * Goes back before the first row, keeping what was sniffed (encoding,
 * delimiter, sheet).
 *
 * Returns: %TRUE on success
 */
gboolean
sales_reader_rewind (SalesReader  *self,
                     GError      **error)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_READER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  priv->position = 0;
  return SALES_READER_GET_CLASS (self)->rewind (self, error);
}

/**
 * sales_reader_get_path:
 * @self: a #SalesReader
 *
 * Returns: the file being read
 */
const char *
sales_reader_get_path (SalesReader *self)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_READER (self), NULL);

  return priv->path;
}

/**
 * sales_reader_get_format:
 * @self: a #SalesReader
 *
 * Returns: "csv", "xlsx", "ods" or "json"
 */
const char *
sales_reader_get_format (SalesReader *self)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_READER (self), NULL);

  return priv->format;
}

/**
 * sales_reader_get_encoding:
 * @self: a #SalesReader
 *
 * Returns: (nullable): the text encoding of a CSV or JSON file as it was
 *   decided from its start, %NULL for workbooks
 */
const char *
sales_reader_get_encoding (SalesReader *self)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_READER (self), NULL);

  return priv->encoding;
}

/**
 * sales_reader_get_delimiter:
 * @self: a #SalesReader
 *
 * Returns: the field delimiter of a CSV file, 0 for other formats
 */
char
sales_reader_get_delimiter (SalesReader *self)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_READER (self), 0);

  return priv->delimiter;
}

/**
 * sales_reader_get_sheets:
 * @self: a #SalesReader
 *
 * Returns: (transfer none) (element-type SalesSheetInfo): the sheets in
 *   the order of the workbook, hidden ones included; empty for CSV, JSON
 */
const GPtrArray *
sales_reader_get_sheets (SalesReader *self)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_READER (self), NULL);

  return priv->sheets;
}

/**
 * sales_reader_get_sheet:
 * @self: a #SalesReader
 *
 * Returns: (nullable): the name of the sheet being read
 */
const char *
sales_reader_get_sheet (SalesReader *self)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_READER (self), NULL);

  return priv->sheet;
}

/**
 * sales_reader_get_position:
 * @self: a #SalesReader
 *
 * Returns: how many bytes of the file (or of the sheet's part, for
 *   workbooks) have been read, for progress against the size
 */
guint64
sales_reader_get_position (SalesReader *self)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_READER (self), 0);

  return priv->position;
}

/**
 * sales_reader_get_size:
 * @self: a #SalesReader
 *
 * Returns: the size that the position runs up to
 */
guint64
sales_reader_get_size (SalesReader *self)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_READER (self), 0);

  return priv->size;
}

void
sales_reader_set_encoding (SalesReader *self,
                           const char  *encoding)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  if (g_strcmp0 (priv->encoding, encoding) == 0)
    return;

  priv->encoding = encoding;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);
}

void
sales_reader_set_delimiter (SalesReader *self,
                            char         delimiter)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  if (priv->delimiter == delimiter)
    return;

  priv->delimiter = delimiter;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIMITER]);
}

void
sales_reader_add_sheet (SalesReader *self,
                        const char  *name,
                        gboolean     hidden)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);
  SalesSheetInfo *info = g_new0 (SalesSheetInfo, 1);

  info->name = g_strdup (name);
  info->hidden = hidden;
  g_ptr_array_add (priv->sheets, info);
}

void
sales_reader_set_sheet (SalesReader *self,
                        const char  *name)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  if (g_strcmp0 (priv->sheet, name) == 0)
    return;

  g_free (priv->sheet);
  priv->sheet = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEET]);
}

void
sales_reader_set_position (SalesReader *self,
                           guint64      position)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  priv->position = position;
}

void
sales_reader_set_size (SalesReader *self,
                       guint64      size)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  if (priv->size == size)
    return;

  priv->size = size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

GCancellable *
sales_reader_get_cancellable (SalesReader *self)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  return priv->cancellable;
}

gboolean
sales_reader_cancelled (SalesReader  *self,
                        GError      **error)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  if (priv->cancellable == NULL ||
      !g_cancellable_is_cancelled (priv->cancellable))
    return FALSE;

  g_set_error (error, SALES_ERROR, SALES_ERROR_CANCELLED,
               _("Reading %s was cancelled"), priv->path);
  return TRUE;
}

void
sales_reader_set_error (SalesReader  *self,
                        GError      **error,
                        SalesError    code,
                        guint64       line,
                        const char   *detail)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);

  if (line == 0)
    g_set_error (error, SALES_ERROR, code, "%s: %s", priv->path, detail);
  else
    /* Translators: file name, line number, what is wrong */
    g_set_error (error, SALES_ERROR, code, _("%s, line %" PRIu64
                                             ": %s"),
                 priv->path, line, detail);
}

static gboolean
parse_index (const char *text,
             guint       n,
             guint      *index)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL) ||
      value >= n)
    return FALSE;

  *index = value;
  return TRUE;
}

int
sales_reader_choose_sheet (SalesReader  *self,
                           const char   *sheet,
                           GError      **error)
{
  SalesReaderPrivate *priv = sales_reader_get_instance_private (self);
  guint n = priv->sheets->len;
  guint index;

  for (guint i = 0; i < n; i++)
    {
      SalesSheetInfo *info = g_ptr_array_index (priv->sheets, i);

      if (sheet == NULL ? !info->hidden : g_str_equal (info->name, sheet))
        return i;
    }

  if (sheet != NULL && parse_index (sheet, n, &index))
    return index;
  if (sheet == NULL && n > 0)
    return 0;

  if (sheet == NULL)
    g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                 _("%s has no sheet"), priv->path);
  else
    g_set_error (error, SALES_ERROR, SALES_ERROR_NOT_FOUND,
                 _("%s has no sheet named \342\200\234%s\342\200\235: "
                   "give a sheet name or a number from 0 to %u"),
                 priv->path, sheet, n > 0 ? n - 1 : 0);
  return -1;
}

const char *
sales_row_get_cell (const SalesRow *row,
                    int             column)
{
  return column >= 0 && (guint)column < row->n_cells ? row->cells[column]
                                                       : "";
}
