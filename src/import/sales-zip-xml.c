/* sales-zip-xml.c: XML parts of a zip (XLSX, ODS), read safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sales-zip"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <string.h>

#include "sales-limits.h"
#include "sales-reader-private.h"
#include "sales-zip-xml.h"

struct _SalesXmlStream
{
  GsfInput         *input;
  char             *name;
  xmlTextReaderPtr  reader;
  char             *message;      /* libxml2's first error */
  gboolean          doctype;
  char              tail[2];      /* the last bytes of the previous read */
  guint64           position;
};

/* libgsf says that a zip member is damaged with a warning of its own,
 * logged without a domain ("Unable to get child ... incorrect zip
 * header"), and prints the header it found with g_printerr(), before it
 * returns the failure that the reader explains with the file's name.
 * Those lines only repeat that failure in libgsf's words: while libgsf
 * opens a member they go to the debug log (G_MESSAGES_DEBUG=sales-zip),
 * and warnings without a domain always do, since every other library and
 * all of SalesOps log under one.
 */
static GPrivate opening_member;

static void
library_warning_cb (const char     *domain,
                    GLogLevelFlags  level,
                    const char     *message,
                    gpointer        data)
{
  g_debug ("%s", message);
}

static void
printerr_cb (const char *text)
{
  g_autofree char *local = NULL;

  if (g_private_get (&opening_member) != NULL)
    {
      g_debug ("%s", text);
      return;
    }

  local = g_locale_from_utf8 (text, -1, NULL, NULL, NULL);
  fputs (local != NULL ? local : text, stderr);
}

static void
quiet_library_output (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_log_set_handler (NULL, G_LOG_LEVEL_WARNING, library_warning_cb, NULL);
      g_set_printerr_handler (printerr_cb);
      g_once_init_leave (&done, 1);
    }
}

GsfInfile *
sales_zip_open (SalesReader  *owner,
                GError      **error)
{
  const char *path = sales_reader_get_path (owner);
  g_autoptr(GError) local = NULL;
  g_autoptr(GsfInput) input = NULL;
  GsfInfile *zip;

  quiet_library_output ();
  input = gsf_input_stdio_new (path, &local);

  if (input == NULL)
    {
      sales_reader_set_error (owner, error, SALES_ERROR_IO, 0,
                              local->message);
      return NULL;
    }

  zip = gsf_infile_zip_new (input, &local);
  if (zip == NULL)
    {
      sales_reader_set_error (owner, error, SALES_ERROR_PARSE, 0,
                              _("not a readable workbook (the zip is "
                                "damaged or truncated)"));
      return NULL;
    }

  sales_reader_set_size (owner, gsf_input_size (input));
  return zip;
}

/* Zip names are case-sensitive, but Excel's are not, and some writers
 * name a part in another case than its relationship does.
 */
static GsfInput *
child_by_name (GsfInfile  *dir,
               const char *name)
{
  GsfInput *child;
  int n;

  g_private_set (&opening_member, GINT_TO_POINTER (1));
  child = gsf_infile_child_by_name (dir, name);
  n = child == NULL ? gsf_infile_num_children (dir) : 0;
  for (int i = 0; i < n; i++)
    {
      const char *other = gsf_infile_name_by_index (dir, i);

      if (other != NULL && g_ascii_strcasecmp (other, name) == 0)
        {
          child = gsf_infile_child_by_index (dir, i);
          break;
        }
    }
  g_private_set (&opening_member, NULL);

  return child;
}

GsfInput *
sales_zip_open_part (SalesReader  *owner,
                     GsfInfile    *zip,
                     const char   *name,
                     gboolean      required,
                     GError      **error)
{
  g_auto(GStrv) segments = g_strsplit (name, "/", -1);
  g_autoptr(GsfInput) input = g_object_ref (GSF_INPUT (zip));
  g_autofree char *detail = NULL;

  for (guint i = 0; segments[i] != NULL && input != NULL; i++)
    {
      GsfInput *child;

      if (segments[i][0] == '\0')
        continue;
      child = GSF_IS_INFILE (input) ? child_by_name (GSF_INFILE (input),
                                                     segments[i])
                                    : NULL;
      g_object_unref (input);
      input = child;
    }

  /* A folder of the zip is not a part. */
  if (input == NULL || (GSF_IS_INFILE (input) &&
                        gsf_infile_num_children (GSF_INFILE (input)) >= 0))
    {
      g_clear_object (&input);
      if (required)
        {
          detail = g_strdup_printf (_("the workbook has no part %s: it is "
                                      "damaged or not a spreadsheet"), name);
          sales_reader_set_error (owner, error, SALES_ERROR_PARSE, 0, detail);
        }
      return NULL;
    }

  /* libgsf never reads past the size the zip declares, so checking it
   * here bounds what inflating the part can produce.
   */
  if ((guint64)gsf_input_size (input) > SALES_MAX_ZIP_PART_BYTES)
    {
      detail = g_strdup_printf (_("part %s unpacks to %" PRId64
                                  " bytes, more than the 1 GB a workbook "
                                  "part may have (a zip bomb?)"),
                                name, (gint64)gsf_input_size (input));
      sales_reader_set_error (owner, error, SALES_ERROR_LIMIT, 0, detail);
      return NULL;
    }

  return g_steal_pointer (&input);
}

/* TRUE when "<!D" (a DOCTYPE) starts in @data, or across @tail. */
static gboolean
has_doctype (const char *tail,
             const char *data,
             gsize       length)
{
  char seam[4] = { tail[0], tail[1], length > 0 ? data[0] : 0,
                   length > 1 ? data[1] : 0 };

  for (guint i = 0; i + 2 < 4; i++)
    if (seam[i] == '<' && seam[i + 1] == '!' &&
        (seam[i + 2] == 'D' || seam[i + 2] == 'd'))
      return TRUE;

  for (const char *p = memchr (data, '<', length); p != NULL;
       p = memchr (p + 1, '<', data + length - p - 1))
    {
      if (p + 2 < data + length && p[1] == '!' && (p[2] == 'D' || p[2] == 'd'))
        return TRUE;
    }

  return FALSE;
}

static int
stream_read (void *context,
             char *buffer,
             int   length)
{
  SalesXmlStream *stream = context;
  gsf_off_t remaining = gsf_input_remaining (stream->input);
  gsize n = MIN ((gsf_off_t)length, remaining);

  if (n == 0)
    return 0;
  if (gsf_input_read (stream->input, n, (guint8 *)buffer) == NULL)
    return -1;

  if (has_doctype (stream->tail, buffer, n))
    {
      stream->doctype = TRUE;
      return -1;
    }
  stream->tail[0] = n >= 2 ? buffer[n - 2] : stream->tail[1];
  stream->tail[1] = buffer[n - 1];

  stream->position += n;
  return n;
}

static int
stream_close (void *context)
{
  return 0;
}

static void
stream_error (void                    *arg,
              const char              *msg,
              xmlParserSeverities      severity,
              xmlTextReaderLocatorPtr  locator)
{
  SalesXmlStream *stream = arg;

  if (stream->message != NULL || severity == XML_PARSER_SEVERITY_WARNING ||
      severity == XML_PARSER_SEVERITY_VALIDITY_WARNING)
    return;

  stream->message = g_strdup_printf ("%d: %s",
                                     xmlTextReaderLocatorLineNumber (locator),
                                     msg);
  g_strchomp (stream->message);
}

SalesXmlStream *
sales_xml_stream_new (GsfInput   *input,
                      const char *name)
{
  SalesXmlStream *stream = g_new0 (SalesXmlStream, 1);

  stream->input = g_object_ref (input);
  stream->name = g_strdup (name);
  stream->reader = xmlReaderForIO (stream_read, stream_close, stream, NULL,
                                   NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING |
                                   XML_PARSE_NOERROR | XML_PARSE_COMPACT);
  if (stream->reader != NULL)
    xmlTextReaderSetErrorHandler (stream->reader, stream_error, stream);

  return stream;
}

void
sales_xml_stream_free (SalesXmlStream *stream)
{
  if (stream == NULL)
    return;

  if (stream->reader != NULL)
    xmlFreeTextReader (stream->reader);
  g_clear_object (&stream->input);
  g_free (stream->message);
  g_free (stream->name);
  g_free (stream);
}

xmlTextReaderPtr
sales_xml_stream_reader (SalesXmlStream *stream)
{
  return stream->reader;
}

guint64
sales_xml_stream_position (SalesXmlStream *stream)
{
  return stream->position;
}

guint64
sales_xml_stream_size (SalesXmlStream *stream)
{
  return gsf_input_size (stream->input);
}

int
sales_xml_stream_read (SalesXmlStream  *stream,
                       SalesReader     *owner,
                       GError         **error)
{
  g_autofree char *detail = NULL;
  int result;

  if (stream->reader == NULL)
    result = -1;
  else
    result = xmlTextReaderRead (stream->reader);
  if (result >= 0)
    return result;

  if (stream->doctype)
    detail = g_strdup_printf (_("part %s declares a DTD, which workbooks "
                                "never do: refused as unsafe"),
                              stream->name);
  else
    detail = g_strdup_printf (_("part %s is not well-formed XML (line %s)"),
                              stream->name,
                              stream->message != NULL ? stream->message
                                                      : "?");
  sales_reader_set_error (owner, error, SALES_ERROR_PARSE, 0, detail);
  return -1;
}

char *
sales_xml_get_attribute (xmlTextReaderPtr  reader,
                         const char       *name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;

  do
    {
      const char *local = (const char *)xmlTextReaderConstLocalName (reader);

      if (g_strcmp0 (local, name) == 0)
        {
          value = g_strdup ((const char *)xmlTextReaderConstValue (reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);

  xmlTextReaderMoveToElement (reader);
  return value;
}

gboolean
sales_xml_read_part (SalesReader         *owner,
                     GsfInfile           *zip,
                     const char          *name,
                     gboolean             required,
                     SalesXmlElementFunc  element,
                     gpointer             user_data,
                     GError             **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GsfInput) input = sales_zip_open_part (owner, zip, name, required,
                                                   &local);
  g_autoptr(SalesXmlStream) stream = NULL;
  int result;

  if (input == NULL)
    {
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  stream = sales_xml_stream_new (input, name);
  while ((result = sales_xml_stream_read (stream, owner, error)) == 1)
    {
      xmlTextReaderPtr reader = stream->reader;
      const char *local_name;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      local_name = (const char *)xmlTextReaderConstLocalName (reader);
      if (!element (reader, local_name, user_data, error))
        return FALSE;
    }

  return result == 0;
}

/* Blocks fed to the push parser: small, so that the rows one block
 * completes stay few.
 */
#define PUSH_BLOCK (64 * 1024)
/* Blocks parsed between two looks at the cancellable. */
#define CANCEL_CHECK_BLOCKS 64

struct _SalesXmlPush
{
  SalesXmlStream    guard;      /* the DTD guard and the input */
  xmlParserCtxtPtr  context;
  gboolean          finished;
  gboolean          stopped;
  char             *buffer;
  gsize             buffer_size;
  guint             blocks;
};

SalesXmlPush *
sales_xml_push_new (GsfInput      *input,
                    const char    *name,
                    xmlSAXHandler *sax,
                    gpointer       user_data)
{
  SalesXmlPush *push = g_new0 (SalesXmlPush, 1);

  push->guard.input = g_object_ref (input);
  push->guard.name = g_strdup (name);
  push->buffer = g_malloc (PUSH_BLOCK);
  push->buffer_size = PUSH_BLOCK;
  push->context = xmlCreatePushParserCtxt (sax, user_data, NULL, 0, NULL);
  /* XML_PARSE_HUGE lifts libxml2's 10 MB bounds on a tag and a text node,
   * which a cell of up to SALES_MAX_CELL_BYTES needs. What they guard
   * against stays guarded: entity expansion cannot happen as no DTD gets
   * through, text reaches the callbacks a block at a time (each reader
   * caps its cells), and sales_xml_push_step bounds what a tag buffers.
   */
  if (push->context != NULL)
    xmlCtxtUseOptions (push->context, XML_PARSE_NONET | XML_PARSE_NOERROR |
                       XML_PARSE_NOWARNING | XML_PARSE_COMPACT |
                       XML_PARSE_HUGE);

  return push;
}

void
sales_xml_push_free (SalesXmlPush *push)
{
  if (push == NULL)
    return;

  if (push->context != NULL)
    xmlFreeParserCtxt (push->context);
  g_clear_object (&push->guard.input);
  g_free (push->guard.name);
  g_free (push->buffer);
  g_free (push);
}

void
sales_xml_push_stop (SalesXmlPush *push)
{
  push->stopped = TRUE;
  xmlStopParser (push->context);
}

guint64
sales_xml_push_position (SalesXmlPush *push)
{
  return push->guard.position;
}

static int
push_error (SalesXmlPush  *push,
            SalesReader   *owner,
            GError       **error)
{
  g_autofree char *detail = NULL;
  const xmlError *last = push->context != NULL
                           ? xmlCtxtGetLastError (push->context) : NULL;

  if (push->guard.doctype)
    detail = g_strdup_printf (_("part %s declares a DTD, which workbooks "
                                "never do: refused as unsafe"),
                              push->guard.name);
  else
    detail = g_strdup_printf (_("part %s is not well-formed XML (line %d: "
                                "%s)"), push->guard.name,
                              last != NULL ? last->line : 0,
                              last != NULL && last->message != NULL
                                ? g_strchomp (last->message) : "?");
  sales_reader_set_error (owner, error, SALES_ERROR_PARSE, 0, detail);
  return -1;
}

/* The bytes fed to the parser that it holds unparsed: the start of a tag
 * it is waiting to see the end of.
 */
static gsize
push_pending (SalesXmlPush *push)
{
  xmlParserInputPtr input = push->context->input;

  return input != NULL && input->end > input->cur ? input->end - input->cur
                                                  : 0;
}

static int
push_tag_too_long (SalesXmlPush  *push,
                   SalesReader   *owner,
                   GError       **error)
{
  g_autofree char *detail = NULL;

  detail = g_strdup_printf (_("part %s has an XML tag longer than %u MB, "
                              "more than a cell of at most %u MB needs"),
                            push->guard.name,
                            SALES_MAX_XML_TAG_BYTES / (1024 * 1024),
                            SALES_MAX_CELL_BYTES / (1024 * 1024));
  sales_reader_set_error (owner, error, SALES_ERROR_LIMIT, 0, detail);
  return -1;
}

/* The size of the next block. libxml2 looks for the end of a pending tag
 * from its start again at each block, so while a long tag is pending the
 * block grows with it: parsing stays linear in the tag's length.
 */
static gsize
block_size (SalesXmlPush *push)
{
  gsize size = MAX (PUSH_BLOCK, push_pending (push));

  if (size != push->buffer_size)
    {
      g_free (push->buffer);
      push->buffer = g_malloc (size);
      push->buffer_size = size;
    }
  return size;
}

int
sales_xml_push_step (SalesXmlPush  *push,
                     SalesReader   *owner,
                     GError       **error)
{
  int n;

  if (push->finished || push->stopped)
    return 0;
  if (push->context == NULL)
    return push_error (push, owner, error);

  n = stream_read (&push->guard, push->buffer, (int)block_size (push));
  if (n < 0)
    return push_error (push, owner, error);

  push->finished = n == 0;
  if (xmlParseChunk (push->context, push->buffer, n, push->finished) != 0 &&
      !push->stopped)
    return push_error (push, owner, error);
  if (!push->stopped && push_pending (push) > SALES_MAX_XML_TAG_BYTES)
    return push_tag_too_long (push, owner, error);

  return push->finished || push->stopped ? 0 : 1;
}

const char *
sales_xml_sax_attribute (const xmlChar **attributes,
                         int             n_attributes,
                         const char     *name,
                         char           *buf,
                         gsize           size)
{
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;
      gsize length;

      if (strcmp ((const char *)a[0], name) != 0)
        continue;

      length = MIN ((gsize)(a[4] - a[3]), size - 1);
      memcpy (buf, a[3], length);
      buf[length] = '\0';
      return buf;
    }

  return NULL;
}

void
sales_xml_sax_init (xmlSAXHandler          *sax,
                    startElementNsSAX2Func  start,
                    endElementNsSAX2Func    end,
                    charactersSAXFunc       text)
{
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = start;
  sax->endElementNs = end;
  sax->characters = text;
  sax->cdataBlock = text;
  sax->ignorableWhitespace = text;
}

gboolean
sales_xml_push_next_row (SalesXmlPush   *push,
                         SalesReader    *owner,
                         SalesRowQueue  *queue,
                         GError        **pending,
                         SalesRow      **row,
                         GError        **error)
{
  while ((*row = sales_row_queue_pop (queue)) == NULL)
    {
      int result;

      /* Rows finished before a limit was hit come out first. */
      if (*pending != NULL)
        {
          g_propagate_error (error, g_steal_pointer (pending));
          return FALSE;
        }
      if (++push->blocks % CANCEL_CHECK_BLOCKS == 0 &&
          sales_reader_cancelled (owner, error))
        return FALSE;

      result = sales_xml_push_step (push, owner, error);
      if (*pending != NULL)
        {
          g_clear_error (error);
          continue;
        }
      if (result < 0)
        return FALSE;
      if (result == 0)
        {
          sales_reader_set_position (owner, sales_reader_get_size (owner));
          return (*row = sales_row_queue_pop (queue)) != NULL;
        }
      sales_reader_set_position (owner, push->guard.position);
    }

  return TRUE;
}
